/**
 * The word buckets shared by the near matches and the boilerplate search (messages/block-words.ts): a block
 * with no opaque token has as words exactly the runs wordsOf reads, so its keys are wordBucketKeys of its
 * text, which the boilerplate computed on its own before. Held here over text that mixes words with
 * machine text (URLs, domains, handles, braces), U+FFFC, marks, astral letters and lone surrogates.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as fc from 'fast-check';
import { wordsOfTokens } from '../../server/src/core/messages/block-words';
import { boilerplateUses, paragraphBuckets, plainText } from '../../server/src/core/messages/boilerplate';
import { wordBucketKey, wordBucketKeys } from '../../server/src/core/messages/normalize';
import { analyse, contextFor } from '../../server/src/core/context';
import { loadBrand } from '../../server/src/core/index';
import { matchIndexFor } from '../../server/src/core/match/index-builder';
import { parseProse } from '../../server/src/core/markdown/prose';
import { tokenize } from '../../server/src/core/text/tokenize';

const PIECES = ['Ledger', 'invoices', 'matches', "company's", 'a', 'Z', '7', '2,500', ' ', '  ', '\n', '.', ',', '-', '_', "'", '’', ':', '/', '@', '#', '{', '}',
  'é', 'É', '\u0301', 'Σ', 'İ', 'ß', '日本', '٣', '😀', '𝐀', '\ud835', '\udc00', '\u00a0', '\u2028', '\ufffc', '—', '“', '®',
  'fernhill.example', 'www.x', 'https://a.example/b', 'a@b.io', '@handle', '{{x}}', 'posthog#12', 'src/app'];

suite('block words', () => {
  test('a block with no opaque token has the keys of wordBucketKeys of its text', () => {
    let plain = 0;
    let opaque = 0;
    const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 24 }).map((p) => p.join(''));
    const holds = (s: string) => {
      const tokens = tokenize(s);
      const words = wordsOfTokens(tokens);
      assert.deepEqual(words.keys, tokens.filter((t) => t.kind === 'word').map((t) => wordBucketKey(t.text)));
      assert.equal(words.plain, !tokens.some((t) => t.kind === 'opaque'));
      if (!words.plain) {
        opaque++;
        return;
      }
      plain++;
      assert.deepEqual(words.keys, wordBucketKeys(s));
    };
    fc.assert(fc.property(text, holds), { numRuns: 5000, seed: 31 });
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 40 }), holds), { numRuns: 3000, seed: 32 });
    // Both sides of the test are exercised.
    assert.ok(plain > 2000 && opaque > 1000, `plain ${plain}, opaque ${opaque}`);
  });

  test('a paragraph\'s buckets are wordBucketKeys of the paragraph as the reader sees it', () => {
    // Markdown that hides text from the prose model (code, links, autolinks, HTML) next to machine text.
    const MARKDOWN = ['Ledger', 'invoices', "company's", ' ', '\n', '.', ',', 'é', '😀', '\u0301', '`code`', '`a b`', '[link text](https://x.example)', '<https://a.example>',
      '<b>', '**bold**', '_it_', 'fernhill.example', '@handle', '{{x}}', '2,500', '—'];
    const source = fc.array(fc.array(fc.constantFrom(...MARKDOWN), { minLength: 1, maxLength: 12 }).map((p) => p.join('')), { minLength: 1, maxLength: 3 }).map((ps) => ps.join('\n\n'));
    const brand = loadBrand(fs.readFileSync(path.resolve(__dirname, '../../../examples/brand-messaging.yaml'), 'utf8')).brand;
    const index = matchIndexFor(brand);
    fc.assert(
      fc.property(source, (src) => {
        const doc = parseProse(src);
        const ctx = contextFor(analyse(doc, brand, index, undefined, '2026-06-01'), 'boilerplate.mismatch', 'error', []);
        doc.blocks.forEach((block, b) => {
          const text = plainText(doc, block, 0, block.text.length);
          assert.deepEqual(paragraphBuckets(ctx, b, text), wordBucketKeys(text));
        });
      }),
      { numRuns: 1500, seed: 33 },
    );
  });

  test('the boilerplate is located the same with the shared keys', () => {
    // The press-release example has its About paragraph, a near copy of it away from the heading, a
    // paragraph with a domain (opaque) and inline code (read back as its content).
    const brand = loadBrand(fs.readFileSync(path.resolve(__dirname, '../../../examples/brand-messaging.yaml'), 'utf8')).brand;
    const about = brand.boilerplate[0].text.replace(/\s+/g, ' ');
    const near = about.replace('accurately', 'quickly').replace('Founded in 2017, ', '');
    const source = `# Launch\n\nSee fernhill.example/autopilot and \`${about.slice(0, 60)}\`.\n\n${near}\n\n## ${brand.boilerplate[0].heading}\n\n${about}\n`;
    const doc = parseProse(source);
    const a = analyse(doc, brand, matchIndexFor(brand), undefined, '2026-06-01');
    const uses = boilerplateUses(contextFor(a, 'boilerplate.mismatch', 'error', []));
    assert.deepEqual(
      uses[0].paragraphs.map((p) => [p.block, p.how, p.current]),
      [
        [2, 'similar', false],
        [4, 'heading', true],
      ],
    );
  });
});
