import type { Rule } from '../rule';
import { brandSource } from '../context';
import { phraseHits } from '../match/phrases';
import { because, q } from '../match/explain';
import { replacementFix, suggestions } from '../match/replace';

/** Banned words and phrases (hype, puffery) from `phrases` entries of kind `banned`. */
export const rule: Rule = {
  id: 'phrase.banned',
  description: 'A banned word or phrase, such as unsubstantiated hype.',
  severity: 'warning',
  check(ctx) {
    for (const hit of phraseHits(ctx, 'banned')) {
      const p = hit.phrase;
      ctx.report({
        block: hit.block,
        start: hit.start,
        end: hit.end,
        message: `Avoid ${q(hit.surface)}: ${because(p, 'the brand file bans it')}${suggestions(p.replaceWith)}`,
        severity: p.severity,
        fix: replacementFix(ctx, hit, p.replaceWith),
        source: brandSource('phrases', p),
        entryId: p.id,
      });
    }
  },
};
