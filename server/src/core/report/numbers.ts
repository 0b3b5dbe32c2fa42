/** Figures in the words a reader uses: "more than 2,500", "$48 million", "up to 70%". */
import type { Figure } from '../claims/numbers';
import { QUALIFIER_WORDS, readableValue } from '../claims/units';

export { claimCurrency, claimUnit, readableValue } from '../claims/units';

/** What a figure implies, qualifier included: "more than 2,500", "up to 70%". */
export function describeFigure(figure: Figure): string {
  const q = QUALIFIER_WORDS[figure.qualifier];
  return `${q ? q + ' ' : ''}${readableValue(figure.value, figure.unit, figure.currency)}`;
}
