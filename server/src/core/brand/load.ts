/** Parsing plus self-tests: everything a host needs to know about a brand file's text. */
import type { Brand } from './model';
import type { BrandProblem } from '../types';
import { parseBrand, type BrandParseResult } from './parse';
import { selfTest } from './selftest';

export interface LoadedBrand {
  brand: Brand;
  /** Sorted by offset. */
  problems: BrandProblem[];
  /** False when the file cannot serve as a brand file at all (not a mapping, no `version: 1`). */
  usable: boolean;
}

/**
 * `test`: how to run the self-tests; a host that keeps results between runs (the CLI's --cache) passes a
 * memo of `selfTest` keyed by the text, since the self-tests of a large brand file take seconds. `parse`
 * likewise: the CLI's --cache keeps the parse of the text, which takes a tenth of a second or more.
 */
export function loadBrand(text: string, test: (brand: Brand) => BrandProblem[] = selfTest, parse: (text: string) => BrandParseResult = parseBrand): LoadedBrand {
  const parsed = parse(text);
  const problems = parsed.usable ? [...parsed.problems, ...test(parsed.brand)] : parsed.problems;
  problems.sort((a, b) => a.start - b.start);
  return { brand: parsed.brand, problems: capped(problems), usable: parsed.usable };
}

/** The most problems reported for one brand file; a file of garbage can have a million. */
export const MAX_BRAND_PROBLEMS = 500;

/**
 * The first MAX_BRAND_PROBLEMS problems and one that counts the rest (issue 7): a million diagnostics would
 * freeze the editor and drown the CLI's output, and the first ones are what to fix first anyway.
 */
function capped(problems: BrandProblem[]): BrandProblem[] {
  if (problems.length <= MAX_BRAND_PROBLEMS) return problems;
  const rest = problems.slice(MAX_BRAND_PROBLEMS);
  const first = rest[0];
  const severity = rest.some((p) => p.severity === 'error') ? 'error' : rest.some((p) => p.severity === 'warning') ? 'warning' : 'info';
  const message = `${rest.length.toLocaleString('en-US')} more problems in the brand file are not shown (On Message lists the first ${MAX_BRAND_PROBLEMS}). Fix the ones above first.`;
  return [...problems.slice(0, MAX_BRAND_PROBLEMS), { code: first.code, severity, message, start: first.start, end: first.end }];
}
