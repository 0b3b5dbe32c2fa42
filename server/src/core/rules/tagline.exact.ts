import type { Rule } from '../rule';
import { brandSource } from '../context';
import { q } from '../match/explain';
import { nearMatches } from '../messages/near';
import { replacementText } from '../messages/phrases';

/**
 * A near miss of a current tagline or one of its short forms (messages/near.ts): the tagline is used word
 * for word, with its capitals and punctuation. White space, curly or straight quotes, "(R)" for "®" and a
 * missing closing full stop are not differences. A tagline's `channels` are not considered here. The fix
 * replaces the near miss with the tagline, unless the copy's sentence goes on after it.
 */
export const rule: Rule = {
  id: 'tagline.exact',
  description: 'A near match of a current tagline (or its short form) that is not word for word.',
  severity: 'warning',
  check(ctx) {
    for (const m of nearMatches(ctx)) {
      const tagline = m.phrase.tagline;
      if (m.exact || !tagline || (m.phrase.kind !== 'tagline' && m.phrase.kind !== 'short-form')) continue;
      const written = ctx.blocks[m.block].block.text.slice(m.start, m.end);
      const which =
        m.phrase.kind === 'short-form'
          ? `the approved short form ${q(m.phrase.text)} of the tagline ${q(tagline.text)}`
          : `the tagline ${q(tagline.text)}`;
      const replacement = replacementText(ctx, m, m.phrase.text);
      ctx.report({
        block: m.block,
        start: m.start,
        end: m.end,
        message: `${q(written)} is close to ${which}, but not the same. Use the tagline word for word, with its capitals and punctuation (messages › taglines › ${tagline.id}).`,
        severity: tagline.severity,
        fix: m.trailing ? undefined : { title: `Replace with ${q(replacement)}`, text: replacement },
        source: brandSource('messages › taglines', tagline),
        entryId: tagline.id,
      });
    }
  },
};
