import type { Rule } from '../rule';
import { channelSource, fromProfile, num, profileOf, severityOf, sub } from '../channels/profile';
import { bodyNodes } from '../channels/structure';
import { charCount, codePointIndex, toSource, visibleText } from '../channels/text';

/**
 * The post is the document's visible body text (front matter and HTML comments left out, Markdown
 * syntax removed, blocks separated by a blank line; see channels/text.ts), counted in code points against
 * `fields.post.max_chars`. The finding covers the text past the limit, which the network would cut or reject.
 */
export const rule: Rule = {
  id: 'social.length',
  description: 'A social post longer than the channel allows.',
  severity: 'error',
  check(ctx) {
    const profile = profileOf(ctx);
    const post = sub(sub(profile?.raw, 'fields'), 'post');
    const max = num(post, 'max_chars');
    if (!profile || !post || max === undefined) return;
    const visible = visibleText(bodyNodes(ctx.doc), ctx.doc.source);
    const text = visible.text.trimEnd();
    const length = charCount(text);
    if (length <= max) return;
    const severity = severityOf(post);
    let cut = codePointIndex(text, max);
    while (cut < text.length && /\s/.test(text[cut])) cut++;
    ctx.reportAt({
      start: toSource(visible, cut),
      end: toSource(visible, text.length, true),
      message: `The post is ${length} characters long: ${fromProfile(profile.channel, 'fields', 'post')} allows at most ${max}. Cut ${length - max} ${length - max === 1 ? 'character' : 'characters'}; the finding covers the text past the limit.`,
      source: channelSource(profile.channel, 'fields', 'post'),
      ...(severity ? { severity } : {}),
    });
  },
};
