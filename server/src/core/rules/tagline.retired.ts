import type { Rule } from '../rule';
import { brandSource } from '../context';
import { q } from '../match/explain';
import { nearMatches } from '../messages/near';
import { replacementText } from '../messages/phrases';

/** Says that a tagline is quoted as history ("our old tagline, 'Monitoring made magical'"), not used. */
const HISTORY = /\b(?:former|formerly|old|older|previous|original|earlier|retired|first)\s+(?:tagline|slogan|motto)s?\b|\b(?:tagline|slogan|motto)\s+(?:was|were|used to)\b/i;

/**
 * A retired tagline, word for word or nearly. The fix is the current tagline when the brand file has
 * exactly one; with several, the writer chooses.
 */
export const rule: Rule = {
  id: 'tagline.retired',
  description: 'A retired tagline, word for word or nearly, used as if it were current.',
  severity: 'error',
  check(ctx) {
    const current = ctx.brand.taglines.filter((t) => t.status === 'current');
    for (const m of nearMatches(ctx)) {
      const tagline = m.phrase.tagline;
      if (m.phrase.kind !== 'retired' || !tagline) continue;
      const sentence = ctx.sentenceAt(m.block, m.start);
      const text = ctx.blocks[m.block].block.text;
      if (HISTORY.test(text.slice(sentence.start, sentence.end))) continue;
      const written = text.slice(m.start, m.end);
      const what = m.exact ? `${q(written)} is a retired tagline` : `${q(written)} echoes the retired tagline ${q(tagline.text)}`;
      const when = tagline.retiredOn ? ` (retired on ${tagline.retiredOn}; messages › taglines › ${tagline.id})` : ` (messages › taglines › ${tagline.id})`;
      const instead =
        current.length === 1
          ? ` Use the current tagline instead: ${q(current[0].text)}`
          : current.length > 1
            ? ` Use one of the current taglines instead: ${current.map((t) => q(t.text)).join(', ')}`
            : ' Remove it.';
      const replacement = current.length === 1 ? replacementText(ctx, m, current[0].text) : undefined;
      ctx.report({
        block: m.block,
        start: m.start,
        end: m.end,
        message: `${what}${when}.${instead}`,
        severity: tagline.severity,
        fix: replacement === undefined || m.trailing ? undefined : { title: `Replace with ${q(replacement)}`, text: replacement },
        source: brandSource('messages › taglines', tagline),
        entryId: tagline.id,
        deprecated: true,
      });
    }
  },
};
