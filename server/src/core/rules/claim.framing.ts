import type { Rule } from '../rule';
import { documentFigures } from '../claims/uses';
import { approvedStatement, claimSource, provenance } from '../claims/describe';
import { q } from '../match/explain';
import type { Claim } from '../brand/model';
import { escapeRegExp } from '../context';
import { type DerivedCache, derived } from '../derived';

/** A framing the brand file forbids for a claim ("guaranteed" for an SLA): matched with simple inflections. */
function framingPattern(framing: string): RegExp {
  const words = framing.trim().split(/\s+/).map(escapeRegExp);
  const last = words.pop() ?? '';
  const stem = last.replace(/e$/, '');
  return new RegExp(`(?<![\\p{L}\\p{N}])${[...words, `${stem}(?:e|es|ed|s|ing|d)?`].join('\\s+')}(?![\\p{L}\\p{N}])`, 'iu');
}

/**
 * The patterns of a claim's forbidden framings, built once per claim (a brand file's claims live as long as
 * the brand): built per use, with a fresh parse per check of the 5 KB press release, this rule cost three
 * to five times what it costs with the patterns held (side by side in one process).
 */
const framingPatterns: DerivedCache<Claim, RegExp[]> = new WeakMap();

function patternsFor(claim: Claim): RegExp[] {
  return derived(framingPatterns, claim, [claim.forbiddenFramings], () => claim.forbiddenFramings.map(framingPattern));
}

/** An approved claim presented with a framing the brand file forbids, such as an SLA called a guarantee. */
export const rule: Rule = {
  id: 'claim.framing',
  description: 'An approved claim presented with a framing the brand file forbids (for example, an SLA called a guarantee).',
  severity: 'error',
  check(ctx) {
    const seen = new Set<string>();
    for (const use of documentFigures(ctx).uses) {
      const text = ctx.blocks[use.block].block.text;
      const sentence = text.slice(use.sentence.start, use.sentence.end);
      // Neither global nor sticky: exec keeps no state in a shared pattern.
      for (const pattern of patternsFor(use.claim)) {
        const m = pattern.exec(sentence);
        if (!m) continue;
        const start = use.sentence.start + m.index;
        const key = `${use.block}:${start}`;
        if (seen.has(key)) continue;
        seen.add(key);
        ctx.report({
          block: use.block,
          start,
          end: start + m[0].length,
          message: `Don't present ${approvedStatement(use.claim)} as ${q(m[0])}: the brand file forbids this framing${provenance(use.claim)}. ${insteadOf(use.claim)}`,
          severity: use.claim.severity,
          source: claimSource(use.claim),
          entryId: use.claim.id,
        });
      }
    }
  },
};

/** What to write instead: the approved wording, else the claim with its required context. */
function insteadOf(claim: Claim): string {
  if (claim.approvedWordings[0]) return `Write "${claim.approvedWordings[0]}".`;
  const context = claim.requiredContext.map((c) => q(c.split('|')[0]));
  return context.length ? `State it as ${approvedStatement(claim)}, with ${context.join(' and ')}.` : `State it as ${approvedStatement(claim)}.`;
}
