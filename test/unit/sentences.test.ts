import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { ABBREVIATIONS, CANDIDATE, MAX_SENTENCE, splitSentences, type Sentence } from '../../server/src/core/text/sentences';

/** The definition splitSentences restates with reads by character code: one regex test per character. */
function splitSentencesByDefinition(text: string): Sentence[] {
  const skipSpace = (i: number): number => {
    while (i < text.length && /\s/.test(text[i])) i++;
    return i;
  };
  const isAbbreviation = (dot: number): boolean => {
    let i = dot;
    while (i > 0 && /[\p{L}.]/u.test(text[i - 1])) i--;
    const word = text.slice(i, dot).toLowerCase();
    if (word.length === 1 && /\p{Lu}/u.test(text[i])) return true;
    return ABBREVIATIONS.has(word);
  };
  const cut = (s: Sentence): Sentence[] => {
    if (s.end - s.start <= MAX_SENTENCE) return [s];
    const pieces: Sentence[] = [];
    let start = s.start;
    while (s.end - start > MAX_SENTENCE) {
      let end = start + MAX_SENTENCE;
      let space = end;
      while (space > start + MAX_SENTENCE / 2 && !/\s/.test(text[space])) space--;
      if (space > start + MAX_SENTENCE / 2) end = space;
      else if (/[\uDC00-\uDFFF]/.test(text[end])) end--;
      pieces.push({ start, end, ...(pieces.length > 0 ? { continues: true } : {}) });
      start = skipSpace(end);
    }
    if (s.end > start) pieces.push({ start, end: s.end, continues: true });
    return pieces;
  };
  const out: Sentence[] = [];
  let start = skipSpace(0);
  const candidate = new RegExp(CANDIDATE.source, 'gu');
  for (let m = candidate.exec(text); m; m = candidate.exec(text)) {
    const lineBreak = /^\s*\n/.test(text.slice(m.index + m[0].length));
    if (m[0][0] === '.' && !lineBreak && isAbbreviation(m.index)) continue;
    const end = m.index + m[0].length;
    if (end > start) out.push({ start, end });
    start = skipSpace(end);
  }
  const tail = text.length - (text.length - text.trimEnd().length);
  if (tail > start) out.push({ start, end: tail });
  return out.some((s) => s.end - s.start > MAX_SENTENCE) ? out.flatMap(cut) : out;
}

const split = (text: string): string[] => splitSentences(text).map((s) => text.slice(s.start, s.end));

suite('sentences', () => {
  test('splits at sentence ends', () => {
    assert.deepEqual(split('Pulse is fast. It is also cheap! Try it?'), ['Pulse is fast.', 'It is also cheap!', 'Try it?']);
  });

  test('abbreviations, initials and "No. 1" do not end a sentence', () => {
    assert.deepEqual(split('Lumora Systems Inc. today announced it. On Sept. 16 J. Smith said it is No. 1 at 10 a.m. Then it ended.'), [
      'Lumora Systems Inc. today announced it.',
      'On Sept. 16 J. Smith said it is No. 1 at 10 a.m. Then it ended.',
    ]);
  });

  test('closing quotes stay with their sentence', () => {
    assert.deepEqual(split('“It works.” Okafor said so.'), ['“It works.”', 'Okafor said so.']);
  });

  test('sentences are what one regex test per character makes of the text', () => {
    const piece = fc.constantFrom('a', 'It', 'Q', 'J', 'K', '\u212a', 'y', 'İ', 'É', 'é', 'ß', 'Σ', '日本', '😀', '\ud835', '7', ' ', '  ', '\n', ' \n ', '\t', '\u00a0', '\u2028', '\u3000',
      '.', '..', '!', '?', '…', '“', '”', '"', "'", '’', ')', '(', '[', ']', '\ufffc', 'Inc', 'inc', 'Sept', 'No', 'a.m', 'U.S', 'approx', 'Approx', 'approxi', 'Calif', 'etc', 'St');
    const check = (s: string): void => assert.deepEqual(splitSentences(s), splitSentencesByDefinition(s));
    fc.assert(fc.property(fc.array(piece, { maxLength: 40 }).map((p) => p.join('')), check), { numRuns: 6000, seed: 41 });
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 40 }), check), { numRuns: 2000, seed: 42 });
    check('Word. '.repeat(400) + 'x'.repeat(1500) + ' End.');
  });
});
