import type { Rule } from '../rule';
import { channelSource, fromProfile, num, orList, profileOf, strs, sub } from '../channels/profile';
import { bodyNodes, firstLine } from '../channels/structure';
import { type VisibleText, charCount, exactSource, toSource, visibleText } from '../channels/text';
import { escapeRegExp } from '../context';

/**
 * A post whose front matter says `paid: true` carries one of `paid_partnership.require_any` ("#ad",
 * "#sponsored", "Paid partnership"; letter case aside, whole tags only: "#adtech" is not "#ad") ending
 * within its first `within_first_chars` visible characters, where readers see it before "more". The fix
 * moves a late tag to the start of the post, or inserts the first accepted tag when there is none.
 */
export const rule: Rule = {
  id: 'social.paid',
  description: 'A paid social post without "#ad", "#sponsored" or "Paid partnership" near its start.',
  severity: 'error',
  check(ctx) {
    const profile = profileOf(ctx);
    const config = sub(profile?.raw, 'paid_partnership');
    if (!profile || !config || !isPaid(ctx.doc.frontMatter.paid)) return;
    const tags = strs(config, 'require_any');
    if (tags.length === 0) return;
    const within = num(config, 'within_first_chars') ?? Infinity;
    const where = fromProfile(profile.channel, 'paid_partnership');
    const source = channelSource(profile.channel, 'paid_partnership');
    const requirement = `${where} requires ${orList(tags)} within the first ${within} characters of a paid post, where readers see it before "more" (FTC Endorsement Guides)`;

    const visible = visibleText(bodyNodes(ctx.doc), ctx.doc.source);
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}_])(?:${tags.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}_])`, 'giu');
    const hit = pattern.exec(visible.text);
    const postStart = toSource(visible, 0);
    if (!hit) {
      const at = visible.text ? { start: postStart, end: lineEnd(ctx.doc.source, postStart) } : firstLine(ctx.doc);
      ctx.reportAt({
        ...at,
        message: `This paid post has no disclosure: ${requirement}.`,
        source,
        ...(visible.text ? { fix: { title: `Insert '${tags[0]}' at the start`, text: `${tags[0]} `, start: postStart, end: postStart } } : {}),
      });
      return;
    }
    const endsAt = charCount(visible.text.slice(0, hit.index + hit[0].length));
    if (endsAt <= within) return;
    const start = toSource(visible, hit.index);
    const end = toSource(visible, hit.index + hit[0].length, true);
    const fix = moveToStart(ctx.doc.source, visible, hit.index, hit[0].length, postStart);
    ctx.reportAt({
      start,
      end,
      message: `The disclosure '${hit[0]}' ends at character ${endsAt}, too late: ${requirement}.`,
      source,
      ...(fix ? { fix } : {}),
    });
  },
};

function isPaid(value: unknown): boolean {
  return value === true || (typeof value === 'string' && /^(?:true|yes)$/i.test(value.trim()));
}

function lineEnd(source: string, offset: number): number {
  const nl = source.indexOf('\n', offset);
  return nl < 0 ? source.length : nl;
}

/**
 * One replacement from the start of the post to the end of the tag: the tag first, then the text before
 * it as written, without the tag and the spaces that set it off. Offered only when the tag is verbatim source.
 */
function moveToStart(
  source: string,
  visible: VisibleText,
  at: number,
  length: number,
  postStart: number,
): { title: string; text: string; start: number; end: number } | undefined {
  const tag = exactSource(visible, at, at + length);
  if (!tag || tag.start < postStart) return undefined;
  let cut = tag.start;
  while (cut > postStart && (source[cut - 1] === ' ' || source[cut - 1] === '\t')) cut--;
  let end = tag.end;
  const lineStart = cut === postStart || source[cut - 1] === '\n';
  if (lineStart && /^[ \t]*(?:\r?\n|$)/.test(source.slice(tag.end))) {
    while (cut > postStart && /\s/.test(source[cut - 1])) cut--;
  } else if (lineStart) {
    while (source[end] === ' ' || source[end] === '\t') end++;
  }
  const text = source.slice(tag.start, tag.end);
  return { title: `Move '${text}' to the start of the post`, text: `${text} ${source.slice(postStart, cut)}`, start: postStart, end };
}
