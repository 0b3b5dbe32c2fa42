import type { Rule } from '../rule';
import { channelSource, fromProfile, num, profileOf, severityOf, str, strs, sub } from '../channels/profile';
import { fieldText, frontMatterField } from '../channels/structure';
import { charCount } from '../channels/text';
import { escapeRegExp } from '../context';

/**
 * The front-matter subject (`subject_line.front_matter_key`, default `subject`) against `subject_line`:
 * at most `max_chars`, and none of `forbid` — a form ending in ":" ("RE:", "FWD:") is a forbidden prefix,
 * any other a forbidden word or phrase. Letter case is ignored. A newsletter without a subject is not
 * flagged: the subject may be set in the sending tool. Severity: the profile's `subject_line.severity`.
 */
export const rule: Rule = {
  id: 'newsletter.subject',
  description: 'A newsletter subject line that is too long or starts with a misleading "RE:" or "FWD:".',
  severity: 'warning',
  check(ctx) {
    const profile = profileOf(ctx);
    const config = sub(profile?.raw, 'subject_line');
    if (!profile || !config) return;
    const field = frontMatterField(ctx.doc, str(config, 'front_matter_key') ?? 'subject');
    const subject = field ? fieldText(field.value)?.trim() : undefined;
    if (!field || !subject) return;
    const problems: string[] = [];
    for (const f of strs(config, 'forbid')) {
      const word = f.trim();
      if (word.endsWith(':')) {
        if (subject.toLowerCase().startsWith(word.toLowerCase())) problems.push(`it starts with '${word}', which presents it as a reply or forward it is not`);
      } else if (new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(word)}(?![\\p{L}\\p{N}])`, 'iu').test(subject)) {
        problems.push(`it contains '${word}'`);
      }
    }
    const max = num(config, 'max_chars');
    const length = charCount(subject);
    if (max !== undefined && length > max) problems.push(`it is ${length} characters long, over the limit of ${max}`);
    if (problems.length === 0) return;
    const severity = severityOf(config);
    ctx.reportAt({
      start: field.start,
      end: field.end,
      message: `Rework the subject line: ${problems.join('; ')}. These are the subject-line rules of ${fromProfile(profile.channel, 'subject_line')}.`,
      source: channelSource(profile.channel, 'subject_line'),
      ...(severity ? { severity } : {}),
    });
  },
};
