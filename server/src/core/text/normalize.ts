/**
 * Text normalisation for comparing copy with approved brand text: case, white space and line wraps,
 * straight/curly quotes, dashes, and the textual forms of trademark symbols are not differences.
 */
/**
 * normalizeText of brand-file text (approved wordings, attributions, required context): the same few
 * strings on every check, normalised once (a pure function; a bounded memo changes nothing but the time).
 */
export function normalizeApproved(s: string): string {
  let n = approvedNormalized.get(s);
  if (n === undefined) {
    n = normalizeText(s);
    if (approvedNormalized.size >= 5_000) approvedNormalized.clear();
    approvedNormalized.set(s, n);
  }
  return n;
}

const approvedNormalized = new Map<string, string>();

/**
 * Contract (held by a property test): `(lower.includes('(') ? lower.replace(/\(r\)/g, '®').replace(/\(tm\)/g, '™') : lower)
 * .replace(/[’‘`´]/g, "'").replace(/[“”„]/g, '"').replace(/[‐‑‒–—]/g, '-').replace(/\s+/g, ' ').trim()` of
 * `lower = s.toLowerCase()`. A text with none of the mapped quotes and dashes and no white space but
 * single spaces is unchanged by the four replaces, so only trimmed: two thirds of the 5 KB press release's
 * sentences, where one test cost a third of the replaces (micro-benchmark over its sentences: 118 → 38 µs).
 */
export function normalizeText(s: string): string {
  const lower = s.toLowerCase();
  // "(r)" and "(tm)" open with "(": one fast search spares most text two regex passes.
  const marked = lower.includes('(') ? lower.replace(/\(r\)/g, '®').replace(/\(tm\)/g, '™') : lower;
  if (!NEEDS_MAPPING.test(marked)) return marked.trim();
  return marked
    .replace(/[’‘`´]/g, "'")
    .replace(/[“”„]/g, '"')
    .replace(/[‐‑‒–—]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A character normalizeText maps, white space other than a space, or two spaces in a row. */
const NEEDS_MAPPING = /[’‘`´“”„‐‑‒–—]|[^\S ]| {2}/;

/**
 * The run of letters that ends `s`, or undefined: `/(?<!\p{L})(\p{L}+)$/u.exec(s)?.[1]` (a property test
 * holds the two equal), read from the end by code point. That pattern is tried at every position of its
 * input: phrase.needs-claim ran it over the 100 characters before each rank word, and term.deprecated
 * over both forms of a term on every fix, several times the cost of the word found.
 */
export function trailingLetters(s: string): string | undefined {
  let i = s.length;
  while (i > 0) {
    let w = 1;
    const low = s.charCodeAt(i - 1);
    if (low >= 0xdc00 && low <= 0xdfff && i >= 2) {
      const high = s.charCodeAt(i - 2);
      if (high >= 0xd800 && high <= 0xdbff) w = 2;
    }
    if (!LETTER.test(s.slice(i - w, i))) break;
    i -= w;
  }
  return i < s.length ? s.slice(i) : undefined;
}

const LETTER = /^\p{L}$/u;
