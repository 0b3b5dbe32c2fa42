/**
 * Inline suppression comments, as writers know them from markdownlint and ESLint:
 *   <!-- on-message-disable-next-line RULE [RULE...] -->   the next line only
 *   <!-- on-message-disable RULE -->  …  <!-- on-message-enable RULE -->   a region
 * No rule named means every rule. Rules may be separated by spaces or commas.
 */
import type { HtmlComment } from './prose';
import { lineIndexAt, lineStarts } from '../text/positions';

export interface Suppression {
  /** Offsets covered, end exclusive. */
  start: number;
  end: number;
  /** Rule ids; empty means all rules. */
  rules: string[];
  comment: HtmlComment;
}

const DIRECTIVE = /^on-message-(disable-next-line|disable|enable)\b\s*([\s\S]*)$/;

export function suppressions(source: string, comments: HtmlComment[]): Suppression[] {
  // The line starts only for a disable-next-line directive: most documents have none, and scanning the whole
  // text for them cost 9 µs of each check of the 5 KB press release (no comment at all), run after its parse.
  let starts: number[] | undefined;
  const out: Suppression[] = [];
  const open = new Map<string, { start: number; comment: HtmlComment }>();
  for (const comment of comments) {
    const m = DIRECTIVE.exec(comment.body);
    if (!m) continue;
    const rules = m[2].split(/[\s,]+/).filter(Boolean);
    if (m[1] === 'disable-next-line') {
      starts ??= lineStarts(source);
      const line = lineIndexAt(starts, comment.end) + 1;
      if (line < starts.length) {
        const end = line + 1 < starts.length ? starts[line + 1] : source.length;
        out.push({ start: starts[line], end, rules, comment });
      }
    } else if (m[1] === 'disable') {
      for (const rule of rules.length ? rules : ['*']) if (!open.has(rule)) open.set(rule, { start: comment.end, comment });
    } else {
      const closing = rules.length ? rules : [...open.keys()];
      for (const rule of closing) {
        const region = open.get(rule);
        if (!region) continue;
        out.push({ start: region.start, end: comment.start, rules: rule === '*' ? [] : [rule], comment: region.comment });
        open.delete(rule);
      }
    }
  }
  for (const [rule, region] of open) {
    out.push({ start: region.start, end: source.length, rules: rule === '*' ? [] : [rule], comment: region.comment });
  }
  return out;
}

export function isSuppressed(list: Suppression[], rule: string, offset: number): boolean {
  return list.some((s) => offset >= s.start && offset < s.end && (s.rules.length === 0 || s.rules.includes(rule)));
}
