import type { Rule } from '../rule';
import type { Claim, Snippet } from '../brand/model';
import type { RuleContext } from '../context';
import { documentFigures } from '../claims/uses';
import { approvedStatement, claimSource } from '../claims/describe';
import { normalizeText } from '../text/normalize';

/** The snippet a claim needs in this channel: `required_disclosure_in[channel]`, else `required_disclosure`
 * when the channel profile says `claims: {require_disclosures: true}`. */
function disclosureFor(ctx: RuleContext, claim: Claim): Snippet | undefined {
  const channel = ctx.channel;
  if (!channel) return undefined;
  const profile = ctx.brand.channels.find((c) => c.id === channel)?.raw as { claims?: { require_disclosures?: unknown } } | undefined;
  const id = claim.requiredDisclosureIn[channel] ?? (profile?.claims?.require_disclosures === true ? claim.requiredDisclosure : undefined);
  return id ? ctx.brand.snippets.find((s) => s.id === id) : undefined;
}

/**
 * A claim that this channel may only carry with its disclosure ("Based on a 2025 benchmark of 12
 * customers. Individual results vary.") when the disclosure is nowhere in the document (FTC: clear,
 * conspicuous, close to the claim).
 */
export const rule: Rule = {
  id: 'claim.disclosure',
  description: "A claim whose disclosure the channel requires, used in a document that does not carry it.",
  severity: 'error',
  check(ctx) {
    const reported = new Set<string>();
    // The document's normalized text only once a claim needs a disclosure (most documents: never; a profile
    // of the 5 KB press release showed it built on every check).
    let body: string | undefined;
    for (const use of documentFigures(ctx).uses) {
      if (reported.has(use.claim.id)) continue;
      const snippet = disclosureFor(ctx, use.claim);
      if (!snippet) continue;
      body ??= normalizeText(ctx.blocks.map((b) => b.block.text).join('\n'));
      if (body.includes(normalizeText(snippet.text))) continue;
      reported.add(use.claim.id);
      ctx.report({
        block: use.block,
        start: use.figure.start,
        end: use.figure.end,
        message: `${approvedStatement(use.claim)} needs its disclosure in ${ctx.channel} documents: add "${snippet.text}" (snippets › ${snippet.id}).`,
        severity: use.claim.severity,
        source: claimSource(use.claim),
        entryId: use.claim.id,
      });
    }
  },
};
