import * as assert from 'node:assert/strict';
import { parseProse } from '../../server/src/core/markdown/prose';
import { blockquoteThirdParty, findQuotes } from '../../server/src/core/markdown/quotes';

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
});
