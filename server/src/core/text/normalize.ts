/**
 * Text normalisation for comparing copy with approved brand text: case, white space and line wraps,
 * straight/curly quotes, dashes, and the textual forms of trademark symbols are not differences.
 */
export function normalizeText(s: string): string {
  return s
    .toLowerCase()
    .replace(/\(r\)/g, '®')
    .replace(/\(tm\)/g, '™')
    .replace(/[’‘`´]/g, "'")
    .replace(/[“”„]/g, '"')
    .replace(/[‐‑‒–—]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}
