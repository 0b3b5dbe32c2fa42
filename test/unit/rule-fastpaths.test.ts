/**
 * The fast paths of the pr.*, person.* and phrase.* rules and their helpers, held equal to the definitions
 * they restate (the expressions the code used before each was made cheaper). Each generator mixes the
 * words a path looks for with the characters at its edges: apostrophes, underscores, digits, letters
 * outside ASCII, astral letters and lone surrogates.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as fc from 'fast-check';
import { WEEKDAY_PATTERN, mayHoldWeekday } from '../../server/src/core/channels/dates';
import { headingKey } from '../../server/src/core/channels/structure';
import { titleWords } from '../../server/src/core/match/people';
import { pronounsIn } from '../../server/src/core/rules/pr.third-person';
import { withoutPossessive } from '../../server/src/core/rules/pr.headline';
import { endsInIng } from '../../server/src/core/rules/phrase.needs-claim';
import { normalizeText, trailingLetters } from '../../server/src/core/text/normalize';
import { check, loadBrand } from '../../server/src/core/index';

const lumora = loadBrand(fs.readFileSync(path.resolve(__dirname, '../../../test/fixtures/brand/lumora.yaml'), 'utf8')).brand;

const EDGES = ["'", '’', '_', '1', '٣', 'é', 'É', 'x', 'S', 's', ' ', '\u00a0', '\n', '.', ',', '-', '𝐀', '\ud835', '\udc00', '😀', 'İ'];
const textOf = (pieces: string[]) => fc.array(fc.constantFrom(...pieces, ...EDGES), { maxLength: 20 }).map((p) => p.join(''));

suite('rule fast paths', () => {
  test('pronounsIn finds what matchAll of the pronoun pattern finds', () => {
    const PRONOUN = /(?<![\p{L}\p{N}'’])(?:[Ww]e|[Uu]s|[Oo]urs?|[Oo]urselves|[Yy]ou|[Yy]ours?|[Yy]ourself|[Yy]ourselves)(?![\p{L}\p{N}])/gu;
    const words = ['we', 'We', 'WE', 'us', 'US', 'Us', 'our', 'Our', 'ours', 'ourselves', 'you', 'You', 'yours', 'yourself', 'yourselves', 'ou', 'r', 'e', 'w', 'y', 'u'];
    const reference = (s: string) => [...s.matchAll(PRONOUN)].map((m) => ({ index: m.index ?? 0, text: m[0] }));
    fc.assert(fc.property(textOf(words), (s) => assert.deepEqual(pronounsIn(s), reference(s))), { numRuns: 5000, seed: 21 });
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => assert.deepEqual(pronounsIn(s), reference(s))), { numRuns: 2000, seed: 22 });
    // "US" in capitals is the country; "_us" is found, as the pattern finds it.
    assert.deepEqual(pronounsIn("We said you're ours; the US and _us"), [
      { index: 0, text: 'We' },
      { index: 8, text: 'you' },
      { index: 15, text: 'ours' },
      { index: 33, text: 'us' },
    ]);
  });

  test('a text with a weekday match names a weekday stem', () => {
    const WEEKDAY = new RegExp(WEEKDAY_PATTERN, 'u');
    const words = ['Sunday', 'Monday', 'Tues.', 'Tue.', 'Wed.', 'Thurs.', 'Thu.', 'Fri.', 'Sat.', 'Sun', 'Mon.', 'day', 'Wednes', 'Satur', 'T', 'hurs.'];
    fc.assert(fc.property(textOf(words), (s) => !WEEKDAY.test(s) || mayHoldWeekday(s)), { numRuns: 5000, seed: 23 });
    assert.equal(mayHoldWeekday('The launch is on June 10.'), false);
    assert.equal(mayHoldWeekday('On Wednesday, June 10'), true);
  });

  test('headingKey is the loose heading comparison as it was written', () => {
    const reference = (s: string) => s.toLowerCase().replace(/(?<![:\s])[:\s]+$/, '').replace(/\s+/g, ' ').trim();
    const words = ['About', 'Lumora', ':', '::', ' ', '  ', '\t', '\u2028', '\ufeff', 'Media contact'];
    fc.assert(fc.property(textOf(words), (s) => assert.equal(headingKey(s), reference(s))), { numRuns: 5000, seed: 24 });
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 30 }), (s) => assert.equal(headingKey(s), reference(s))), { numRuns: 2000, seed: 25 });
  });

  test('titleWords expands abbreviations and drops joiners as before', () => {
    const ABBREVIATIONS: Record<string, string> = {
      ceo: 'chief executive officer', cfo: 'chief financial officer', cto: 'chief technology officer', coo: 'chief operating officer',
      cmo: 'chief marketing officer', cio: 'chief information officer', ciso: 'chief information security officer', cpo: 'chief product officer',
      cro: 'chief revenue officer', cso: 'chief security officer', vp: 'vice president', svp: 'senior vice president',
      evp: 'executive vice president', gm: 'general manager', cofounder: 'co-founder', chairman: 'chair', chairwoman: 'chair', chairperson: 'chair',
    };
    const STOP = new Set(['the', 'and', 'of', 'at', 'for', '&', 'its', 'our', 'a', 'an', 'in', 'on', 'with', 'from']);
    // Own properties only: "constructor" or "__proto__" in a written title is a word, not an abbreviation.
    const expand = (w: string) => (Object.hasOwn(ABBREVIATIONS, w) ? ABBREVIATIONS[w] : w);
    const reference = (title: string) => title.toLowerCase().replace(/[’']s\b/g, '').split(/[\s,/]+/).flatMap((w) => expand(w).split(/\s+/)).filter((w) => w && !STOP.has(w));
    const words = ['CEO', 'cfo', 'VP', 'SVP', 'Cofounder', 'chairman', 'co-founder', 'Chief', 'officer', 'and', 'of', 'the', 'Lumora', "'s", '’s', '/', ', ', ' ', 'constructor', '__proto__', 'toString', 'hasOwnProperty'];
    fc.assert(fc.property(textOf(words), (s) => assert.deepEqual(titleWords(s), reference(s))), { numRuns: 5000, seed: 26 });
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 30 }), (s) => assert.deepEqual(titleWords(s), reference(s))), { numRuns: 2000, seed: 27 });
    assert.deepEqual(titleWords('Chief Constructor'), ['chief', 'constructor']);
  });

  test('a written title holding "constructor" or another Object.prototype name is checked without failures', () => {
    // titleWords looked words up in a plain object, so person.title threw a TypeError on these.
    for (const title of ['chief constructor', 'head of hasOwnProperty', 'lead toString engineer']) {
      const text = `# Lumora ships Pulse\n\n"We are glad," said Maya Okafor, ${title} at Lumora.\n`;
      const result = check(text, lumora, { today: '2025-09-01', rules: ['person.title'] });
      assert.deepEqual(result.failures, []);
      assert.deepEqual(result.findings.map((f) => [f.rule, text.slice(f.start, f.end)]), [['person.title', title]]);
    }
  });

  test('withoutPossessive drops a final apostrophe as the pattern did', () => {
    const words = ['Lumora', 'CEO', "'", '’', 's', "'s", '’s', 'S'];
    fc.assert(fc.property(textOf(words), (s) => assert.equal(withoutPossessive(s), s.replace(/['’]s?$/u, ''))), { numRuns: 5000, seed: 28 });
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 20 }), (s) => assert.equal(withoutPossessive(s), s.replace(/['’]s?$/u, ''))), { numRuns: 2000, seed: 29 });
  });

  test('a rank word the -ing pattern matches ends in "ing"', () => {
    const ING = /^\p{L}+ing$/iu;
    const words = ['lead', 'ing', 'ING', 'Ing', 'iNg', 'İ', 'ı', 'ſ', 'K', 'n', 'g', 'G'];
    fc.assert(fc.property(textOf(words), (s) => !ING.test(s) || endsInIng(s)), { numRuns: 5000, seed: 32 });
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 12 }).map((s) => s + 'ing'), (s) => !ING.test(s) || endsInIng(s)), { numRuns: 2000, seed: 33 });
    assert.equal(endsInIng('LEADING'), true);
    assert.equal(endsInIng('No. 1'), false);
  });

  test('normalizeText is the four replaces and trim as written', () => {
    const reference = (s: string) => {
      const lower = s.toLowerCase();
      return (lower.includes('(') ? lower.replace(/\(r\)/g, '®').replace(/\(tm\)/g, '™') : lower)
        .replace(/[’‘`´]/g, "'").replace(/[“”„]/g, '"').replace(/[‐‑‒–—]/g, '-').replace(/\s+/g, ' ').trim();
    };
    const words = ['Lumora', 'the', '(R)', '(tm)', '(', 'r)', '’', '‘', '`', '´', '“', '”', '„', '‐', '‑', '‒', '–', '—', '  ', '\t', '\u2028', '\ufeff', '\u3000', 'İ'];
    fc.assert(fc.property(textOf(words), (s) => assert.equal(normalizeText(s), reference(s))), { numRuns: 5000, seed: 34 });
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => assert.equal(normalizeText(s), reference(s))), { numRuns: 2000, seed: 35 });
  });

  test('trailingLetters is the last run of letters, read by code point', () => {
    const reference = (s: string) => /(?<!\p{L})(\p{L}+)$/u.exec(s)?.[1];
    const words = ['the', 'our', 'a', ' ', 'leading', '日本', 'ß'];
    fc.assert(fc.property(textOf(words), (s) => assert.equal(trailingLetters(s), reference(s))), { numRuns: 5000, seed: 30 });
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 30 }), (s) => assert.equal(trailingLetters(s), reference(s))), { numRuns: 2000, seed: 31 });
  });
});
