import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { findFigures, findFiguresInFull, formatLike } from '../../server/src/core/claims/numbers';

const read = (text: string) => findFigures(text).map((f) => [text.slice(f.start, f.end), f.value, f.unit, f.qualifier]);

suite('figures', () => {
  test('the same number in different formats reads the same', () => {
    assert.deepEqual(read('More than 12,000 customers'), [['More than 12,000', 12000, 'count', 'more-than']]);
    assert.deepEqual(read('12,000+ customers'), [['12,000+', 12000, 'count', 'more-than']]);
    assert.deepEqual(read('over 12k customers'), [['over 12k', 12000, 'count', 'more-than']]);
    assert.deepEqual(read('twelve thousand customers'), [['twelve thousand', 12000, 'count', 'exact']]);
    assert.deepEqual(read('at least 1.5 million events'), [['at least 1.5 million', 1.5e6, 'count', 'at-least']]);
    assert.deepEqual(read('4,000 or more customers'), [['4,000', 4000, 'count', 'at-least']]);
  });

  test('money, percentages and multipliers', () => {
    assert.deepEqual(read('a $2.4M round'), [['$2.4M', 2.4e6, 'money', 'exact']]);
    assert.deepEqual(read('a $85 million Series C'), [['$85 million', 85e6, 'money', 'exact']]);
    assert.deepEqual(read('cuts costs by up to 40%'), [['up to 40%', 40, 'percent', 'up-to']]);
    assert.deepEqual(read('a 60 percent reduction'), [['60 percent', 60, 'percent', 'exact']]);
    assert.deepEqual(read('99.95% uptime'), [['99.95%', 99.95, 'percent', 'exact']]);
    assert.deepEqual(read('3x faster'), [['3x', 3, 'multiplier', 'exact']]);
    assert.deepEqual(read('nearly 5,000 customers'), [['nearly 5,000', 5000, 'count', 'about']]);
  });

  test('years are years; versions, times, phone numbers, ordinals and dates are not figures', () => {
    assert.deepEqual(read('Founded in 2016, Lumora'), [['2016', 2016, 'year', 'exact']]);
    assert.deepEqual(read('Pulse 4.2 adds dashboards at 10 a.m. or 10:30; call +1 512-555-0143 on the 3rd.'), []);
    assert.deepEqual(read('On Sept. 16, 2025 we shipped it.').map((r) => r[2]), ['year']);
    assert.deepEqual(read('We are #1 and v2 is out, 24/7.'), []);
  });

  test('figures found from their possible starts are the figures of the whole scan, for any text', () => {
    // Pieces near the edges of the start search: number words in any case and inside other words, the
    // letters that fold to ASCII only under the u flag ("ſ", the Kelvin sign), "US$" and its parts,
    // scales, units, qualifiers and the characters that make digits a version, a time or an ordinal.
    const piece = fc.constantFrom('0', '7', '12', '2,500', '4.2', '2016', ',', '.', '$', 'US$', 'us$', 'Uſ$', 'U', 'S', 'u', 's', '€', '£', 'ſ', 'K', 'k', '_',
      'one', 'One', 'SEVEN', 'ſeven', 'ſix', 'seventeen', 'sixteen', 'hundred', 'dozen', 'someone', 'often', 'tens', ' ', '  ', '\n', '-', ':', '/', '#', '+',
      'k', 'M', 'bn', ' million', ' thousand', '%', ' percent', ' per cent', 'x', '×', ' times', ' USD', ' dollars', ' or more', 'more than ', 'up to ', 'nearly ',
      'a.m.', 'v', 'Sept. ', 'Pulse ', 'é', 'Σ', '😀', '\u00a0');
    const same = (s: string) => assert.deepEqual(findFigures(s), findFiguresInFull(s));
    fc.assert(fc.property(fc.array(piece, { maxLength: 16 }).map((p) => p.join('')), same), { numRuns: 6000, seed: 11 });
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 40 }), same), { numRuns: 2000, seed: 12 });
  });

  test('corrected figures are written the way the writer wrote them', () => {
    const [f] = findFigures('4k customers');
    assert.equal(formatLike(5000, f.unit, f.style), '5k');
    const [g] = findFigures('4,000 customers');
    assert.equal(formatLike(12000, g.unit, g.style), '12,000');
    const [h] = findFigures('$58 million');
    assert.equal(formatLike(85e6, h.unit, h.style, h.currency), '$85 million');
  });
});
