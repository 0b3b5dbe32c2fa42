import type { Rule } from '../rule';
import type { Claim, Phrase } from '../brand/model';
import type { RuleContext } from '../context';
import { brandSource } from '../context';
import { phraseHits } from '../match/phrases';
import { because, q } from '../match/explain';
import { normalizeText } from '../text/normalize';

/** First-person plural in a sentence speaks for the company: "We are the leading…". */
const COMPANY_VOICE = /\b(?:we|our|us|we're|we’re)\b/i;

/** Rank and superlative words ("leading", "No. 1") about us, allowed only with a matching approved claim. */
export const rule: Rule = {
  id: 'phrase.needs-claim',
  description: 'A ranking or superlative about the company or its products with no approved claim to back it.',
  severity: 'warning',
  check(ctx) {
    for (const hit of phraseHits(ctx, 'needs-claim')) {
      const p = hit.phrase;
      const sentence = ctx.sentenceAt(hit.block, hit.start);
      if (!aboutUs(ctx, p, hit.block, sentence)) continue;
      const text = normalizeText(ctx.blocks[hit.block].block.text.slice(sentence.start, sentence.end));
      const claims = p.satisfiedBy.map((id) => ctx.brand.claims.find((c) => c.id === id)).filter((c): c is Claim => !!c);
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

/** Whether the sentence is about the company or its products, as `applies_to` requires. */
function aboutUs(ctx: RuleContext, p: Phrase, block: number, s: { start: number; end: number }): boolean {
  if (p.appliesTo.length === 0 || p.appliesTo.includes('any')) return true;
  const inSentence = ctx.mentions.filter((m) => m.block === block && m.start >= s.start && m.end <= s.end);
  if (p.appliesTo.includes('company')) {
    if (inSentence.some((m) => m.roles.some((r) => r.kind === 'company'))) return true;
    if (COMPANY_VOICE.test(ctx.blocks[block].block.text.slice(s.start, s.end))) return true;
  }
  if (p.appliesTo.includes('names')) {
    if (inSentence.some((m) => m.roles.some((r) => r.kind === 'name' && r.name.kind !== 'competitor'))) return true;
  }
  return false;
}

function satisfies(claim: Claim, sentence: string): boolean {
  const evidence = [...claim.approvedWordings, ...(claim.requiredAttribution ? [claim.requiredAttribution] : [])];
  return evidence.some((e) => sentence.includes(normalizeText(e)));
}
