/**
 * How alike two short texts are, from 0 (nothing shared) to 1 (the same). The only module that knows which
 * library computes it: today the Dice coefficient over character bigrams from `string-similarity`
 * (white space ignored). Callers pass already normalised text (case, punctuation) and keep their own
 * thresholds; those thresholds are calibrated for this measure by test/unit/messages.test.ts, so
 * replacing the measure means re-running that calibration.
 */
import { compareTwoStrings } from 'string-similarity';

export interface TextSimilarity {
  /** Short name for messages and tests, e.g. "dice". */
  readonly name: string;
  /** Symmetric score in [0, 1]; 1 for equal texts. */
  score(a: string, b: string): number;
}

export const diceSimilarity: TextSimilarity = {
  name: 'dice',
  score: (a, b) => compareTwoStrings(a, b),
};

/** The measure the engine uses. */
export const textSimilarity: TextSimilarity = diceSimilarity;

export function similarity(a: string, b: string): number {
  return textSimilarity.score(a, b);
}
