/**
 * Units and wording shared by everything that speaks about claims: the unit a claim's value is stated
 * in, its currency, the words for each qualifier, and a value as a reader writes it.
 */
import type { Claim, Qualifier } from '../brand/model';
import { type FigureUnit, formatLike } from './numbers';

export const QUALIFIER_WORDS: Record<Qualifier, string> = {
  exact: '',
  'more-than': 'more than',
  'at-least': 'at least',
  'up-to': 'up to',
  about: 'about',
  'less-than': 'less than',
};

/** The unit a claim's value is stated in, as figures read it. */
export function claimUnit(claim: Claim): FigureUnit {
  const unit = (claim.unit ?? '').toLowerCase();
  if (unit === 'percent' || unit === '%') return 'percent';
  if (claim.kind === 'money' || claim.kind === 'price' || /^(usd|eur|gbp|\$|€|£)/.test(unit)) return 'money';
  if (claim.kind === 'date') return 'year';
  if (unit === 'x' || unit === 'times' || unit === 'multiplier') return 'multiplier';
  return 'count';
}

/** ISO code of a money claim's currency (USD unless the unit says EUR or GBP); undefined for other claims. */
export function claimCurrency(claim: Claim): string | undefined {
  if (claimUnit(claim) !== 'money') return undefined;
  const u = (claim.unit ?? '').toUpperCase();
  return u.startsWith('EUR') || u.startsWith('€') ? 'EUR' : u.startsWith('GBP') || u.startsWith('£') ? 'GBP' : 'USD';
}

/** A value as a reader writes it: "2016", "4,000", "85 million", "2.1 billion", "70%", "3x". */
export function readableValue(value: number, unit: FigureUnit, currency?: string): string {
  const plain = { separators: true, scale: '', words: false, plus: false, percentWord: false };
  if (unit === 'year') return String(value);
  if (Math.abs(value) >= 1e9) return formatLike(value, unit, { ...plain, scale: ' billion' }, currency);
  if (Math.abs(value) >= 1e6) return formatLike(value, unit, { ...plain, scale: ' million' }, currency);
  return formatLike(value, unit, plain, currency);
}
