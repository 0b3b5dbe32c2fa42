/**
 * The one way claim rules report a use whose figure disagrees with its claim: on the figure, with the
 * approved figure as the fix, the claim's severity and its brand-file source.
 */
import type { RuleContext } from '../context';
import type { ClaimUse, Relation } from './uses';
import { documentFigures } from './uses';
import { claimSource, correctedFigure } from './describe';
import { q } from '../match/explain';

export interface UseReport {
  /** The message for one use; `written` is the figure as the copy wrote it. */
  message(use: ClaimUse, written: string): string;
  /** Report on the number alone ("2015"), not on qualifier and number ("More than 5,000"). */
  numberOnly?: boolean;
}

export function reportUses(ctx: RuleContext, relation: Relation, how: UseReport): void {
  for (const use of documentFigures(ctx).uses) {
    if (use.relation !== relation || use.approvedWording) continue;
    const { figure } = use;
    const start = how.numberOnly ? figure.numberStart : figure.start;
    const end = how.numberOnly ? figure.numberEnd : figure.end;
    const written = ctx.blocks[use.block].block.text.slice(start, end);
    const fix = correctedFigure(use, ctx.isSentenceStart(use.block, figure.start));
    ctx.report({
      block: use.block,
      start,
      end,
      message: how.message(use, written),
      fix: fix && { title: `Use the approved figure: ${q(fix.text)}`, ...fix },
      severity: use.claim.severity,
      source: claimSource(use.claim),
      entryId: use.claim.id,
    });
  }
}
