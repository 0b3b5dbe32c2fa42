import type { Rule } from '../rule';
import { channelSource, fromProfile, orList, profileOf, requiredElement, strs } from '../channels/profile';
import { appendBlock, bodySource, lastLine, walk } from '../channels/structure';
import { plainText } from '../channels/text';
import { literalAutolinks } from '../markdown/autolinks';

/**
 * With a `required_elements` entry `unsubscribe`, the body (front matter and HTML comments left out) holds
 * one of its `accepts` (a merge tag such as "{{unsubscribe_url}}", or text), or a link whose text or URL
 * says "unsubscribe", bare URLs included ("https://example.com/unsubscribe"). The fix appends an
 * "Unsubscribe" link when the first accepted form is a merge tag.
 */
const MERGE_TAG = /^(?:\{\{.*\}\}|\*\|.*\|\*|%%.*%%)$/;

export const rule: Rule = {
  id: 'newsletter.unsubscribe',
  description: 'A newsletter with no unsubscribe link or merge tag.',
  severity: 'error',
  check(ctx) {
    const profile = profileOf(ctx);
    const element = profile && requiredElement(profile.raw, 'unsubscribe');
    if (!profile || !element) return;
    const accepts = strs(element, 'accepts');
    const body = bodySource(ctx.doc).toLowerCase();
    if (accepts.some((a) => body.includes(a.toLowerCase()))) return;
    for (const node of walk(ctx.doc.tree)) {
      if (node.type === 'link' && /unsubscribe/i.test(`${node.url} ${plainText(node, ctx.doc.source)}`)) return;
      if (node.type === 'definition' && /unsubscribe/i.test(node.url)) return;
      if (node.type === 'text' && literalAutolinks(node.value).some(([start, end]) => /unsubscribe/i.test(node.value.slice(start, end)))) return;
      if (node.type === 'html' && /<a\b[^>]*unsubscribe|unsubscribe[^<]*<\/a>/i.test(node.value.replace(/<!--[\s\S]*?-->/g, ''))) return;
    }
    const what = accepts.length > 0 ? `an unsubscribe link or ${orList(accepts)}` : 'an unsubscribe link';
    const tag = accepts.find((a) => MERGE_TAG.test(a.trim()));
    ctx.reportAt({
      ...lastLine(ctx.doc),
      message: `The newsletter gives readers no way to unsubscribe: ${fromProfile(profile.channel, 'required_elements')} requires ${what} (CAN-SPAM and PECR require a clear opt-out).`,
      source: channelSource(profile.channel, 'required_elements'),
      ...(tag ? { fix: { title: 'Add an unsubscribe link', ...appendBlock(ctx.doc.source, `[Unsubscribe](${tag.trim()})`) } } : {}),
    });
  },
};
