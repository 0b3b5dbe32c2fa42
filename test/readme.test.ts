/**
 * The README documents every rule with one flagged and one accepted sentence; those sentences are run
 * here against the bundled brand file, so the documentation cannot drift from the product.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { check, loadBrand, ruleIds } from '../server/src/core/index';

const ROOT = path.resolve(__dirname, '..', '..');
const README = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const brand = loadBrand(fs.readFileSync(path.join(ROOT, 'examples', 'brand-messaging.yaml'), 'utf8')).brand;

function section(id: string): string | undefined {
  const start = README.indexOf(`\n### ${id}\n`);
  if (start < 0) return undefined;
  const next = README.indexOf('\n#', start + 1);
  return README.slice(start, next < 0 ? undefined : next);
}

function example(text: string, label: 'Flagged' | 'Accepted'): string | undefined {
  return new RegExp(`^- ${label}: \`(.+)\`$`, 'm').exec(text)?.[1];
}

suite('README', () => {
  test('documents every rule in the registry, and no rule that does not exist', () => {
    const documented = [...README.matchAll(/^### ([a-z]+\.[a-z-]+)$/gm)].map((m) => m[1]);
    assert.deepEqual([...documented].sort(), [...ruleIds].sort());
  });

  for (const id of ruleIds) {
    test(`${id}: the flagged example is flagged and the accepted one is not`, () => {
      const text = section(id);
      assert.ok(text, `README has a section for ${id}`);
      const flagged = example(text, 'Flagged');
      const accepted = example(text, 'Accepted');
      assert.ok(flagged && accepted, 'both examples are given');
      assert.ok(check(flagged, brand).findings.some((f) => f.rule === id), `"${flagged}" is flagged by ${id}`);
      assert.deepEqual(check(accepted, brand).findings.filter((f) => f.rule === id), [], `"${accepted}" passes ${id}`);
    });
  }

  test('the quick start names the two commands', () => {
    assert.match(README, /npm install && npm run demo/);
    assert.match(README, /^npm test\b/m);
  });
});
