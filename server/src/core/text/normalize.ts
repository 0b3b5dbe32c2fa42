/**
 * Text normalisation for comparing copy with approved brand text: case, white space and line wraps,
 * straight/curly quotes, dashes, and the textual forms of trademark symbols are not differences.
 */
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
