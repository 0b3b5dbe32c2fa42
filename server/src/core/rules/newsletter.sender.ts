import type { Rule } from '../rule';
import { channelSource, fromProfile, orList, profileOf, requiredElement, str, strs } from '../channels/profile';
import { fieldText, firstLine, frontMatterField } from '../channels/structure';

/**
 * With a `required_elements` entry `sender`, the front-matter field `front_matter_key` (default `from`)
 * is present and, when `allowed` is given, one of its values (white space and letter case aside).
 */
export const rule: Rule = {
  id: 'newsletter.sender',
  description: 'A newsletter whose sender (front matter `from:`) is missing or not on the brand file\'s allow-list.',
  severity: 'error',
  check(ctx) {
    const profile = profileOf(ctx);
    const element = profile && requiredElement(profile.raw, 'sender');
    if (!profile || !element) return;
    const key = str(element, 'front_matter_key') ?? 'from';
    const allowed = strs(element, 'allowed');
    const where = fromProfile(profile.channel, 'required_elements');
    const source = channelSource(profile.channel, 'required_elements');
    const field = frontMatterField(ctx.doc, key);
    const value = field ? fieldText(field.value)?.trim() : undefined;
    const allowList = allowed.length > 0 ? `: the allowed senders are ${orList(allowed)}` : '';
    if (!field || !value) {
      const at = field ?? firstLine(ctx.doc);
      ctx.reportAt({ start: at.start, end: at.end, message: `The newsletter has no sender: add '${key}:' to the front matter, as ${where} requires${allowList}.`, source });
      return;
    }
    const norm = (s: string): string => s.replace(/\s+/g, ' ').trim().toLowerCase();
    if (allowed.length === 0 || allowed.some((a) => norm(a) === norm(value))) return;
    ctx.reportAt({
      start: field.start,
      end: field.end,
      message: `The sender '${value}' is not on the allow-list of ${where}${allowList} (CAN-SPAM: accurate "From" line).`,
      source,
    });
  },
};
