/**
 * Words for claims in messages and fixes: "more than 4,000 customers (as of 2025-06-30; source: …)",
 * and the corrected figure written the way the writer wrote theirs.
 */
import type { Claim, Qualifier } from '../brand/model';
import type { BrandSource } from '../types';
import type { ClaimUse } from './uses';
import { type FigureUnit, formatLike } from './numbers';
import { brandSource } from '../context';

const CANONICAL: Record<Qualifier, string> = {
  exact: '',
  'more-than': 'more than',
  'at-least': 'at least',
  'up-to': 'up to',
  about: 'about',
  'less-than': 'less than',
};

function unitOf(claim: Claim): FigureUnit {
  const unit = (claim.unit ?? '').toLowerCase();
  if (unit === 'percent' || unit === '%') return 'percent';
  if (claim.kind === 'money' || claim.kind === 'price' || /^(usd|eur|gbp)/.test(unit)) return 'money';
  if (claim.kind === 'date') return 'year';
  return 'count';
}

function currencyOf(claim: Claim): string | undefined {
  const u = (claim.unit ?? '').toUpperCase();
  return u.startsWith('EUR') ? 'EUR' : u.startsWith('GBP') ? 'GBP' : 'USD';
}

/** A value as a reader writes it: "2016", "4,000", "85 million", "2.1 billion". */
function readable(value: number, unit: FigureUnit, currency: string | undefined): string {
  const plain = { separators: true, scale: '', words: false, plus: false, percentWord: false };
  if (unit === 'year') return String(value);
  if (Math.abs(value) >= 1e9) return formatLike(value, unit, { ...plain, scale: ' billion' }, currency);
  if (Math.abs(value) >= 1e6) return formatLike(value, unit, { ...plain, scale: ' million' }, currency);
  return formatLike(value, unit, plain, currency);
}

/** The approved statement in words: "more than 4,000 customers", "up to 60% fewer alerts", "founded 2016". */
export function approvedStatement(claim: Claim): string {
  if (claim.value === undefined) return claim.subject;
  const value = readable(claim.value, unitOf(claim), currencyOf(claim));
  if (claim.kind === 'date') return `${claim.subject} ${value}`;
  if (claim.kind === 'price') return `${claim.subject} of ${value}`;
  const qualifier = CANONICAL[claim.qualifier];
  return `${qualifier ? qualifier + ' ' : ''}${value} ${claim.subject}`.trim();
}

/** " (as of 2025-06-30; source: Finance …)" — where the approved figure comes from. */
export function provenance(claim: Claim): string {
  const parts = [claim.asOf && `as of ${claim.asOf}`, claim.source && `source: ${claim.source}`].filter(Boolean);
  return parts.length ? ` (${parts.join('; ')})` : '';
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
  const qualifier = CANONICAL[claim.qualifier];
  let text = qualifier ? `${qualifier} ${number}` : number;
  if (atSentenceStart) text = text.charAt(0).toUpperCase() + text.slice(1);
  return { start: figure.start, end: figure.end, text };
}
