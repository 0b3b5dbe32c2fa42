import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { isStandaloneNumber } from '../../server/src/core/claims/numbers';

/** The definition isStandaloneNumber restates: every test of the text after the number, one after another. */
function isStandaloneNumberInFull(text: string, start: number, end: number): boolean {
  const before = text[start - 1] ?? ' ';
  const rest = text.slice(end);
  if (/[\p{L}\d_.:/#@+-]/u.test(before)) return false;
  if (/^(?:st|nd|rd|th)\b/i.test(rest)) return false;
  if (/^[.:-]\d/.test(rest) || /^\/\d/.test(rest)) return false;
  if (/^\s?(?:a\.m\.|p\.m\.|am\b|pm\b)/i.test(rest)) return false;
  if (/^\p{L}/u.test(rest) && !/^(?:k|mm|mn|m|bn|b|tn|t|x|×)(?![\p{L}\d])/iu.test(rest)) return false;
  const versionLike = /\.\d/.test(text.slice(start, end)) && /\p{Lu}[\p{L}]*\s$/u.test(text.slice(Math.max(0, start - 20), start));
  return !(versionLike && !/^\s*(?:%|percent|[kKmMbB]\b|thousand|million|billion)/.test(rest));
}

suite('claim fast paths', () => {
  test('isStandaloneNumber tries each test only where it can match, and answers as all of them do', () => {
    // Pieces around a number: every first character a test reads (letters of ordinals, clock times and
    // scales in both cases, ".:-/", ASCII and other white space, other ASCII, letters and marks beyond ASCII).
    const piece = fc.constantFrom('4', '12', '4.2', '2,500', ' ', '\t', '\n', '\u00a0', '\u2009', '.', ':', '-', '/', '#', '@', '+', '_', ',', '%', ')',
      'st', 'nd', 'rd', 'th', 'TH', 'a.m.', 'p.m.', ' am', 'PM', 'k', 'M', 'mm', 'bn', 'x', '×', 'K', 'ſ', 'é', 'Σ', '😀', '\ud800', 'Pulse ', 'iOS ', 'percent', ' million', 'v', 'A');
    const text = fc.array(piece, { maxLength: 12 }).map((p) => p.join(''));
    const same = ([s, i, j]: [string, number, number]) => {
      const start = Math.min(i, s.length);
      const end = Math.min(Math.max(start, j), s.length);
      assert.equal(isStandaloneNumber(s, start, end), isStandaloneNumberInFull(s, start, end), JSON.stringify([s, start, end]));
    };
    fc.assert(fc.property(fc.tuple(text, fc.nat(40), fc.nat(40)), same), { numRuns: 8000, seed: 21 });
    fc.assert(fc.property(fc.tuple(fc.string({ unit: 'binary', maxLength: 30 }), fc.nat(30), fc.nat(30)), same), { numRuns: 4000, seed: 22 });
  });
});
