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

export function normalizeText(s: string): string {
  const lower = s.toLowerCase();
  // "(r)" and "(tm)" open with "(": one fast search spares most text two regex passes.
  return (lower.includes('(') ? lower.replace(/\(r\)/g, '®').replace(/\(tm\)/g, '™') : lower)
    .replace(/[’‘`´]/g, "'")
    .replace(/[“”„]/g, '"')
    .replace(/[‐‑‒–—]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}
