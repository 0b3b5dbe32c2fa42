import type { Rule } from '../rule';
import type { Claim } from '../brand/model';
import { documentFigures } from '../claims/uses';
import { approvedStatement, claimSource, provenance } from '../claims/describe';
import { q } from '../match/explain';
import { normalizeApproved } from '../text/normalize';
import { normalizedSpan } from '../context';
import { type DerivedCache, derived } from '../derived';

/**
 * Whether one required-context item ("per user", "per month|/month|a month") is in the sentence. "per X"
 * is also satisfied by "/X", "a X", "an X" and "each X", as writers abbreviate it.
 */
export function hasContext(sentence: string, item: string): boolean {
  return contextTest(item)(sentence);
}

/** The test for one required-context item: its forms' patterns, built once. */
function contextTest(item: string): (sentence: string) => boolean {
  const forms = item.split('|').flatMap((alternative) => {
    const a = normalizeApproved(alternative);
    const forms = [a];
    const per = /^per\s+(.+)$/.exec(a);
    if (per) forms.push(`/${per[1]}`, `/ ${per[1]}`, `a ${per[1]}`, `an ${per[1]}`, `each ${per[1]}`);
    // Neither global nor sticky: test keeps no state in a shared pattern.
    return forms.map((f) => ({ f, pattern: new RegExp(`(?:^|[^\\p{L}\\p{N}])${escape(f)}(?![\\p{L}\\p{N}])`, 'u'), slash: f.startsWith('/') }));
  });
  return (sentence) => forms.some(({ f, pattern, slash }) => pattern.test(sentence) || (slash && sentence.includes(f)));
}

/**
 * A claim's required-context tests, built once per claim (a brand file's claims live as long as the
 * brand): built per use, with a fresh parse per check of the 5 KB press release, this rule cost up to three
 * times what it costs with the patterns held (side by side in one process).
 */
const contextTests: DerivedCache<Claim, Array<(sentence: string) => boolean>> = new WeakMap();

function testsFor(claim: Claim): Array<(sentence: string) => boolean> {
  return derived(contextTests, claim, [claim.requiredContext], () => claim.requiredContext.map(contextTest));
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** An approved claim used without the context that must go with it ("per user per month, billed annually"). */
export const rule: Rule = {
  id: 'claim.context',
  description: 'An approved claim used without its required context, such as the plan or billing terms of a price.',
  severity: 'warning',
  check(ctx) {
    for (const use of documentFigures(ctx).uses) {
      if (use.approvedWording || use.claim.requiredContext.length === 0) continue;
      const text = ctx.blocks[use.block].block.text;
      const sentence = normalizedSpan(ctx, use.block, use.sentence.start, use.sentence.end);
      const tests = testsFor(use.claim);
      const missing = use.claim.requiredContext.filter((_, i) => !tests[i](sentence));
      if (missing.length === 0) continue;
      const list = missing.map((m) => q(m.split('|')[0])).join(' and ');
      ctx.report({
        block: use.block,
        start: use.figure.start,
        end: use.figure.end,
        message: `${q(text.slice(use.figure.start, use.figure.end))} needs its context in the same sentence: add ${list}. The brand file approves ${approvedStatement(use.claim)} only with ${use.claim.requiredContext.map((c) => q(c.split('|')[0])).join(', ')}${provenance(use.claim)}.`,
        severity: use.claim.severity,
        source: claimSource(use.claim),
        entryId: use.claim.id,
      });
    }
  },
};
