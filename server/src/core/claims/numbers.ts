/**
 * Figures in copy, read by meaning: "12,000+", "more than 12,000", "12k" and "twelve thousand" are the
 * same number with a qualifier; "$2.4M" and "$2.4 million" the same money; "up to 40%" a cap. Versions
 * ("Pulse 4.2"), times ("10 a.m.", "10:30"), phone numbers, ordinals and dates in running text are not
 * figures and are never returned as counts.
 */
import type { Qualifier } from '../brand/model';

export type FigureUnit = 'count' | 'percent' | 'money' | 'multiplier' | 'year';

export interface Figure {
  /** Block-text offsets of the whole expression, qualifier included. */
  start: number;
  end: number;
  /** Where the number itself (with currency, scale and unit) starts and ends. */
  numberStart: number;
  numberEnd: number;
  value: number;
  unit: FigureUnit;
  /** ISO code for money ("USD"); undefined otherwise. */
  currency?: string;
  qualifier: Qualifier;
  /** The qualifier as written ("More than", "+", "nearly"), if any. */
  qualifierText?: string;
  /** "nearly"/"almost": a value just under the number. */
  approaching: boolean;
  /** How the number was written, so a corrected figure can be written the same way. */
  style: NumberStyle;
}

export interface NumberStyle {
  separators: boolean;
  /** "k", "M", " million", … as written after the digits; '' when none. */
  scale: string;
  words: boolean;
  plus: boolean;
  percentWord: boolean;
}

const WORD_NUMBERS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
  hundred: 100, dozen: 12,
};

const SCALES: Record<string, number> = {
  k: 1e3, thousand: 1e3, m: 1e6, mm: 1e6, mn: 1e6, million: 1e6, b: 1e9, bn: 1e9, billion: 1e9, t: 1e12, tn: 1e12, trillion: 1e12,
};

/** Qualifier phrases, longest first within each family, matched right before the number. */
const QUALIFIERS: Array<[RegExp, Qualifier, boolean]> = [
  [/\b(?:more than|over|in excess of|upwards of|north of|greater than)\s*$/i, 'more-than', false],
  [/\b(?:at least|no fewer than|no less than|a minimum of|minimum of)\s*$/i, 'at-least', false],
  [/\b(?:up to|as much as|as many as|as high as|a maximum of)\s*$/i, 'up-to', false],
  [/\b(?:nearly|almost|close to|just under|approaching)\s*$/i, 'about', true],
  [/(?:\b(?:about|approximately|approx\.|around|roughly|some|circa|an estimated|estimated)|~)\s*$/i, 'about', false],
  [/\b(?:less than|fewer than|under|below|at most|no more than)\s*$/i, 'less-than', false],
];

const WORD = Object.keys(WORD_NUMBERS).join('|');
const CURRENCY = String.raw`(?:US\$|\$|€|£)`;
// The leading look-ahead names every character a match can start with (a currency sign, the "U" of "US$",
// a digit, the first letter of a number word; case-folded like the rest, as it shares the flags): it
// changes no match, and spares irregexp the whole expression at the other positions (a profile of the 5 KB
// press release put this expression at 5% of the work after the parse).
const NUMBER = new RegExp(
  String.raw`(?=[\d$€£uzotfsenhd])` +
    String.raw`(${CURRENCY})?` +
    String.raw`(?:(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)|\b(${WORD})\b)` +
    String.raw`(?:(k|K|mm|MM|mn|[mM]|bn|[bB]|tn|[tT])\b|\s+(thousand|million|billion|trillion)\b)?` +
    String.raw`(\s*%|\s+percent\b|\s+per\s?cent\b|[x×](?![\p{L}\d])|\s+times\b)?` +
    String.raw`(\+)?` +
    String.raw`(\s+(?:USD|dollars|euros|EUR|GBP|pounds)\b)?`,
  'giu',
);

/** NUMBER anchored at its lastIndex, for trying it where STARTS says a match may begin. */
const NUMBER_AT = new RegExp(NUMBER.source, 'yiu');

