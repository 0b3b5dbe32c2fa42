import type { Rule } from '../rule';
import { documentFigures } from '../claims/uses';
import { approvedStatement, claimSource, correctedFigure, provenance } from '../claims/describe';
import { q } from '../match/explain';

/** A figure below the approved one: true, but out of date or inconsistent with the rest of the brand's copy. */
export const rule: Rule = {
  id: 'claim.understated',
  description: 'A figure lower than the approved claim: usually an out-of-date number.',
  severity: 'warning',
  check(ctx) {
    for (const use of documentFigures(ctx).uses) {
      if (use.relation !== 'understated' || use.approvedWording) continue;
      const text = ctx.blocks[use.block].block.text;
      const written = text.slice(use.figure.start, use.figure.end);
      const fix = correctedFigure(use, ctx.isSentenceStart(use.block, use.figure.start));
      ctx.report({
        block: use.block,
        start: use.figure.start,
        end: use.figure.end,
        message: `${q(written)} is lower than the current approved figure: ${approvedStatement(use.claim)}${provenance(use.claim)}.`,
        fix: fix && { title: `Use the approved figure: ${q(fix.text)}`, ...fix },
        severity: use.claim.severity,
        source: claimSource(use.claim),
        entryId: use.claim.id,
      });
    }
  },
};
