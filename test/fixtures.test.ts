/**
 * One runner for every Markdown fixture. A fixture states its own expectations in HTML comments, which no
 * rule can see:
 *
 *   <!-- fixture brand: lumora.yaml channel: press-release -->   (optional header; lumora.yaml by default)
 *   Sign up for LumoraPulse today. <!-- expect: name.variant -->
 *
 * Every finding must be expected on its line and every expectation must be found (so a fixture's
 * unmarked lines are its "don't flag" cases). Fixes must round-trip: after applying them, re-checking
 * finds nothing fixable, and every finding without a fix is still there, unchanged.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyFixes, check, lineStarts, loadBrand, offsetToLineColumn, type Brand, type Finding } from '../server/src/core/index';

const ROOT = path.resolve(__dirname, '..', '..');
const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'markdown');
const BRANDS = path.join(ROOT, 'test', 'fixtures', 'brand');

const brandCache = new Map<string, Brand>();

function brandNamed(name: string): Brand {
  let brand = brandCache.get(name);
  if (!brand) {
    const loaded = loadBrand(fs.readFileSync(path.join(BRANDS, name), 'utf8'));
    assert.ok(loaded.usable, `${name} is not a usable brand file`);
    assert.deepEqual(loaded.problems.map((p) => p.message), [], `${name} has problems`);
    brand = loaded.brand;
    brandCache.set(name, brand);
  }
  return brand;
}

interface Fixture {
  text: string;
  brand: string;
  channel?: string;
  /** "line rule" keys, one per expected finding. */
  expected: string[];
}

const HEADER = /<!--\s*fixture\b([^>]*)-->/;
const EXPECT = /<!--\s*expect:\s*([^>]*?)\s*-->/g;

export function readFixture(text: string): Fixture {
  const header = HEADER.exec(text)?.[1] ?? '';
  const brand = /brand:\s*(\S+)/.exec(header)?.[1] ?? 'lumora.yaml';
  const channel = /channel:\s*(\S+)/.exec(header)?.[1];
  const expected: string[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    for (const m of line.matchAll(EXPECT)) {
      for (const rule of m[1].split(/[\s,]+/).filter(Boolean)) expected.push(`${i + 1} ${rule}`);
    }
  });
  return channel ? { text, brand, channel, expected } : { text, brand, expected };
}

function keys(text: string, findings: readonly Finding[]): string[] {
  const starts = lineStarts(text);
  return findings.map((f) => `${offsetToLineColumn(starts, f.start).line} ${f.rule}`).sort();
}

function describe(text: string, findings: readonly Finding[]): string {
  const starts = lineStarts(text);
  return findings
    .map((f) => {
      const { line, column } = offsetToLineColumn(starts, f.start);
      return `  ${line}:${column} ${f.rule} "${text.slice(f.start, f.end)}" — ${f.message}`;
    })
    .join('\n');
}

suite('fixtures', () => {
  const files = fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.md')).sort();

  test('there is a fixture for every rule', () => {
    const { ruleIds } = require('../server/src/core/index') as typeof import('../server/src/core/index');
    const missing = ruleIds.filter((id) => !files.includes(`${id}.md`));
    assert.deepEqual(missing, []);
  });

  for (const file of files) {
    suite(file, () => {
      const fixture = readFixture(fs.readFileSync(path.join(FIXTURES, file), 'utf8'));
      // Claims expire: fixtures are judged on a fixed day unless their front matter has a date.
      const options = { today: '2025-09-16', ...(fixture.channel ? { channel: fixture.channel } : {}) };

      test('finds exactly the expected findings', () => {
        const { findings } = check(fixture.text, brandNamed(fixture.brand), options);
        assert.deepEqual(keys(fixture.text, findings), [...fixture.expected].sort(), `findings were:\n${describe(fixture.text, findings)}`);
      });

      test('fixes round-trip', () => {
        const brand = brandNamed(fixture.brand);
        const before = check(fixture.text, brand, options).findings;
        const fixed = applyFixes(fixture.text, before);
        const after = check(fixed.text, brand, options).findings;
        assert.deepEqual(after.filter((f) => f.fix).map((f) => f.message), [], `fixable findings remain:\n${describe(fixed.text, after)}`);
        const unfixable = (fs: readonly Finding[]): string[] => fs.filter((f) => !f.fix).map((f) => `${f.rule} ${f.message}`).sort();
        assert.deepEqual(unfixable(after), unfixable(before));
        assert.equal(applyFixes(fixed.text, after).text, fixed.text, 'applying fixes again changes nothing');
      });
    });
  }
});
