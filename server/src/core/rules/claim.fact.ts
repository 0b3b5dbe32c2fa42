import type { Rule } from '../rule';
import { reportUses } from '../claims/report-uses';
import { approvedStatement, provenance } from '../claims/describe';
import { q } from '../match/explain';

/** Facts are exact: a founding year, a funding round or a price stated with another value. */
export const rule: Rule = {
  id: 'claim.fact',
  description: 'A date or money fact (founding year, funding round, price) stated with a different value.',
  severity: 'error',
  check(ctx) {
    reportUses(ctx, 'fact', {
      numberOnly: true,
      message: (use, written) => `${q(written)} does not match the brand file: ${approvedStatement(use.claim)}${provenance(use.claim)}.`,
    });
  },
};
