import type { Rule } from '../rule';
import { brandSource } from '../context';
import { q } from '../match/explain';
import { nearMatches } from '../messages/near';
import { replacementText } from '../messages/phrases';

/**
 * A near restatement of a key message whose pillar says `paraphrase: exact` (regulated wording): it must be
 * the approved text. Pillars that allow paraphrase are never checked here.
 */
export const rule: Rule = {
  id: 'message.exact',
  description: 'A near restatement of a key message that the brand file says must be quoted exactly.',
  severity: 'warning',
  check(ctx) {
    for (const m of nearMatches(ctx)) {
      const pillar = m.phrase.pillar;
      if (m.exact || m.phrase.kind !== 'message' || !pillar) continue;
      const written = ctx.blocks[m.block].block.text.slice(m.start, m.end);
      const replacement = replacementText(ctx, m, pillar.keyMessage);
      ctx.report({
        block: m.block,
        start: m.start,
        end: m.end,
        message: `${q(written)} restates the key message of '${pillar.title}', which must be used exactly: ${q(pillar.keyMessage)} (messages › pillars › ${pillar.id}, paraphrase: exact).`,
        severity: pillar.severity,
        fix: m.trailing ? undefined : { title: 'Replace with the approved wording', text: replacement },
        source: brandSource('messages › pillars', pillar),
        entryId: pillar.id,
      });
    }
  },
};
