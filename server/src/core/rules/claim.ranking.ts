import type { Rule } from '../rule';
import type { Claim } from '../brand/model';
import { claimSource } from '../claims/describe';
import { isAboutUs } from '../match/about';
import { q } from '../match/explain';
import { normalizeApproved } from '../text/normalize';
import { normalizedSpan } from '../context';

/** Ways of saying first place. */
const RANK = /(?<![\p{L}\p{N}])(?:#\s?1|no\.\s?1|number one|top-ranked|first-ranked|ranked first)(?![\p{L}\p{N}])/giu;
/** What every RANK match holds, with the same flags: a block without it is not searched (most blocks). */
const RANK_HINT = /#|no\.|number one|ranked/iu;

/**
 * A ranking ("No. 1", "#1") about us without the attribution its approved claim requires: "#1 in which
 * field? Who rated you #1?" The approved wording names the survey, so the reader can check it.
 */
export const rule: Rule = {
  id: 'claim.ranking',
  description: 'A ranking about the company or its products without the attribution its approved claim requires.',
  severity: 'warning',
  check(ctx) {
    const rankings = ctx.brand.claims.filter((c) => c.kind === 'ranking' && c.status === 'current');
    if (rankings.length === 0) return;
    ctx.blocks.forEach((b, block) => {
      if (!RANK_HINT.test(b.block.text)) return;
      RANK.lastIndex = 0;
      for (let m = RANK.exec(b.block.text); m; m = RANK.exec(b.block.text)) {
        const at = { start: m.index, end: m.index + m[0].length };
        if (exempt(ctx, block, at)) continue;
        const sentence = ctx.sentenceAt(block, at.start);
        if (!isAboutUs(ctx, block, sentence, at, ['company', 'names'])) continue;
        const text = normalizedSpan(ctx, block, sentence.start, sentence.end);
        if (rankings.some((c) => attributed(c, text))) continue;
        const claim = rankings[0];
        const wording = claim.approvedWordings[0];
        ctx.report({
          block,
          start: at.start,
          end: at.end,
          message: `${q(m[0])} is a ranking: say what was ranked and who ranked it, as the approved claim does${claim.requiredAttribution ? ` (${claim.requiredAttribution})` : ''}.${wording ? ` Use the approved wording: "${wording}".` : ''}`,
          severity: claim.severity,
          source: claimSource(claim),
          entryId: claim.id,
        });
      }
    });
  },
};

/** "Security is our No. 1 priority": a brand-file exception covering the words. */
function exempt(ctx: Parameters<Rule['check']>[0], block: number, at: { start: number; end: number }): boolean {
  return ctx.mentions.some((m) => m.block === block && m.start <= at.start && m.end >= at.end && m.roles.some((r) => r.kind === 'exception'));
}

function attributed(claim: Claim, sentence: string): boolean {
  const evidence = [...(claim.requiredAttribution ? [claim.requiredAttribution] : []), ...claim.approvedWordings];
  return evidence.some((e) => sentence.includes(normalizeApproved(e)));
}
