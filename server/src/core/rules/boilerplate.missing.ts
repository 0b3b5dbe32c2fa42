import type { Rule } from '../rule';
import { brandSource } from '../context';
import { q } from '../match/explain';
import { boilerplateUses, isPresent } from '../messages/boilerplate';
import { lineStarts } from '../text/positions';

/** An end mark on a line of its own: the boilerplate goes before it. */
const END_MARK = /^[ \t]*(?:#{3}|-30-)[ \t]*$/gm;

/**
 * A boilerplate whose `required_in` lists the document's channel, with neither its heading nor its text in
 * the document. Reported on the document's last line; the fix inserts the heading and the current text
 * before the end mark ("###" or "-30-"), or at the end.
 */
export const rule: Rule = {
  id: 'boilerplate.missing',
  description: "A boilerplate (\"About …\") section required in the document's channel is missing.",
  severity: 'error',
  check(ctx) {
    const channel = ctx.channel;
    if (!channel) return;
    const source = ctx.doc.source;
    for (const use of boilerplateUses(ctx)) {
      const entry = use.entry;
      if (!entry.requiredIn.includes(channel) || isPresent(use)) continue;
      const [start, end] = lastLine(source);
      ctx.reportAt({
        start,
        end,
        message: `The ${q(entry.heading)} boilerplate is missing: the brand file requires it in every ${q(channel)} document (boilerplate › ${entry.id}, required_in). Add a ${q(`## ${entry.heading}`)} section with the approved text.`,
        severity: entry.severity,
        fix: { title: `Insert the ${q(entry.heading)} boilerplate`, ...insertion(source, entry.heading, entry.text) },
        source: brandSource('boilerplate', entry),
        entryId: entry.id,
      });
    }
  },
};

/** Source range of the last line with text on it (an empty document: the empty range at 0). */
function lastLine(source: string): [number, number] {
  const starts = lineStarts(source);
  for (let i = starts.length - 1; i >= 0; i--) {
    const end = i + 1 < starts.length ? starts[i + 1] : source.length;
    const line = source.slice(starts[i], end).replace(/\r?\n$|\r$/, '');
    if (line.trim()) return [starts[i], starts[i] + line.length];
  }
  return [0, 0];
}

function insertion(source: string, heading: string, text: string): { start: number; end: number; text: string } {
  const section = `## ${heading}\n\n${text.trim()}\n`;
  let mark = -1;
  END_MARK.lastIndex = 0;
  for (let m = END_MARK.exec(source); m; m = END_MARK.exec(source)) mark = m.index;
  if (mark >= 0) {
    const blankBefore = mark === 0 || /\n[ \t]*\r?\n$/.test(source.slice(0, mark)) ? '' : '\n';
    return { start: mark, end: mark, text: `${blankBefore}${section}\n` };
  }
  const trimmed = source.trimEnd();
  const lead = trimmed.length === 0 ? '' : '\n\n';
  return { start: trimmed.length, end: source.length, text: `${lead}${section}` };
}
