/**
 * The three ways approved text (taglines, key messages, boilerplate) is compared with copy:
 *
 * - `approvedKey`: what "exact" means. White space, straight/curly quotes and the textual forms of
 *   trademark symbols ("(R)" for "®") are not differences; case, words, punctuation and dashes are.
 * - `fuzzyKey`: what similarity scores read. Case and punctuation are dropped so that a score measures
 *   the words, not the typing.
 * - `stem`: one word's matching key for in-order word coverage, so "signals" and "signal" count as the
 *   same word.
 */

export function approvedKey(s: string): string {
  // The textual trademark forms all open with "(": one fast search spares the copy three regex passes.
  const marked = s.includes('(') ? s.replace(/\((?:r|R)\)/g, '®').replace(/\((?:tm|TM)\)/g, '™').replace(/\((?:sm|SM)\)/g, '℠') : s;
  return marked
    .replace(/[’‘`´]/g, "'")
    .replace(/[“”„]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The approved key of a tagline or key message as a phrase: trademark symbols dropped (their use is the
 * name rules' business) and the closing punctuation ignored, since a tagline stands in a heading or a list
 * item without its full stop.
 */
export function phraseKey(s: string): string {
  return approvedKey(s)
    .replace(/\s*[®™℠]/g, '')
    .replace(/^["'(\s]+/, '')
    .replace(/(?<![\s.!?…"')])[\s.!?…"')]+$/, '');
}

/**
 * Text made only of ASCII, typographic quotes, dashes, ellipses, no-break spaces and trademark symbols: for
 * it fuzzyKey has a shorter road to the same key (see fuzzyKey). Lower-casing such text is context-free (no
 * capital sigma, no dotted I), and every character but an ASCII letter or digit is not \p{L} or \p{N}.
 */
const FAST_FUZZY = /^[\x00-\x7f\u00a0\u00b4\u00ae\u2013\u2014\u2018\u2019\u201c\u201d\u201e\u2026\u2120\u2122]*$/;

export function fuzzyKey(s: string): string {
  // A profile of the 5 KB press release put fuzzyKey (nine regex passes) at 2–3% of a check. For the
  // common text above, the same key in four: the trademark forms and symbols are dropped (approvedKey turns
  // "(R)" into "®", which the key drops), quotes and white space become separators like any other
  // punctuation. The property test in test/unit/messages.test.ts holds it equal to the long road.
  if (FAST_FUZZY.test(s)) {
    return s
      .replace(/\((?:r|R|tm|TM|sm|SM)\)|[®™℠]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
  }
  return fuzzyKeyInFull(s);
}

/** fuzzyKey by its definition: the approved key, lower-cased, trademark symbols and punctuation dropped. */
export function fuzzyKeyInFull(s: string): string {
  return approvedKey(s)
    .toLowerCase()
    .replace(/[®™℠]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const WORD_RUN = /[\p{L}\p{M}\p{N}]+/uy;

/**
 * `text.match(/[\p{L}\p{M}\p{N}]+/gu) ?? []`, the runs of letters, marks and digits, with ASCII read by
 * code: timed alone on the 5 KB press release's paragraphs, the Unicode expression took 95 µs a check
 * (the boilerplate's word buckets). A non-ASCII character goes to the expression, from the start of its
 * run; a position it does not match is passed over by whole code point, as a global search would. A
 * property test in test/unit/messages.test.ts holds the two equal.
 */
export function wordsOf(text: string): string[] {
  const out: string[] = [];
  forEachWordRun(text, (from, to) => out.push(text.slice(from, to)));
  return out;
}

/**
 * Calls `visit` with each run of letters, marks and digits of `text` in order (the runs of wordsOf, see
 * there); `ascii` says the run is ASCII letters and digits only.
 */
function forEachWordRun(text: string, visit: (from: number, to: number, ascii: boolean) => void): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      if (!isAsciiWordCode(c)) {
        i++;
        continue;
      }
      let j = i + 1;
      while (j < n && isAsciiWordCode(text.charCodeAt(j))) j++;
      if (j < n && text.charCodeAt(j) >= 128) {
        WORD_RUN.lastIndex = i;
        WORD_RUN.exec(text);
        visit(i, WORD_RUN.lastIndex, false);
        i = WORD_RUN.lastIndex;
      } else {
        visit(i, j, true);
        i = j;
      }
      continue;
    }
    WORD_RUN.lastIndex = i;
    if (WORD_RUN.exec(text)) {
      visit(i, WORD_RUN.lastIndex, false);
      i = WORD_RUN.lastIndex;
    } else {
      const low = i + 1 < n ? text.charCodeAt(i + 1) : 0;
      i += c >= 0xd800 && c <= 0xdbff && low >= 0xdc00 && low <= 0xdfff ? 2 : 1;
    }
  }
}

function isAsciiWordCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
}

/** A word's matching key: lower case, possessive and plural endings removed. */
export function stem(word: string): string {
  // Copy repeats its words: remember the stems of the words seen lately (a pure function, so a bounded
  // memo changes nothing but the time).
  let w = stems.get(word);
  if (w !== undefined) return w;
  w = word.toLowerCase().replace(/[’']s$/, '');
  if (w.length > 3 && /(?:s|x|z|ch|sh)es$/.test(w)) w = w.slice(0, -2);
  else if (w.length > 3 && /[^su]s$/.test(w)) w = w.slice(0, -1);
  if (stems.size >= 20_000) stems.clear();
  stems.set(word, w);
  return w;
}

const stems = new Map<string, string>();

/**
 * Whether two stems are the same word for coverage: equal, or one extends the other by at most three
 * letters when the shorter has five or more ("magic"/"magical"; never "sign"/"signal").
 */
export function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= 5 && long.length - short.length <= 3 && long.startsWith(short);
}

/** A bucket key such that `sameWord(a, b)` implies `bucket(a) === bucket(b)`: cheap pre-filtering. */
export function bucket(stemmed: string): string {
  return stemmed.slice(0, 5);
}

/**
 * A bucket as a Set or Map key: `bucketKey(a) === bucketKey(b)` exactly when `a === b`. A bucket of ASCII
 * lower-case letters and digits (nearly every bucket of copy) is a number, read by code from the word
 * with no string made (see wordBucketKey); any other stays the string itself.
 */
export type BucketKey = number | string;

/** 37 symbols: 0 ends the key, 1–10 the digits, 11–36 the letters a–z; 37^5 keeps a five-letter key a small integer. */
const KEY_BASE = 37;

/** The symbol of an ASCII letter or digit code, lower-cased (1–36), or 0 for any other code. */
function keySymbol(c: number): number {
  if (c >= 48 && c <= 57) return c - 47;
  if (c >= 97 && c <= 122) return c - 86;
  if (c >= 65 && c <= 90) return c - 54;
  return 0;
}

export function bucketKey(b: string): BucketKey {
  if (b.length > 5) return b;
  let key = 0;
  for (let i = b.length - 1; i >= 0; i--) {
    const c = b.charCodeAt(i);
    // Lower case and digits only: "A" is another bucket than "a" (no bucket holds a capital; the key is exact).
    if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57))) return b;
    key = key * KEY_BASE + keySymbol(c);
  }
  return key;
}

/**
 * `bucketKey(bucket(stem(word)))`. A profile of the 5 KB press release put the word buckets (a string per
 * word for the stem, another for the bucket, and two hash look-ups) at 2% of a check, the boilerplate's
 * and the near matches' pre-filters: a word of ASCII letters and digits (no apostrophe, so no possessive
 * to drop) has its stem's length read from its ending as stem() does, and its key from the first up to
 * five of those characters, lower-cased. A property test in test/unit/messages.test.ts holds the two equal.
 */
export function wordBucketKey(word: string): BucketKey {
  return asciiWordKey(word) ?? bucketKey(bucket(stem(word)));
}

/**
 * wordBucketKey(word) when the word is ASCII letters and digits only, read in one pass (the symbols of its
 * first five characters, then as many of them as its stem keeps); otherwise undefined.
 */
function asciiWordKey(word: string): number | undefined {
  const n = word.length;
  if (n === 0) return undefined;
  let key = 0;
  let unit = 1;
  for (let i = 0; i < n; i++) {
    const sym = keySymbol(word.charCodeAt(i));
    if (sym === 0) return undefined;
    if (i < 5) {
      key += sym * unit;
      unit *= KEY_BASE;
    }
  }
  const kept = stemLength(word, 0, n);
  return kept < 5 && kept < n ? key % KEY_BASE ** kept : key;
}

/** The key of a non-empty run of ASCII letters and digits `text[from, to)` (see asciiWordKey). */
function asciiRunKey(text: string, from: number, to: number): number {
  let key = 0;
  for (let i = from + Math.min(stemLength(text, from, to), 5) - 1; i >= from; i--) key = key * KEY_BASE + keySymbol(text.charCodeAt(i));
  return key;
}

/**
 * The length of stem(text.slice(from, to)) for a run of ASCII letters and digits (no apostrophe, so no
 * possessive): only a word of more than three characters loses an ending, "-(s|x|z|ch|sh)es" its "es",
 * another "-s" after a character other than s or u its "s".
 */
function stemLength(text: string, from: number, to: number): number {
  const n = to - from;
  if (n > 3 && lowerCode(text.charCodeAt(to - 1)) === 115) {
    const before = lowerCode(text.charCodeAt(to - 2));
    const third = lowerCode(text.charCodeAt(to - 3));
    if (before === 101 && (third === 115 || third === 120 || third === 122 || (third === 104 && isCOrS(lowerCode(text.charCodeAt(to - 4)))))) return n - 2;
    if (before !== 115 && before !== 117) return n - 1;
  }
  return n;
}

function isCOrS(c: number): boolean {
  return c === 99 || c === 115;
}

function lowerCode(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c;
}

/**
 * `wordsOf(text).map(wordBucketKey)`, the buckets of a text's words in order, with no string made for a
 * word of ASCII letters and digits: the same runs as wordsOf, read the same way (see there). A list, not
 * a set: timed alone on the 5 KB press release's paragraphs, a Set of them cost 40% more; BucketTable
 * counts distinct buckets.
 */
export function wordBucketKeys(text: string): BucketKey[] {
  const out: BucketKey[] = [];
  forEachWordRun(text, (from, to, ascii) => out.push(ascii ? asciiRunKey(text, from, to) : wordBucketKey(text.slice(from, to))));
  return out;
}

/**
 * A fixed set of bucket keys, each numbered 0 to size − 1 (in the order given, repeats dropped), looked up
 * without a hash of a string or a Map for a numeric key: an open-addressed table of the keys. The near
 * matches' bucket count asks it once per word of every block, the boilerplate's shared words once per word
 * of every comparable paragraph.
 */
export class BucketTable {
  readonly size: number;
  private readonly slots: Int32Array;
  private readonly numbers: Int32Array;
  private readonly shift: number;
  private readonly strings = new Map<string, number>();

  constructor(keys: Iterable<BucketKey>) {
    const distinct = [...new Set(keys)];
    this.size = distinct.length;
    let bits = 4;
    while (1 << bits < 2 * distinct.length) bits++;
    this.shift = 32 - bits;
    this.slots = new Int32Array(1 << bits);
    this.numbers = new Int32Array(1 << bits);
    distinct.forEach((key, i) => {
      if (typeof key === 'string') {
        this.strings.set(key, i);
        return;
      }
      let s = this.home(key);
      while (this.slots[s] !== 0) s = (s + 1) & (this.slots.length - 1);
      // Slot values are key + 1, so 0 marks an empty slot (keys are at most 37^5, well inside an Int32).
      this.slots[s] = key + 1;
      this.numbers[s] = i;
    });
  }

  /** The key's number, or -1 when it is not in the set. */
  indexOf(key: BucketKey): number {
    if (typeof key === 'string') return this.strings.get(key) ?? -1;
    const mask = this.slots.length - 1;
    for (let s = this.home(key); ; s = (s + 1) & mask) {
      const held = this.slots[s];
      if (held === key + 1) return this.numbers[s];
      if (held === 0) return -1;
    }
  }

  private home(key: number): number {
    return Math.imul(key, 0x9e3779b1) >>> this.shift;
  }
}
