import type { Rule } from '../rule';
import { brandSource } from '../context';
import { fromProfile, profileOf, requiredElements, str } from '../channels/profile';
import { appendBlock, bodyNodes, lastLine } from '../channels/structure';
import { visibleText } from '../channels/text';
import { normalizeText } from '../text/normalize';

/**
 * Each `required_elements` entry `snippet` (the postal address of CAN-SPAM, or any required text) must be
 * present in the visible body, compared after normalising case, white space, quotes, dashes and ®/(R).
 * Presence is containment for both `match` modes: a footer may hold the snippet beside other text. The fix
 * appends the snippet as its own paragraph.
 */
export const rule: Rule = {
  id: 'newsletter.address',
  description: 'A newsletter missing a required snippet, such as the postal address in its footer.',
  severity: 'error',
  check(ctx) {
    const profile = profileOf(ctx);
    if (!profile) return;
    const elements = requiredElements(profile.raw, 'snippet');
    if (elements.length === 0) return;
    const visible = normalizeText(visibleText(bodyNodes(ctx.doc), ctx.doc.source).text);
    for (const element of elements) {
      const ref = str(element, 'ref');
      const snippet = ref ? ctx.brand.snippets.find((s) => s.id === ref) : undefined;
      if (!snippet || visible.includes(normalizeText(snippet.text))) continue;
      const text = snippet.text.replace(/\s+/g, ' ').trim();
      ctx.reportAt({
        ...lastLine(ctx.doc),
        message: `The newsletter is missing the approved text of snippet '${snippet.id}' ('${text}'): ${fromProfile(profile.channel, 'required_elements')} requires it.`,
        source: brandSource('snippets', snippet),
        entryId: snippet.id,
        fix: { title: `Add snippet '${snippet.id}'`, ...appendBlock(ctx.doc.source, text) },
      });
    }
  },
};
