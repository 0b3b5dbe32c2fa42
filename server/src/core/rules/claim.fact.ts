import type { Rule } from '../rule';
import { documentFigures } from '../claims/uses';
import { approvedStatement, claimSource, correctedFigure, provenance } from '../claims/describe';
import { q } from '../match/explain';

/** Facts are exact: a founding year, a funding round or a price stated with another value. */
export const rule: Rule = {
  id: 'claim.fact',
  description: 'A date or money fact (founding year, funding round, price) stated with a different value.',
  severity: 'error',
  check(ctx) {
    for (const use of documentFigures(ctx).uses) {
      if (use.relation !== 'fact' || use.approvedWording) continue;
      const text = ctx.blocks[use.block].block.text;
      const written = text.slice(use.figure.numberStart, use.figure.numberEnd);
      const fix = correctedFigure(use, ctx.isSentenceStart(use.block, use.figure.start));
      ctx.report({
        block: use.block,
        start: use.figure.numberStart,
        end: use.figure.numberEnd,
        message: `${q(written)} does not match the brand file: ${approvedStatement(use.claim)}${provenance(use.claim)}.`,
        fix: fix && { title: `Use ${q(fix.text)}`, ...fix },
        severity: use.claim.severity,
        source: claimSource(use.claim),
        entryId: use.claim.id,
      });
    }
  },
};
