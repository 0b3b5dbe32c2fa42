import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as fc from 'fast-check';
import { check, loadBrand } from '../../server/src/core/index';
import { IncrementalProse } from '../../server/src/core/markdown/incremental';
import { parseMarkdown, parseProse } from '../../server/src/core/markdown/prose';

// The incremental parse must be invisible: on any document and any edit, the tree and the findings are
// those of a full parse. Documents are built from every kind of block that can run into its neighbours
// (fences, HTML, lists, blockquotes, tables, setext underlines, indented code, front matter), and edits
// insert exactly the characters that open or close such blocks.

const WORDS = ['PostHog', 'Posthog', 'urls', 'open source product', 'leverages', 'session replay', 'the', 'team', 'ships', 'fast', '10x', '99.9%', '“quoted”', 'said Jane'];

const word = fc.constantFrom(...WORDS);
const sentence = fc.array(word, { minLength: 1, maxLength: 8 }).map((ws) => ws.join(' ') + '.');
const inline = fc.oneof(
  sentence,
  sentence.map((s) => `*${s}*`),
  sentence.map((s) => `**${s}**`),
  sentence.map((s) => `[${s}](https://example.com)`),
  word.map((w) => `\`${w}\``),
  fc.constant('<!-- on-message-disable-next-line term.deprecated -->'),
);
const paragraph = fc.array(inline, { minLength: 1, maxLength: 4 }).map((xs) => xs.join(' '));
const block = fc.oneof(
  { weight: 5, arbitrary: paragraph },
  { weight: 2, arbitrary: fc.tuple(fc.integer({ min: 1, max: 3 }), sentence).map(([d, s]) => `${'#'.repeat(d)} ${s}`) },
  { weight: 2, arbitrary: fc.array(paragraph, { minLength: 1, maxLength: 3 }).map((xs) => xs.map((x) => `- ${x}`).join('\n')) },
  { weight: 1, arbitrary: fc.array(paragraph, { minLength: 1, maxLength: 3 }).map((xs) => xs.map((x, i) => `${i + 1}. ${x}`).join('\n')) },
  { weight: 1, arbitrary: fc.array(paragraph, { minLength: 1, maxLength: 2 }).map((xs) => xs.map((x) => `> ${x}`).join('\n>\n')) },
  { weight: 1, arbitrary: sentence.map((s) => '```\n' + s + '\n```') },
  { weight: 1, arbitrary: sentence.map((s) => `<div>\n${s}\n</div>`) },
  { weight: 1, arbitrary: fc.tuple(word, word, sentence).map(([a, b, c]) => `| ${a} | ${b} |\n|---|---|\n| ${c} | x |`) },
  { weight: 1, arbitrary: sentence.map((s) => `${s}\n===`) },
  { weight: 1, arbitrary: sentence.map((s) => `    ${s}`) },
  { weight: 1, arbitrary: fc.constant('---') },
);
const separator = fc.constantFrom('\n\n', '\n\n', '\n\n\n', '\n');
// Line endings as editors leave them (\n, \r\n, a lone \r) and a byte-order mark, which micromark skips.
const documentArb = fc
  .tuple(fc.boolean(), fc.array(fc.tuple(block, separator), { minLength: 1, maxLength: 12 }), fc.constantFrom('\n', '\n', '\r\n', '\r'), fc.boolean())
  .map(([front, blocks, eol, bom]) => (bom ? '\uFEFF' : '') + ((front ? '---\ntitle: A post\nchannel: blog\n---\n' : '') + blocks.map(([b, s]) => b + s).join('')).replace(/\n/g, eol));

const FRAGMENTS = ['x', 'PostHog ', ' ', '\n', '\n\n', '\r\n', '\r', '\uFEFF', '```', '~~~', '> ', '- ', '1. ', '# ', '|', '<!--', '-->', '===', '    ', '*', '[a]: /b', '[^1]: note', '---', '<div>', '\\', '“', '"'];
const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.integer({ min: 0, max: 6 }), insert: fc.oneof(fc.constantFrom(...FRAGMENTS), fc.constant('')) });

function applyEdit(text: string, e: { at: number; remove: number; insert: string }): string {
  const at = Math.floor(e.at * text.length);
  return text.slice(0, at) + e.insert + text.slice(Math.min(text.length, at + e.remove));
}

suite('incremental parse', function () {
  // Hundreds of random documents, each parsed in full after every edit: seconds, more on a busy machine.
  this.timeout(300_000);

  test('gives the tree of a full parse after any sequence of edits', () => {
    fc.assert(
      fc.property(documentArb, fc.array(edit, { minLength: 1, maxLength: 6 }), (doc, edits) => {
        const parser = new IncrementalProse();
        let text = doc;
        assert.deepStrictEqual(parser.tree(text), parseMarkdown(text));
        for (const e of edits) {
          text = applyEdit(text, e);
          assert.deepStrictEqual(parser.tree(text), parseMarkdown(text), `after an edit, incremental=${parser.stats.incremental}`);
        }
      }),
      { numRuns: 300 },
    );
  });

  test('gives the findings of a full check after any sequence of edits', () => {
    const brand = loadBrand(fs.readFileSync(path.join(__dirname, '../../../test/fixtures/brand/posthog.yaml'), 'utf8')).brand;
    fc.assert(
      fc.property(documentArb, fc.array(edit, { minLength: 1, maxLength: 4 }), (doc, edits) => {
        const parser = new IncrementalProse();
        let text = doc;
        const options = { path: 'blog/post.md', today: '2026-06-01' };
        check(text, brand, { ...options, prose: (t) => parser.parse(t) });
        for (const e of edits) {
          text = applyEdit(text, e);
          const incremental = check(text, brand, { ...options, prose: (t) => parser.parse(t) });
          assert.deepStrictEqual(incremental, check(text, brand, options));
        }
      }),
      { numRuns: 80 },
    );
  });

  test('re-parses only the blocks around a one-character edit', () => {
    const paragraphs = Array.from({ length: 200 }, (_, i) => `Paragraph ${i}: PostHog ships session replay to every team, and the team ships fast.`);
    const text = `# Title\n\n${paragraphs.join('\n\n')}\n`;
    const parser = new IncrementalProse();
    parser.parse(text);
    const at = text.indexOf('Paragraph 100') + 5;
    const edited = text.slice(0, at) + 'x' + text.slice(at);
    const doc = parser.parse(edited);
    assert.equal(parser.stats.incremental, true);
    assert.ok(parser.stats.parsedChars < 400, `parsed ${parser.stats.parsedChars} characters`);
    assert.deepStrictEqual(doc, parseProse(edited));
  });

  test('parses the whole document again when a fence opens, or a definition appears', () => {
    const text = 'One paragraph.\n\nTwo paragraph.\n\nThree paragraph.\n';
    const parser = new IncrementalProse();
    parser.parse(text);
    const fenced = text.replace('Two', '```\nTwo');
    assert.deepStrictEqual(parser.tree(fenced), parseMarkdown(fenced));
    assert.equal(parser.stats.incremental, false);
    const defined = fenced.replace('```\n', '[a]: /b\n\n');
    assert.deepStrictEqual(parser.tree(defined), parseMarkdown(defined));
    assert.equal(parser.stats.reason, 'a link or footnote definition');
  });
});
