import type { Rule } from '../rule';
import { documentFigures } from '../claims/uses';
import { approvedStatement, claimSource, correctedFigure, provenance } from '../claims/describe';
import { q } from '../match/explain';

/** Copy that claims more than the brand file substantiates: a higher figure, or a higher cap. */
export const rule: Rule = {
  id: 'claim.overstated',
  description: 'A figure that claims more than the approved claim: a higher number or cap than the brand file substantiates.',
  severity: 'error',
  check(ctx) {
    for (const use of documentFigures(ctx).uses) {
      if (use.relation !== 'overstated' || use.approvedWording) continue;
      const text = ctx.blocks[use.block].block.text;
      const written = text.slice(use.figure.start, use.figure.end);
      const fix = correctedFigure(use, ctx.isSentenceStart(use.block, use.figure.start));
      ctx.report({
        block: use.block,
        start: use.figure.start,
        end: use.figure.end,
        message: `${q(written)} claims more than the brand file approves: ${approvedStatement(use.claim)}${provenance(use.claim)}.`,
        fix: fix && { title: `Use the approved figure: ${q(fix.text)}`, ...fix },
        severity: use.claim.severity,
        source: claimSource(use.claim),
        entryId: use.claim.id,
      });
    }
  },
};
