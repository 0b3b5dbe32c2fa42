import type { Rule } from '../rule';
import { documentFigures } from '../claims/uses';
import { approvedStatement, claimSource, provenance } from '../claims/describe';
import { q } from '../match/explain';
import { normalizeApproved } from '../text/normalize';
import { normalizedSpan } from '../context';

/**
 * Whether one required-context item ("per user", "per month|/month|a month") is in the sentence. "per X"
 * is also satisfied by "/X", "a X", "an X" and "each X", as writers abbreviate it.
 */
export function hasContext(sentence: string, item: string): boolean {
  return item.split('|').some((alternative) => {
    const a = normalizeApproved(alternative);
    const forms = [a];
    const per = /^per\s+(.+)$/.exec(a);
    if (per) forms.push(`/${per[1]}`, `/ ${per[1]}`, `a ${per[1]}`, `an ${per[1]}`, `each ${per[1]}`);
    return forms.some((f) => new RegExp(`(?:^|[^\\p{L}\\p{N}])${escape(f)}(?![\\p{L}\\p{N}])`, 'u').test(sentence) || (f.startsWith('/') && sentence.includes(f)));
  });
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
      const missing = use.claim.requiredContext.filter((item) => !hasContext(sentence, item));
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
