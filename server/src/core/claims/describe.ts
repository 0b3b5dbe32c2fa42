/**
 * Words for claims in messages and fixes: "more than 4,000 customers (as of 2025-06-30; source: …)",
 * and the corrected figure written the way the writer wrote theirs.
 */
import type { Claim } from '../brand/model';
import type { BrandSource } from '../types';
import type { ClaimUse } from './uses';
import { formatLike } from './numbers';
import { QUALIFIER_WORDS, claimCurrency, claimUnit, readableValue } from './units';
import { brandSource } from '../context';

/**
 * The approved statement in words: the claim's first approved wording when it has one ("cut invoice
 * processing time by up to 70%"), else built from its parts ("more than 4,000 customers", "founded in 2016").
 */
export function approvedStatement(claim: Claim): string {
  if (claim.approvedWordings[0]) return claim.approvedWordings[0];
  if (claim.value === undefined) return claim.subject;
  const value = readableValue(claim.value, claimUnit(claim), claimCurrency(claim));
  if (claim.kind === 'date') return `${claim.subject} in ${value}`;
  if (claim.kind === 'price') return `${claim.subject} of ${value}`;
  const qualifier = QUALIFIER_WORDS[claim.qualifier];
  return `${qualifier ? qualifier + ' ' : ''}${value} ${claim.subject}`.trim();
}

/** " — as of 2025-06-30; source: Finance …": where the approved figure comes from (sources may hold parentheses). */
export function provenance(claim: Claim): string {
  const parts = [claim.asOf && `as of ${claim.asOf}`, claim.source && `source: ${claim.source}`].filter(Boolean);
  return parts.length ? ` — ${parts.join('; ')}` : '';
}

export function claimSource(claim: Claim): BrandSource {
  return brandSource('claims', claim);
}

/**
 * The approved figure in place of the written one. A qualifier that means what the approved one means
 * ("over" for more-than, a trailing "+") is kept and only the number changes, written in the writer's
 * format ("4k", "4,000", "4 thousand"); otherwise qualifier and number are replaced together.
 */
export function correctedFigure(use: ClaimUse, atSentenceStart: boolean): { start: number; end: number; text: string } | undefined {
  const { claim, figure } = use;
  if (claim.value === undefined) return undefined;
  const number = formatLike(claim.value, figure.unit === 'year' ? 'count' : figure.unit, figure.style, figure.currency);
  if (figure.qualifier === claim.qualifier && !figure.approaching) {
    return { start: figure.numberStart, end: figure.numberEnd, text: number };
  }
  const qualifier = QUALIFIER_WORDS[claim.qualifier];
  let text = qualifier ? `${qualifier} ${number}` : number;
  if (atSentenceStart) text = text.charAt(0).toUpperCase() + text.slice(1);
  return { start: figure.start, end: figure.end, text };
}
