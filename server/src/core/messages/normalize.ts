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
        j = WORD_RUN.lastIndex;
      }
      out.push(text.slice(i, j));
      i = j;
      continue;
    }
    WORD_RUN.lastIndex = i;
    if (WORD_RUN.exec(text)) {
      out.push(text.slice(i, WORD_RUN.lastIndex));
      i = WORD_RUN.lastIndex;
    } else {
      const low = i + 1 < n ? text.charCodeAt(i + 1) : 0;
      i += c >= 0xd800 && c <= 0xdbff && low >= 0xdc00 && low <= 0xdfff ? 2 : 1;
    }
  }
  return out;
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
