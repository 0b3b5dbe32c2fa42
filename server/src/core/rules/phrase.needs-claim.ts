import type { Rule } from '../rule';
import type { Claim } from '../brand/model';
import type { RuleContext } from '../context';
import { brandSource, normalizedSpan } from '../context';
import { phraseHits, type PhraseHit } from '../match/phrases';
import { because, q } from '../match/explain';
import { normalizeApproved, trailingLetters } from '../text/normalize';
import { isAboutUs } from '../match/about';

/** Articles and possessives that make "-ing" rank words adjectives: "the leading platform", not "who are leading teams". */
const DETERMINERS = new Set(['the', 'a', 'an', 'our', 'its', 'their', 'his', 'her', 'your']);

/** One word ending in "-ing". Hoisted: the bundle the benchmark measures compiles a \p literal inside a function anew on every call. */
const ING_WORD = /^\p{L}+ing$/iu;

/** Rank and superlative words ("leading", "No. 1") about us, allowed only with a matching approved claim. */
export const rule: Rule = {
  id: 'phrase.needs-claim',
  description: 'A ranking or superlative about the company or its products with no approved claim to back it.',
  severity: 'warning',
  check(ctx) {
    for (const hit of phraseHits(ctx, 'needs-claim')) {
      const p = hit.phrase;
      const sentence = ctx.sentenceAt(hit.block, hit.start);
      if (!isAdjective(ctx, hit) || !isAboutUs(ctx, hit.block, sentence, hit, p.appliesTo)) continue;
      const text = normalizedSpan(ctx, hit.block, sentence.start, sentence.end);
      const claims = p.satisfiedBy.map((id) => ctx.brand.claims.find((c) => c.id === id && c.status === 'current')).filter((c): c is Claim => !!c);
      if (claims.some((c) => satisfies(c, text))) continue;
      const wording = claims.flatMap((c) => c.approvedWordings)[0];
      const hint = wording ? ` Use the approved wording: "${wording}".` : claims.length > 0 ? ` Name the source: ${claims.map((c) => c.requiredAttribution ?? c.id).join('; ')}.` : ' Back it with an approved claim, or remove it.';
      ctx.report({
        block: hit.block,
        start: hit.start,
        end: hit.end,
        message: `${q(hit.surface)} is a claim that needs evidence: ${because(p, 'rankings and superlatives must be substantiated')}${hint}`,
        severity: p.severity,
        source: brandSource('phrases', p),
        entryId: p.id,
      });
    }
  },
};

/** A one-word pattern ending in "-ing" is a rank word only as an adjective, after an article or possessive. */
function isAdjective(ctx: RuleContext, hit: PhraseHit): boolean {
  if (!endsInIng(hit.surface) || !ING_WORD.test(hit.surface)) return true;
  // The word right before it: 100 characters back are plenty, and a hit must not cost the block (issue 7).
  const before = ctx.blocks[hit.block].block.text.slice(Math.max(0, hit.start - 100), hit.start).trimEnd();
  const word = trailingLetters(before)?.toLowerCase();
  return word !== undefined && DETERMINERS.has(word);
}

/**
 * Whether `s` can match `/^\p{L}+ing$/iu`: it ends in "ing" in some case (under /iu each of the three
 * letters matches only itself and its ASCII capital) after at least one more unit. Most rank words
 * ("No. 1", "#1") stop here, before the case-insensitive Unicode pattern, which costs a few µs cold.
 */
export function endsInIng(s: string): boolean {
  const n = s.length;
  return n >= 4 && (s.charCodeAt(n - 1) | 0x20) === 0x67 && (s.charCodeAt(n - 2) | 0x20) === 0x6e && (s.charCodeAt(n - 3) | 0x20) === 0x69;
}

function satisfies(claim: Claim, sentence: string): boolean {
  const evidence = [...claim.approvedWordings, ...(claim.requiredAttribution ? [claim.requiredAttribution] : [])];
  return evidence.some((e) => sentence.includes(normalizeApproved(e)));
}