/**
 * Where a NUMBER match can begin, for text without "ſ": a digit, a currency sign, the "U" of "US$", or a
 * number word between word boundaries. Without the `u` flag irregexp scans several times faster (a
 * profile of the 5 KB press release put the NUMBER scan at a quarter of the claim rules' time), and for
 * such text the `u` flag changes nothing here: under `iu` only "ſ" (for s) and the Kelvin sign (for k,
 * in no number word) fold to ASCII letters, and a `u`-mode word boundary at the edge of an ASCII letter is
 * one without it. A match of this expression never spans a position where NUMBER can begin and this
 * cannot (a number word has no "$" and no "us" at its end; NUMBER at the "$" of "US$" matches iff it
 * does at the "U"), so trying NUMBER at each of its matches finds NUMBER's matches in order.
 */
const STARTS = new RegExp(String.raw`[\d$€£]|us\$|\b(?:${WORD})\b`, 'gi');

/**
 * Whether any of QUALIFIERS matches: their alternation, with their flags (all are `i` alone, neither global
 * nor sticky), matches a text iff one of them does. Most figures have no qualifier (11 of the 15 in the 5 KB
 * press release): one search instead of six for them.
 */
const ANY_QUALIFIER = new RegExp(QUALIFIERS.map(([re]) => `(?:${re.source})`).join('|'), 'i');

/** Month names and abbreviations, for telling "Sept. 16" and "16 March" from counts. */
const MONTH = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s*$/i;

/** The figures of a text, in order: findFiguresInFull, NUMBER tried only where STARTS finds a possible start. */
export function findFigures(text: string): Figure[] {
  if (text.includes('ſ')) return findFiguresInFull(text);
  const out: Figure[] = [];
  STARTS.lastIndex = 0;
  for (let s = STARTS.exec(text); s; s = STARTS.exec(text)) {
    NUMBER_AT.lastIndex = s.index;
    const m = NUMBER_AT.exec(text);
    if (!m) continue;
    // Like NUMBER's own scan, the next match starts after this one, whether or not it is a figure.
    STARTS.lastIndex = s.index + m[0].length;
    const figure = readFigure(text, m);
    if (figure) out.push(figure);
  }
  return out;
}

/** The definition of findFigures: every match of NUMBER, left to right, that reads as a figure. */
export function findFiguresInFull(text: string): Figure[] {
  const out: Figure[] = [];
  NUMBER.lastIndex = 0;
  for (let m = NUMBER.exec(text); m; m = NUMBER.exec(text)) {
    const figure = readFigure(text, m);
    if (figure) out.push(figure);
  }
  return out;
}

/*
 * The expressions of readFigure and isStandaloneNumber, built once. Written inline, a literal is a new
 * RegExp object per evaluation, and one with \p{…} outside a class a RegExp constructed from its source
 * per call (esbuild writes such literals as `new RegExp(…)` for node20): readFigure runs for every number
 * in the copy (about 50 in the 5 KB press release). None is global or sticky, so sharing keeps no state.
 */
