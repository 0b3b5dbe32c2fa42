import type { Rule } from '../rule';
import { reportUses } from '../claims/report-uses';
import { approvedStatement, provenance } from '../claims/describe';
import { q } from '../match/explain';

/** A figure below the approved one: true, but out of date or inconsistent with the rest of the brand's copy. */
export const rule: Rule = {
  id: 'claim.understated',
  description: 'A figure lower than the approved claim: usually an out-of-date number.',
  severity: 'warning',
  check(ctx) {
    reportUses(ctx, 'understated', {
      message: (use, written) => `${q(written)} is lower than the current approved figure: ${approvedStatement(use.claim)}${provenance(use.claim)}.`,
    });
  },
};
