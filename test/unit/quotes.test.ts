import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { parseProse } from '../../server/src/core/markdown/prose';
import { blockquoteThirdParty, findQuotes, quoteSpans } from '../../server/src/core/markdown/quotes';

/** The definition quoteSpans restates with indexOf: one pass, character by character. */
function quoteSpansByChar(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let open = -1;
  let openChar = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (open < 0 && (c === '“' || c === '"')) {
      open = i;
      openChar = c;
    } else if (open >= 0 && ((openChar === '“' && c === '”') || (openChar === '"' && c === '"'))) {
      spans.push([open, i + 1]);
      open = -1;
    }
  }
  if (open >= 0) spans.push([open, text.length]);
  return spans;
}

const ours = (speaker: string): boolean => /Okafor|Reyes/.test(speaker);

suite('quotations', () => {
  test('attribution after the quote, verb first or name first', () => {
    const doc = parseProse('“It works,” said Jane Doe, SRE lead at Acme Corp. “It ships,” Maya Okafor said.');
    const quotes = findQuotes(doc, ours);
    assert.deepEqual(quotes.map((q) => [q.speaker, q.thirdParty]), [['Jane Doe', true], ['Maya Okafor', false]]);
  });

  test('attribution before the quote, and a pronoun reuses the last speaker', () => {
    const doc = parseProse('Lumora CFO Daniel Reyes said, "The round closed."\n\n"It was fast," he added.');
    const quotes = findQuotes(doc, ours);
    assert.deepEqual(quotes.map((q) => [q.speaker, q.thirdParty]), [['Lumora CFO Daniel Reyes', false], ['Lumora CFO Daniel Reyes', false]]);
  });

  test('an unattributed quotation is a quote, not a third-party quote', () => {
    const [quote] = findQuotes(parseProse('They call it "magic" for a reason.'), ours);
    assert.equal(quote.speaker, undefined);
    assert.equal(quote.thirdParty, false);
  });

  test('blockquotes are third party unless attributed to our people', () => {
    const doc = parseProse('> We love it.\n> — Jane Doe, Acme\n\ntext\n\n> Ours.\n> — Maya Okafor\n\n> No attribution.');
    assert.deepEqual(blockquoteThirdParty(doc, ours), [true, false, true]);
  });

  test('quotation marks are paired as a character-by-character scan pairs them', () => {
    const piece = fc.constantFrom('“', '”', '"', '‘', '’', "'", 'a', ' ', 'said', '\n', '😀');
    fc.assert(fc.property(fc.array(piece, { maxLength: 30 }).map((p) => p.join('')), (s) => assert.deepEqual(quoteSpans(s), quoteSpansByChar(s))), { numRuns: 4000, seed: 11 });
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => assert.deepEqual(quoteSpans(s), quoteSpansByChar(s))), { numRuns: 1000, seed: 12 });
  });
});