const LETTER_FIRST = /^[a-z]/i;
const COMMAS = /,/g;
const SHORT_SCALE_ALONE = /^[mtb]$/i;
const YEAR_DIGITS = /^(1[89]|20|21)\d\d$/;
const OR_MORE = /^\s+or more\b/i;
const NOT_AFTER = /[\p{L}\d_.:/#@+-]/u;
/** NOT_AFTER for each ASCII character, read off NOT_AFTER itself: a table look-up instead of a test. */
const NOT_AFTER_ASCII = Uint8Array.from({ length: 128 }, (_, c) => (NOT_AFTER.test(String.fromCharCode(c)) ? 1 : 0));
const ORDINAL = /^(?:st|nd|rd|th)\b/i;
const DOTTED_OR_SPLIT = /^[.:-]\d/;
const SLASHED = /^\/\d/;
const CLOCK = /^\s?(?:a\.m\.|p\.m\.|am\b|pm\b)/i;
const LETTER_AFTER = /^\p{L}/u;
const SCALE_AFTER = /^(?:k|mm|mn|m|bn|b|tn|t|x|×)(?![\p{L}\d])/iu;
const DECIMAL = /\.\d/;
const PRODUCT_WORD_BEFORE = /\p{Lu}[\p{L}]*\s$/u;
const MAGNITUDE_AFTER = /^\s*(?:%|percent|[kKmMbB]\b|thousand|million|billion)/;

function readFigure(text: string, m: RegExpExecArray): Figure | undefined {
  const [whole, currencySign, digits, word, scaleShort, scaleWord, unitText, plus, currencyWord] = m;
  const start = m.index;
  const end = start + whole.length;
  if (!digits && !word) return undefined;
  if (word && !scaleWord && !unitText && !plus) {
    // A written number alone ("one of", "two teams") counts only with a scale or unit; bare words are prose.
    if (!LETTER_FIRST.test(word) || WORD_NUMBERS[word.toLowerCase()] === undefined) return undefined;
  }
  if (digits && !isStandaloneNumber(text, start + (currencySign?.length ?? 0), start + (currencySign?.length ?? 0) + digits.length)) return undefined;
  let value = digits ? Number(digits.includes(',') ? digits.replace(COMMAS, '') : digits) : WORD_NUMBERS[word.toLowerCase()];
  const scaleKey = (scaleShort ?? scaleWord ?? '').toLowerCase();
  // "5m" after a bare number is five metres or minutes as often as five million: money or a scale word only.
  if (scaleShort && !currencySign && SHORT_SCALE_ALONE.test(scaleShort)) return undefined;
  if (scaleKey) value *= SCALES[scaleKey];
  let unit: FigureUnit = 'count';
  let currency: string | undefined;
  const u = (unitText ?? '').trim().toLowerCase();
  if (u === '%' || u.startsWith('percent') || u.startsWith('per')) unit = 'percent';
  else if (u === 'x' || u === '×' || u === 'times') unit = 'multiplier';
  if (currencySign || currencyWord) {
    unit = 'money';
    const sign = currencySign ?? '';
    const w = (currencyWord ?? '').trim().toLowerCase();
    currency = sign === '€' || w === 'euros' || w === 'eur' ? 'EUR' : sign === '£' || w === 'gbp' || w === 'pounds' ? 'GBP' : 'USD';
  }
  if (unit === 'count' && !scaleKey && digits && YEAR_DIGITS.test(digits)) unit = 'year';
  if (unit === 'count' && MONTH.test(text.slice(Math.max(0, start - 12), start))) return undefined;
  // A qualifier ("no fewer than") sits right before its number: look back 200 characters, not to the start
  // of the block, so that a figure costs the same in a 1 MB paragraph as in a short one (issue 7).
  const from = Math.max(0, start - 200);
  const before = text.slice(from, start);
  let qualifier: Qualifier = 'exact';
  let qualifierText: string | undefined;
  let qualifierStart = start;
  let approaching = false;
  // Every qualifier is at most 13 characters and ends where the white space before the number starts, so
  // each is looked for in the last 20 characters before that white space, not tried at each of the 200
  // (a profile of the 5 KB press release showed them tried at every position for every figure). A match
  // cannot start in the first 7 of those 20, so its `\b` reads the same characters as in `before`.
  const trimmed = before.trimEnd();
  const tailFrom = Math.max(0, trimmed.length - 20);
  const tail = trimmed.slice(tailFrom);
  // In QUALIFIERS' order (the first that matches decides), only when one of them matches.
  if (ANY_QUALIFIER.test(tail)) {
    for (const [re, q, near] of QUALIFIERS) {
      const hit = re.exec(tail);
      if (hit) {
        qualifier = q;
        approaching = near;
        qualifierText = hit[0].trim();
        qualifierStart = from + tailFrom + hit.index + (hit[0].length - hit[0].trimStart().length);
        break;
      }
    }
  }
  if (plus) {
    qualifier = 'more-than';
    qualifierText = '+';
    qualifierStart = start;
  }
  // OR_MORE opens with white space: not tried after a number followed by another ASCII character (most).
  const next = text.charCodeAt(end);
  if ((next >= 128 || next === 32 || (next >= 9 && next <= 13)) && OR_MORE.test(text.slice(end))) qualifier = 'at-least';
  return {
    start: qualifierStart,
    end,
    numberStart: start,
    numberEnd: plus ? end - 1 : end,
    value,
    unit,
    currency,
    qualifier,
    qualifierText,
    approaching,
    style: {
      separators: !!digits && digits.includes(','),
      scale: scaleShort ?? (scaleWord ? ` ${scaleWord}` : ''),
      words: !!word,
      plus: !!plus,
      percentWord: u.startsWith('per') && u !== '%',
    },
  };
}

/**
 * Digits that stand for a quantity: not part of a version ("4.2.1", "v2"), a time ("10:30", "10 a.m."), a
 * phone number or range with hyphens ("555-0143"), an ordinal ("3rd") or an identifier ("A1").
 * Each test is tried only where the character it reads first can match it (a profile of the 5 KB press
 * release put readFigure, with about ten tests per number, at a quarter of the claim rules' time); the
 * tests as written one after another are kept in test/unit/claim-fastpaths.test.ts and held equal to
 * this by a property test.
 */
export function isStandaloneNumber(text: string, start: number, end: number): boolean {
  if (start > 0) {
    const b = text.charCodeAt(start - 1);
    if (b < 128 ? NOT_AFTER_ASCII[b] === 1 : NOT_AFTER.test(text[start - 1])) return false;
  }
  const c = text.charCodeAt(end);
  // The tests of the text after the number, each only where its first character can match: ORDINAL and
  // LETTER_AFTER need a letter, DOTTED_OR_SPLIT and SLASHED one of ".:-/", CLOCK white space or a letter
  // (a, p). After most numbers comes a space or punctuation: one test or none instead of six for them.
  const ascii = c < 128;
  const space = c === 32 || (c >= 9 && c <= 13);
  const mark = c === 46 || c === 58 || c === 45 || c === 47;
  if (!ascii || (!space && !mark && isAsciiLetter(c))) {
    const rest = text.slice(end);
    if (ORDINAL.test(rest)) return false;
    if (DOTTED_OR_SPLIT.test(rest) || SLASHED.test(rest)) return false;
    if (CLOCK.test(rest)) return false;
    if (LETTER_AFTER.test(rest) && !SCALE_AFTER.test(rest)) return false;
  } else if (mark) {
    if (DOTTED_OR_SPLIT.test(text.slice(end)) || SLASHED.test(text.slice(end))) return false;
  } else if (space) {
    if (CLOCK.test(text.slice(end))) return false;
  }
  // A version after a capitalised product word: "Pulse 4.2", "iOS 17.1".
  const versionLike = DECIMAL.test(text.slice(start, end)) && PRODUCT_WORD_BEFORE.test(text.slice(Math.max(0, start - 20), start));
  return !(versionLike && !MAGNITUDE_AFTER.test(text.slice(end)));
}

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** Writes `value` the way `style` wrote its number: "4,000", "4k", "4 thousand", "4.1 million". */
export function formatLike(value: number, unit: FigureUnit, style: NumberStyle, currency?: string): string {
  let scaled = value;
  let scale = '';
  const s = style.scale.trim().toLowerCase();
  if (s) {
    scaled = value / SCALES[s];
    scale = style.scale;
  } else if (style.words && value >= 1e6) {
    scaled = value / 1e6;
    scale = ' million';
  }
  let digits = Number.isInteger(scaled) ? String(scaled) : String(Number(scaled.toFixed(3)));
  if (style.separators || (!s && value >= 10000 && Number.isInteger(scaled))) digits = addSeparators(digits);
  const sign = unit === 'money' ? (currency === 'EUR' ? '€' : currency === 'GBP' ? '£' : '$') : '';
  const suffix = unit === 'percent' ? (style.percentWord ? ' percent' : '%') : unit === 'multiplier' ? 'x' : '';
  return `${sign}${digits}${scale}${suffix}`;
}

function addSeparators(digits: string): string {
  const [int, frac] = digits.split('.');
  const withCommas = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac ? `${withCommas}.${frac}` : withCommas;
}
