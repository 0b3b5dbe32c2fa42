/**
 * Applying fixes. Fixes are applied from the end of the text backwards; a fix that overlaps one already
 * taken is skipped (the writer will see its finding again on the next run), so applying is deterministic
 * and never garbles text.
 */
import type { Finding, Fix } from './types';

export interface FixResult {
  text: string;
  /** The fixes that were applied, in document order. */
  applied: Fix[];
}

export function applyFixes(text: string, findings: readonly Finding[]): FixResult {
  const fixes = findings
    .map((f) => f.fix)
    .filter((f): f is Fix => !!f && f.start >= 0 && f.end <= text.length && f.start <= f.end)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const chosen: Fix[] = [];
  let lastEnd = -1;
  for (const fix of fixes) {
    if (fix.start < lastEnd || (fix.start === lastEnd && fix.start === fix.end)) continue;
    if (text.slice(fix.start, fix.end) === fix.text) continue;
    chosen.push(fix);
    lastEnd = fix.end;
  }
  let out = text;
  for (let i = chosen.length - 1; i >= 0; i--) {
    const f = chosen[i];
    out = out.slice(0, f.start) + f.text + out.slice(f.end);
  }
  return { text: out, applied: chosen };
}

/** Whether every line break of the text is CRLF (and there is at least one). */
export function usesCrlf(text: string): boolean {
  return text.includes('\r\n') && !/(?<!\r)\n/.test(text);
}

/**
 * The findings with their fixes' line breaks made the text's own: in a text whose every line break is CRLF,
 * a fix that inserts lines (a boilerplate, an end mark) inserts CRLF too, so fixing never mixes line endings
 * (issue 7). Other texts get the findings unchanged.
 */
export function withTextLineEndings(text: string, findings: readonly Finding[]): Finding[] {
  if (!usesCrlf(text)) return [...findings];
  return findings.map((f) => (f.fix && f.fix.text.includes('\n') ? { ...f, fix: { ...f.fix, text: f.fix.text.replace(/\r?\n/g, '\r\n') } } : f));
}
