import type { Rule } from '../rule';
import { reportUses } from '../claims/report-uses';
import { approvedStatement, provenance } from '../claims/describe';
import { q } from '../match/explain';

/** Copy that claims more than the brand file substantiates: a higher figure, or a higher cap. */
export const rule: Rule = {
  id: 'claim.overstated',
  description: 'A figure that claims more than the approved claim: a higher number or cap than the brand file substantiates.',
  severity: 'error',
  check(ctx) {
    reportUses(ctx, 'overstated', {
      message: (use, written) => `${q(written)} claims more than the brand file approves: ${approvedStatement(use.claim)}${provenance(use.claim)}.`,
    });
  },
};
