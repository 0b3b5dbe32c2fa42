import type { Rule } from '../rule';
import { brandSource } from '../context';
import { phraseHits } from '../match/phrases';
import { because, q } from '../match/explain';
import { replacementFix, suggestions } from '../match/replace';

/** Absolutes and legal-risk words that need Legal's sign-off for each use. */
export const rule: Rule = {
  id: 'phrase.risky',
  description: 'A risky absolute or legal-risk word that needs approval for each use.',
  severity: 'warning',
  check(ctx) {
    for (const hit of phraseHits(ctx, 'risky')) {
      const p = hit.phrase;
      ctx.report({
        block: hit.block,
        start: hit.start,
        end: hit.end,
        message: `Check ${q(hit.surface)} before it runs: ${because(p, 'the brand file marks it as a legal risk')}${suggestions(p.replaceWith)}`,
        severity: p.severity,
        fix: replacementFix(ctx, hit, p.replaceWith),
        source: brandSource('phrases', p),
        entryId: p.id,
      });
    }
  },
};
