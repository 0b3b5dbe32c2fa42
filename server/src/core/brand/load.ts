/** Parsing plus self-tests: everything a host needs to know about a brand file's text. */
import type { Brand } from './model';
import type { BrandProblem } from '../types';
import { parseBrand } from './parse';
import { selfTest } from './selftest';

export interface LoadedBrand {
  brand: Brand;
  /** Sorted by offset. */
  problems: BrandProblem[];
  /** False when the file cannot serve as a brand file at all (not a mapping, no `version: 1`). */
  usable: boolean;
}

export function loadBrand(text: string): LoadedBrand {
  const parsed = parseBrand(text);
  const problems = parsed.usable ? [...parsed.problems, ...selfTest(parsed.brand)] : parsed.problems;
  problems.sort((a, b) => a.start - b.start);
  return { brand: parsed.brand, problems, usable: parsed.usable };
}
