import type { Rule } from '../rule';
import { documentFigures } from '../claims/uses';
import { approvedStatement, claimSource, provenance } from '../claims/describe';
import { q } from '../match/explain';

/** A capped claim ("up to 60%") stated without its cap, which turns the best case into the typical one. */
export const rule: Rule = {
  id: 'claim.qualifier',
  description: 'An approved claim stated without its required qualifier, such as a dropped "up to".',
  severity: 'warning',
  check(ctx) {
    for (const use of documentFigures(ctx).uses) {
      if (use.relation !== 'qualifier' || use.approvedWording) continue;
      const text = ctx.blocks[use.block].block.text;
      const written = text.slice(use.figure.start, use.figure.end);
      const atStart = ctx.isSentenceStart(use.block, use.figure.start);
      const capped = `${atStart ? 'Up to' : 'up to'} ${text.slice(use.figure.numberStart, use.figure.end)}`;
      ctx.report({
        block: use.block,
        start: use.figure.start,
        end: use.figure.end,
        message: `${q(written)} drops the approved 'up to': the brand file approves only ${approvedStatement(use.claim)}${provenance(use.claim)}.`,
        fix: { title: `Write ${q(capped)}`, text: capped, start: use.figure.start, end: use.figure.end },
        severity: use.claim.severity,
        source: claimSource(use.claim),
        entryId: use.claim.id,
      });
    }
  },
};
