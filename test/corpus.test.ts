/**
 * Real marketing copy no one wrote for us (PostHog's newsletters, blog posts, customer stories and
 * handbook, MIT, in ../shared/corpus): every file is checked against three brand files and must never
 * crash a rule or produce a range outside the document. The findings with PostHog's own brand file
 * (translated from its handbook) are a reviewed golden list: a change that adds or drops one fails here
 * until a person has looked at it and updated the list (ON_MESSAGE_UPDATE_GOLDEN=1 npm test).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { check, lineStarts, loadBrand, offsetToLineColumn } from '../server/src/core/index';

const ROOT = path.resolve(__dirname, '..', '..');
const CORPUS = path.resolve(ROOT, '..', 'shared', 'corpus', 'posthog', 'contents');
const GOLDEN = path.join(ROOT, 'test', 'fixtures', 'corpus', 'posthog.findings.txt');
const BRANDS = {
  posthog: path.join(ROOT, 'test', 'fixtures', 'brand', 'posthog.yaml'),
  lumora: path.join(ROOT, 'test', 'fixtures', 'brand', 'lumora.yaml'),
  fernhill: path.join(ROOT, 'examples', 'brand-messaging.yaml'),
};

function markdownFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? markdownFiles(full) : /\.mdx?$/.test(e.name) ? [full] : [];
  });
}

suite('corpus: real marketing copy', function () {
  // 171 real documents against three brand files: generous, since CI machines are shared.
  this.timeout(180_000);
  const available = fs.existsSync(CORPUS);
  const files = available ? markdownFiles(CORPUS).sort() : [];

  suiteSetup(function () {
    if (!available) {
      if (process.env.CI) throw new Error(`the shared corpus is missing at ${CORPUS}`);
      this.skip();
    }
  });

  test('the corpus is all there', () => {
    assert.equal(files.length, 171);
  });

  for (const [name, file] of Object.entries(BRANDS)) {
    test(`every file checks cleanly against the ${name} brand file`, () => {
      const brand = loadBrand(fs.readFileSync(file, 'utf8'));
      assert.deepEqual(brand.problems.map((p) => p.message), []);
      for (const doc of files) {
        const text = fs.readFileSync(doc, 'utf8');
        const result = check(text, brand.brand, { path: path.relative(CORPUS, doc) });
        assert.deepEqual(result.failures, [], doc);
        for (const f of result.findings) {
          assert.ok(f.start >= 0 && f.start < f.end && f.end <= text.length, `${doc}: ${f.rule} at ${f.start}-${f.end}`);
          if (f.fix) assert.ok(f.fix.start >= 0 && f.fix.start <= f.fix.end && f.fix.end <= text.length);
        }
      }
    });
  }

  test('findings with PostHog’s own brand file match the reviewed list', () => {
    const brand = loadBrand(fs.readFileSync(BRANDS.posthog, 'utf8')).brand;
    const lines: string[] = [];
    for (const doc of files) {
      const text = fs.readFileSync(doc, 'utf8');
      const starts = lineStarts(text);
      for (const f of check(text, brand, { path: path.relative(CORPUS, doc) }).findings) {
        const { line, column } = offsetToLineColumn(starts, f.start);
        lines.push(`${path.relative(CORPUS, doc).split(path.sep).join('/')}:${line}:${column} ${f.rule} ${JSON.stringify(text.slice(f.start, f.end))}`);
      }
    }
    const actual = lines.join('\n') + '\n';
    if (process.env.ON_MESSAGE_UPDATE_GOLDEN) fs.writeFileSync(GOLDEN, actual);
    assert.equal(actual, fs.readFileSync(GOLDEN, 'utf8'), 'corpus findings changed: review them, then update the list with ON_MESSAGE_UPDATE_GOLDEN=1');
  });
});
