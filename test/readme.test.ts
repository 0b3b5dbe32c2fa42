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
/** README examples are judged on a fixed day, so that claims' expiry does not change what they show. */
const TODAY = '2026-04-01';
const brand = loadBrand(fs.readFileSync(path.join(ROOT, 'examples', 'brand-messaging.yaml'), 'utf8')).brand;

function section(id: string): string | undefined {
  const start = README.indexOf(`\n### ${id}\n`);
  if (start < 0) return undefined;
  const next = README.indexOf('\n#', start + 1);
  return README.slice(start, next < 0 ? undefined : next);
}

interface Example {
  text: string;
  date?: string;
  channel?: string;
  sameChannel: boolean;
}

/** "- Flagged: `sentence`" with an optional "(in a document dated 2026-10-01)" or "(in an `ad-google-rsa` document …)". */
function example(section: string, label: 'Flagged' | 'Accepted'): Example | undefined {
  const m = new RegExp(`^- ${label}: (file )?\`(.+?)\`(?: \\((.+)\\))?$`, 'm').exec(section);
  if (!m) return undefined;
  const note = m[3] ?? '';
  return {
    // "file `path`" names a whole document in the repository; "\n" in an inline example stands for a line
    // break, since headings, list items and front matter need several lines.
    text: m[1] ? fs.readFileSync(path.join(ROOT, m[2]), 'utf8') : m[2].replace(/\\n/g, '\n'),
    date: /dated (\d{4}-\d{2}-\d{2})/.exec(note)?.[1],
    channel: /in an? `([^`]+)` document/.exec(note)?.[1],
    sameChannel: /same channel/.test(note),
  };
}

function run(e: Example, channel: string | undefined) {
  const text = e.date ? `---\ndate: ${e.date}\n---\n${e.text}\n` : e.text;
  return check(text, brand, { today: TODAY, ...(channel ? { channel } : {}) }).findings;
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
      assert.ok(run(flagged, flagged.channel).some((f) => f.rule === id), `"${flagged.text}" is flagged by ${id}`);
      const channel = accepted.sameChannel ? flagged.channel : accepted.channel;
      assert.deepEqual(run(accepted, channel).filter((f) => f.rule === id), [], `"${accepted.text}" passes ${id}`);
    });
  }

  test('the quick start names the two commands', () => {
    assert.match(README, /npm install && npm run demo/);
    assert.match(README, /^npm test\b/m);
  });
});
