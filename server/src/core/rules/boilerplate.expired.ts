import type { Rule } from '../rule';
import { brandSource } from '../context';
import { q } from '../match/explain';
import { boilerplateUses, isPresent } from '../messages/boilerplate';

/**
 * A boilerplate in the document that relies on an expired claim (`uses_claims` with `valid_until` before
 * the document's date) or is itself past its `valid_until`. The text may match the brand file exactly:
 * the approved boilerplate is what is out of date, so the message names the claim and who owns it.
 */
export const rule: Rule = {
  id: 'boilerplate.expired',
  description: 'A boilerplate that uses a claim past its `valid_until` date.',
  severity: 'error',
  check(ctx) {
    for (const use of boilerplateUses(ctx)) {
      if (!isPresent(use)) continue;
      const entry = use.entry;
      const reasons: string[] = [];
      const owners = new Set<string>();
      for (const id of entry.usesClaims) {
        const claim = ctx.brand.claims.find((c) => c.id === id);
        if (!claim?.validUntil || claim.validUntil >= ctx.date) continue;
        const wording = claim.approvedWordings[0] ? ` (${q(claim.approvedWordings[0])})` : '';
        reasons.push(`it states the claim ${q(claim.id)}${wording}, which expired on ${claim.validUntil}`);
        if (claim.owner) owners.add(claim.owner);
      }
      if (entry.validUntil && entry.validUntil < ctx.date) reasons.push(`it was approved only until ${entry.validUntil}`);
      if (reasons.length === 0) continue;
      const at = use.paragraphs[0];
      const block = at ? at.block : (use.heading as number);
      const start = at ? at.start : 0;
      const end = at ? at.end : ctx.blocks[block].block.text.length;
      if (entry.owner) owners.add(entry.owner);
      const ask = owners.size > 0 ? `Ask ${[...owners].join(' and ')} for an updated figure` : 'Ask the claim owner for an updated figure';
      ctx.report({
        block,
        start,
        end,
        message: `The ${q(entry.heading)} boilerplate (boilerplate › ${entry.id}) is out of date on ${ctx.date}: ${reasons.join('; ')}. ${ask} and a new boilerplate version in the brand file.`,
        severity: entry.severity,
        source: brandSource('boilerplate', entry),
        entryId: entry.id,
      });
    }
  },
};
