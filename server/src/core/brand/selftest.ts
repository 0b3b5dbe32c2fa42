/**
 * The brand file's examples are its tests: every `examples.flag` sentence must be flagged by its own
 * entry, and every `examples.ok` sentence must not be. A failure is reported on the example itself, so
 * the writer of the brand file sees which sentence disagrees with which rule.
 *
 * Sections whose checks are not in the engine yet (claims, messages, boilerplate) are not run: their
 * examples would fail for want of a rule, not because the entry is wrong.
 */
import type { Brand, EntryBase, ExampleText } from './model';
import type { BrandProblem } from '../types';
import { check } from '../check';

const CHECKED_SECTIONS = ['company', 'names', 'terms', 'phrases', 'people'] as const;

export function selfTest(brand: Brand): BrandProblem[] {
  const problems: BrandProblem[] = [];
  for (const [section, entry] of entries(brand)) {
    const channel = entry.channels[0];
    for (const example of entry.examples.flag) {
      const findings = ownFindings(brand, entry, example, channel);
      if (findings.length === 0) {
        problems.push(problem(example, `This example should be flagged by ${section} › ${entry.id}, but nothing was found. Fix the entry or the example.`));
      }
    }
    for (const example of entry.examples.ok) {
      const [first] = ownFindings(brand, entry, example, channel);
      if (first) {
        problems.push(problem(example, `This example should pass ${section} › ${entry.id}, but it was flagged (${first.rule}): ${first.message}`));
      }
    }
  }
  return problems;
}

function entries(brand: Brand): Array<[string, EntryBase]> {
  const out: Array<[string, EntryBase]> = [];
  for (const section of CHECKED_SECTIONS) {
    if (section === 'company') {
      if (brand.company) out.push(['company', brand.company]);
    } else {
      for (const entry of brand[section]) out.push([section, entry]);
    }
  }
  return out;
}

function ownFindings(brand: Brand, entry: EntryBase, example: ExampleText, channel: string | undefined) {
  return check(example.text, brand, channel ? { channel } : {}).findings.filter((f) => f.entryId === entry.id);
}

function problem(example: ExampleText, message: string): BrandProblem {
  return { code: 'brandfile.example', severity: 'error', message, start: example.span.start, end: example.span.end };
}
