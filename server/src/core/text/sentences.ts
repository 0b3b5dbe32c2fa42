/**
 * Sentence boundaries inside one prose block. A boundary is ., ! or ? (plus closing quotes/brackets)
 * followed by white space and a capital, digit or opening quote, unless the word before the period is a
 * known abbreviation ("Inc.", "Sept.", "No. 1", "a.m.") or a single initial ("J. Smith").
 */

export const ABBREVIATIONS: ReadonlySet<string> = new Set(
  [
    'inc', 'corp', 'co', 'ltd', 'llc', 'plc', 'bros', 'mr', 'mrs', 'ms', 'dr', 'prof', 'sr', 'jr', 'st', 'mt',
    'jan', 'feb', 'mar', 'apr', 'aug', 'sept', 'sep', 'oct', 'nov', 'dec', 'no', 'nos', 'vs', 'etc', 'approx',
    'dept', 'est', 'fig', 'gov', 'gen', 'col', 'lt', 'sgt', 'rep', 'sen', 'u.s', 'a.m', 'p.m', 'e.g', 'i.e',
    'ave', 'blvd', 'rd', 'ste', 'ft', 'ore', 'calif', 'mass', 'wash', 'colo', 'conn', 'fla', 'ill', 'mich',
    'minn', 'ariz', 'ark', 'del', 'kan', 'ky', 'la', 'md', 'miss', 'mo', 'mont', 'neb', 'nev', 'okla', 'pa',
    'tenn', 'va', 'vt', 'wis', 'wyo', 'ala', 'ga',
  ],
);

export interface Sentence {
  start: number;
  end: number;
  /** A piece of an over-long sentence after its first (see MAX_SENTENCE): its start is not a sentence start. */
  continues?: boolean;
}

/**
 * The longest sentence, in UTF-16 code units; a longer one is cut at white space into pieces of at most
 * this length. Rules read a sentence for every finding in it, so without a bound a 1 MB paragraph with no
 * full stop ("No. 1 No. 1 …", a pasted table) would cost its length squared (issue 7). The longest sentence
 * in the corpus, the examples and the fixtures is 534 characters.
 */
export const MAX_SENTENCE = 1000;

/**
 * Text the checks cannot see (inline code, HTML comments: U+FFFC) may stand between two sentences. A
 * candidate starts only where a run of end punctuation starts (the look-behind), so a run of 100,000 dots
 * is scanned once, not once from each dot (issue 7); a match could not start inside a run anyway.
 */
export const CANDIDATE = /(?<![.!?…])[.!?…]+["'”’)\]]*(?=\s+(?:\uFFFC\s*)*["'“‘(\[]?[\p{Lu}\p{N}])/gu;

export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let start = skipSpace(text, 0);
  CANDIDATE.lastIndex = 0;
  for (let m = CANDIDATE.exec(text); m; m = CANDIDATE.exec(text)) {
    const end = m.index + m[0].length;
    // A line break after "Corp." before a capital ends the sentence; within a line it is an abbreviation.
    if (m[0][0] === '.' && !lineBreakAt(text, end) && isAbbreviation(text, m.index)) continue;
    if (end > start) out.push({ start, end });
    start = skipSpace(text, end);
  }
  const tail = text.length - (text.length - text.trimEnd().length);
  if (tail > start) out.push({ start, end: tail });
  return out.some((s) => s.end - s.start > MAX_SENTENCE) ? out.flatMap((s) => cut(text, s)) : out;
}

/** An over-long sentence in pieces of at most MAX_SENTENCE, each ending at white space when there is some. */
function cut(text: string, s: Sentence): Sentence[] {
  if (s.end - s.start <= MAX_SENTENCE) return [s];
  const pieces: Sentence[] = [];
  let start = s.start;
  while (s.end - start > MAX_SENTENCE) {
    let end = start + MAX_SENTENCE;
    let space = end;
    while (space > start + MAX_SENTENCE / 2 && !/\s/.test(text[space])) space--;
    if (space > start + MAX_SENTENCE / 2) end = space;
    else if (/[\uDC00-\uDFFF]/.test(text[end])) end--; // never between the halves of a surrogate pair
    pieces.push({ start, end, ...(pieces.length > 0 ? { continues: true } : {}) });
    start = skipSpace(text, end);
  }
  if (s.end > start) pieces.push({ start, end: s.end, continues: true });
  return pieces;
}

/**
 * Whether the white space at `i` holds a line break: `/^\s*\n/` on the text from `i`, read in place (the
 * slice was a string per candidate boundary).
 */
function lineBreakAt(text: string, i: number): boolean {
  for (; i < text.length && isSpace(text.charCodeAt(i)); i++) if (text.charCodeAt(i) === 10) return true;
  return false;
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  return i;
}

/**
 * `/\s/` of a UTF-16 unit, ASCII by code: the regex per character of every gap between sentences showed
 * in a profile of the 5 KB press release (splitSentences was a tenth of analyse()).
 */
function isSpace(code: number): boolean {
  return code < 128 ? code === 32 || (code >= 9 && code <= 13) : /\s/.test(String.fromCharCode(code));
}

/** The longest abbreviation, in UTF-16 units. */
const LONGEST_ABBREVIATION = Math.max(...[...ABBREVIATIONS].map((a) => a.length));

/** Whether the period at `dot` ends an abbreviation or an initial rather than a sentence. */
function isAbbreviation(text: string, dot: number): boolean {
  // Back over letters and periods: by code for ASCII, by the Unicode class otherwise (one test per
  // character was the larger part of splitSentences in a profile of the 5 KB press release).
  let i = dot;
  let ascii = true;
  for (; i > 0; i--) {
    const c = text.charCodeAt(i - 1);
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 46) continue;
    if (c < 128 || !/[\p{L}.]/u.test(text[i - 1])) break;
    ascii = false;
  }
  if (!ascii) {
    const word = text.slice(i, dot).toLowerCase();
    if (word.length === 1 && /\p{Lu}/u.test(text[i])) return true;
    return ABBREVIATIONS.has(word);
  }
  // ASCII letters and periods keep their length in lower case: a single capital is an initial, and a word
  // longer than every abbreviation is none (so only short words are lower-cased, a new string each).
  const length = dot - i;
  if (length === 1 && text.charCodeAt(i) >= 65 && text.charCodeAt(i) <= 90) return true;
  return length <= LONGEST_ABBREVIATION && ABBREVIATIONS.has(text.slice(i, dot).toLowerCase());
}

/** Index of the sentence containing `offset` (binary search); -1 when outside every sentence. */
export function sentenceIndexAt(sentences: Sentence[], offset: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid];
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}
