/** Figures and claims in the words a reader uses: "more than 2,500", "$48 million", "up to 70%". */
import type { Claim, Qualifier } from '../brand/model';
import { type Figure, type FigureUnit, formatLike } from '../claims/numbers';

const QUALIFIER_WORDS: Record<Qualifier, string> = {
  exact: '',
  'more-than': 'more than',
  'at-least': 'at least',
  'up-to': 'up to',
  about: 'about',
  'less-than': 'less than',
};

/** "2016", "12,000", "$48 million", "$2.1 billion", "70%", "3x". */
export function readableValue(value: number, unit: FigureUnit, currency?: string | null): string {
  const plain = { separators: true, scale: '', words: false, plus: false, percentWord: false };
  if (unit === 'year') return String(value);
  const c = currency ?? undefined;
  if (Math.abs(value) >= 1e9) return formatLike(value, unit, { ...plain, scale: ' billion' }, c);
  if (Math.abs(value) >= 1e6 && unit === 'money') return formatLike(value, unit, { ...plain, scale: ' million' }, c);
  return formatLike(value, unit, plain, c);
}

/** What a figure implies, qualifier included: "more than 2,500", "up to 70%". */
export function describeFigure(figure: Figure): string {
  const q = QUALIFIER_WORDS[figure.qualifier];
  return `${q ? q + ' ' : ''}${readableValue(figure.value, figure.unit, figure.currency)}`;
}

/** The unit a claim's value is stated in, as figures read it. */
export function claimUnit(claim: Claim): FigureUnit {
  const unit = (claim.unit ?? '').toLowerCase();
  if (unit === 'percent' || unit === '%') return 'percent';
  if (claim.kind === 'money' || claim.kind === 'price' || /^(usd|eur|gbp|\$|€|£)/.test(unit)) return 'money';
  if (claim.kind === 'date') return 'year';
  if (unit === 'x' || unit === 'times' || unit === 'multiplier') return 'multiplier';
  return 'count';
}

export function claimCurrency(claim: Claim): string | null {
  if (claimUnit(claim) !== 'money') return null;
  const u = (claim.unit ?? '').toUpperCase();
  return u.startsWith('EUR') || u.startsWith('€') ? 'EUR' : u.startsWith('GBP') || u.startsWith('£') ? 'GBP' : 'USD';
}
