/**
 * Sentence boundaries inside one prose block. A boundary is ., ! or ? (plus closing quotes/brackets)
 * followed by white space and a capital, digit or opening quote, unless the word before the period is a
 * known abbreviation ("Inc.", "Sept.", "No. 1", "a.m.") or a single initial ("J. Smith").
 */

const ABBREVIATIONS = new Set(
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
const CANDIDATE = /(?<![.!?…])[.!?…]+["'”’)\]]*(?=\s+(?:\uFFFC\s*)*["'“‘(\[]?[\p{Lu}\p{N}])/gu;

export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let start = skipSpace(text, 0);
  CANDIDATE.lastIndex = 0;
  for (let m = CANDIDATE.exec(text); m; m = CANDIDATE.exec(text)) {
    // A line break after "Corp." before a capital ends the sentence; within a line it is an abbreviation.
    const lineBreak = /^\s*\n/.test(text.slice(m.index + m[0].length));
    if (m[0][0] === '.' && !lineBreak && isAbbreviation(text, m.index)) continue;
    const end = m.index + m[0].length;
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

function skipSpace(text: string, i: number): number {
  while (i < text.length && /\s/.test(text[i])) i++;
  return i;
}

/** Whether the period at `dot` ends an abbreviation or an initial rather than a sentence. */
function isAbbreviation(text: string, dot: number): boolean {
  let i = dot;
  while (i > 0 && /[\p{L}.]/u.test(text[i - 1])) i--;
  const word = text.slice(i, dot).toLowerCase();
  if (word.length === 1 && /\p{Lu}/u.test(text[i])) return true;
  return ABBREVIATIONS.has(word);
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
