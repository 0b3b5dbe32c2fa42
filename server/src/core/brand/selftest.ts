/**
 * The brand file's examples are its tests: every `examples.flag` sentence must be flagged by its own
 * entry, and every `examples.ok` sentence must not be. A failure is reported on the example itself, so
 * the writer of the brand file sees which sentence disagrees with which rule.
 *
 * Pillars are run only when `paraphrase: exact` (the only pillars a rule checks): other pillars'
 * examples would fail for want of a rule, not because the entry is wrong.
 *
 * The brand file's own copy is tested too: its boilerplate texts, current taglines (and short forms) and
 * key messages must pass its names, terms and phrases rules (`brandfile.selftest`, on the text itself).
 */
import type { Brand, EntryBase, ExampleText, Span } from './model';
import type { BrandProblem } from '../types';
import { check } from '../check';
import { ruleIds } from '../rules/index';

const CHECKED_SECTIONS = ['company', 'names', 'terms', 'phrases', 'people', 'claims', 'taglines', 'pillars', 'boilerplate'] as const;

/** The rule families that speak for each section: an example is judged by its own section's rules only, so
 * a more specific finding from another family (a claim over a phrase) cannot hide it. */
const FAMILIES: Record<string, string> = {
  company: 'name.',
  names: 'name.',
  terms: 'term.',
  phrases: 'phrase.',
  people: 'person.',
  claims: 'claim.',
  taglines: 'tagline.',
  pillars: 'message.',
  boilerplate: 'boilerplate.',
};

/** Checks that depend on the day the file is checked, not on whether an example is right: not self-tests. */
const DATED_RULES = new Set(['claim.expired', 'boilerplate.expired']);

export function selfTest(brand: Brand): BrandProblem[] {
  const problems: BrandProblem[] = [];
  for (const [section, entry] of entries(brand)) {
    const channel = entry.channels[0];
    for (const example of entry.examples.flag) {
      const findings = ownFindings(brand, section, entry, example, channel);
      if (findings.length === 0) {
        problems.push(problem(example, `This example should be flagged by ${section} › ${entry.id}, but nothing was found. Fix the entry or the example.`));
      }
    }
    for (const example of entry.examples.ok) {
      const [first] = ownFindings(brand, section, entry, example, channel);
      if (first) {
        problems.push(problem(example, `This example should pass ${section} › ${entry.id}, but it was flagged (${first.rule}): ${first.message}`));
      }
    }
  }
  problems.push(...ownCopyProblems(brand));
  return problems;
}

/** The rule families the brand file's own copy must pass. */
const OWN_COPY_FAMILIES = ['name.', 'term.', 'phrase.', 'claim.'];

interface OwnCopy {
  what: string;
  text: string;
  span: Span;
  channel?: string;
}

/**
 * Every finding of the names, terms and phrases rules on the brand file's own boilerplate, current
 * taglines and key messages, reported on that text. Each text is checked as a document of the channel it
 * is written for (a boilerplate's first `required_in`, a tagline's first `channels`), so channel rules such
 * as the press-release first mention of the company apply to it.
 */
function ownCopyProblems(brand: Brand): BrandProblem[] {
  const copies: OwnCopy[] = [];
  for (const b of brand.boilerplate) copies.push({ what: 'boilerplate', text: b.text, span: b.textSpan ?? b.span, channel: b.requiredIn[0] });
  for (const t of brand.taglines) {
    if (t.status !== 'current') continue;
    copies.push({ what: 'tagline', text: t.text, span: t.textSpan ?? t.span, channel: t.channels[0] });
    t.shortForms.forEach((form, i) => copies.push({ what: 'short form', text: form, span: t.shortFormSpans?.[i] ?? t.span, channel: t.channels[0] }));
  }
  for (const p of brand.pillars) copies.push({ what: 'key message', text: p.keyMessage, span: p.keyMessageSpan ?? p.span });
  const rules = ruleIds.filter((id) => OWN_COPY_FAMILIES.some((f) => id.startsWith(f)) && !DATED_RULES.has(id));
  // The texts under test must not count as approved copy (phrase rules pass approved brand text).
  const bare: Brand = { ...brand, boilerplate: [], taglines: brand.taglines.filter((t) => t.status !== 'current') };
  const problems: BrandProblem[] = [];
  for (const copy of copies) {
    const { findings } = check(copy.text, bare, { rules, ...(copy.channel ? { channel: copy.channel } : {}) });
    for (const f of findings) {
      const quoted = copy.text.slice(f.start, f.end).replace(/\s+/g, ' ');
      problems.push({
        code: 'brandfile.selftest',
        severity: 'error',
        message: `This ${copy.what} breaks the brand file's own rule ${f.rule} at '${quoted}': ${f.message}`,
        start: copy.span.start,
        end: copy.span.end,
      });
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
      for (const entry of brand[section]) {
        if (section === 'pillars' && brand.pillars.some((p) => p === entry && p.paraphrase !== 'exact')) continue;
        out.push([section, entry]);
      }
    }
  }
  return out;
}

function ownFindings(brand: Brand, section: string, entry: EntryBase, example: ExampleText, channel: string | undefined) {
  // Expiry depends on the day the file is checked, not on whether the example is right: not a self-test.
  const rules = ruleIds.filter((id) => id.startsWith(FAMILIES[section] ?? '\0') && !DATED_RULES.has(id));
  return check(example.text, brand, { rules, ...(channel ? { channel } : {}) }).findings.filter((f) => f.entryId === entry.id);
}

function problem(example: ExampleText, message: string): BrandProblem {
  return { code: 'brandfile.example', severity: 'error', message, start: example.span.start, end: example.span.end };
}
