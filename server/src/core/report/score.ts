/**
 * The consistency score (README › The consistency report): per document 100 · n / (n + w), with
 * n = max(1, words / 75) and w the findings weighted by severity; a workspace's or channel's score is the
 * mean of its documents' scores. After the Acrolinx-style density score, so a long release with two
 * warnings is not judged like a tweet with two warnings.
 */
import type { Counts, Score } from './types';

export const WORDS_PER_UNIT = 75;
export const SEVERITY_WEIGHTS: Readonly<Counts> = { error: 1, warning: 0.5, info: 0.25 };

/** The unrounded score of one document. */
export function documentScore(words: number, counts: Counts): number {
  const n = Math.max(1, words / WORDS_PER_UNIT);
  const w = counts.error * SEVERITY_WEIGHTS.error + counts.warning * SEVERITY_WEIGHTS.warning + counts.info * SEVERITY_WEIGHTS.info;
  return (100 * n) / (n + w);
}

/** The mean of unrounded document scores, rounded; 100 when there are none. */
export function meanScore(scores: readonly number[]): number {
  if (scores.length === 0) return 100;
  return Math.round(scores.reduce((a, b) => a + b, 0) / scores.length);
}

export function band(value: number): Score['band'] {
  return value >= 80 ? 'good' : value >= 60 ? 'fair' : 'poor';
}
