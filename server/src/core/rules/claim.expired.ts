import type { Rule } from '../rule';
import { documentFigures } from '../claims/uses';
import { approvedStatement, claimSource } from '../claims/describe';
import { q } from '../match/explain';
import { normalizeText } from '../text/normalize';
import { OPAQUE } from '../text/tokenize';

const DAY = 24 * 60 * 60 * 1000;
/** How long before expiry a claim starts to warn. */
const WARN_DAYS = 30;

/** Whole days from `from` (a Date.parse result, parsed once per check) to the date `to`. */
function days(from: number, to: string): number {
  return Math.round((Date.parse(to) - from) / DAY);
}

/**
 * A claim used past its `valid_until` (error) or within 30 days of it (warning), judged at the document's
 * front-matter `date` — a release from last year is judged as of last year — else today.
 */
export const rule: Rule = {
  id: 'claim.expired',
  description: 'An approved claim used after its valid_until date (or within 30 days of it).',
  severity: 'error',
  check(ctx) {
    const from = Date.parse(ctx.date);
    for (const use of documentFigures(ctx).uses) {
      const until = use.claim.validUntil;
      if (!until || Number.isNaN(Date.parse(until))) continue;
      const left = days(from, until);
      if (left > WARN_DAYS || inBoilerplateUsing(ctx, use.block, use.claim.id)) continue;
      const owner = use.claim.owner ? `ask ${use.claim.owner} for the current figure` : 'ask the claim owner for the current figure';
      const text = ctx.blocks[use.block].block.text;
      const written = q(text.slice(use.figure.start, use.figure.end));
      const message =
        left < 0
          ? `${written} uses a claim that expired on ${until} (${approvedStatement(use.claim)}): ${owner}${use.claim.source ? ` (source: ${use.claim.source})` : ''}.`
          : `${written} uses a claim that expires on ${until}, in ${left} ${left === 1 ? 'day' : 'days'} (${approvedStatement(use.claim)}): ${owner} before this runs.`;
      ctx.report({
        block: use.block,
        start: use.figure.start,
        end: use.figure.end,
        message,
        severity: left < 0 ? use.claim.severity ?? 'error' : 'warning',
        source: claimSource(use.claim),
        entryId: use.claim.id,
      });
    }
  },
};

/**
 * The approved boilerplate carrying this claim speaks for itself: boilerplate.expired reports it once.
 * The block's normalized text is computed once per block and only when some boilerplate carries the claim:
 * per use, it made a long paragraph full of figures quadratic (issue 7).
 */
function inBoilerplateUsing(ctx: Parameters<Rule['check']>[0], block: number, claimId: string): boolean {
  const carriers = ctx.brand.boilerplate.filter((b) => b.usesClaims.includes(claimId));
  if (carriers.length === 0) return false;
  const text = ctx.memo(`claim.expired:block:${block}`, () => normalizeText(ctx.blocks[block].block.text.split(OPAQUE).join('')));
  return carriers.some((b) => normalizeText(b.text).includes(text));
}
