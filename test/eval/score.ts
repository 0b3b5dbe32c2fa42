/**
 * Scoring for the labelled evaluation set (test/eval/labels.json): precision and recall per rule family.
 *
 * Pure: labels and findings in, numbers and lists out. No file system, no engine; run.ts does the I/O.
 *
 * Matching, per file:
 * - A finding is a true positive when an unmatched violation has the same rule and the same line, or the
 *   same rule and `doc_level: true` (document-level findings are matched by file + rule only). Same-line
 *   matches are taken before document-level ones. Each violation is matched at most once.
 * - A finding with the rule and line of a violation that is already matched is a `duplicate`: listed, not
 *   counted (the same problem reported twice is noise, not a new false alarm).
 * - A finding whose rule is listed in a violation's `also_ok` (same line, or anywhere in the file when the
 *   violation is document-level) is `tolerated`: listed, not counted. This is for the few places where two
 *   rules describe the same problem (an expired claim inside an expired boilerplate; a headline that drops
 *   "up to" when the description keeps it).
 * - Every other finding is a false positive. A false positive on the line of a trap is also a trap hit
 *   (attributed to the trap set for that rule when the line has several).
 * - Violations left unmatched are false negatives (`missed`).
 * - Findings whose rule is outside `options.rules` (when given) are `ignored`: the set only labels the
 *   rules in scope, so a rule it says nothing about is neither right nor wrong here.
 *
 * Family = the part of the rule id before the first dot ("claim.overstated" → "claim").
 */

export interface ViolationLabel {
  file: string;
  /** 1-based, counting front matter. */
  line: number;
  rule: string;
  /** The offending words; they occur on `line`. */
  text: string;
  note?: string;
  /** A document-level finding (a missing element): matched by file + rule only. */
  doc_level?: boolean;
  /** Other rules that describe the same problem here: their findings are tolerated, not false positives. */
  also_ok?: string[];
}

export interface TrapLabel {
  file: string;
  line: number;
  text: string;
  why: string;
  could_be_mistaken_for: string;
}

export interface Labels {
  violations: ViolationLabel[];
  traps: TrapLabel[];
}

/** What the scorer needs of a finding. */
export interface EvalFinding {
  rule: string;
  /** 1-based. */
  line: number;
  column?: number;
  severity?: string;
  message?: string;
}

/** Keyed by the same relative paths as the labels' `file`. */
export type FindingsByFile = Readonly<Record<string, readonly EvalFinding[]>>;

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
  /** tp / (tp + fp); null when nothing was reported. */
  precision: number | null;
  /** tp / (tp + fn); null when nothing is labelled. */
  recall: number | null;
  /** False positives that fell on a trap's line. */
  trapHits: number;
}

export interface UnexpectedFinding extends EvalFinding {
  file: string;
  /** The trap on this finding's line, when there is one (a trap hit). */
  trap?: TrapLabel;
}

export interface SideFinding extends EvalFinding {
  file: string;
  /** The violation the finding was attributed to. */
  violation: ViolationLabel;
}

export interface ScoreResult {
  perFamily: Record<string, Counts>;
  overall: Counts;
  /** False positives, in file and line order. */
  unexpected: UnexpectedFinding[];
  /** False negatives, in file and line order. */
  missed: ViolationLabel[];
  /** True positives, for reference. */
  matched: SideFinding[];
  duplicates: SideFinding[];
  tolerated: SideFinding[];
  ignored: Array<EvalFinding & { file: string }>;
  /** Traps with at least one false positive on their line. */
  trapsHit: TrapLabel[];
}

export interface ScoreOptions {
  /** The rules the labels cover; findings of other rules are ignored. All rules count when absent. */
  rules?: readonly string[];
}

/** The rule ids the labelled set covers (file name = rule id in the product). */
export const RULES_IN_SCOPE: readonly string[] = [
  'name.variant', 'name.retired', 'name.company', 'name.symbol', 'name.grammar',
  'term.deprecated',
  'phrase.banned', 'phrase.needs-claim', 'phrase.risky',
  'person.spelling', 'person.title', 'person.former', 'person.quote-speaker',
  'claim.overstated', 'claim.understated', 'claim.qualifier', 'claim.context', 'claim.framing', 'claim.fact',
  'claim.ranking', 'claim.expired', 'claim.unverified', 'claim.disclosure',
  'tagline.exact', 'tagline.retired', 'message.exact',
  'boilerplate.mismatch', 'boilerplate.missing', 'boilerplate.expired',
  'pr.dateline', 'pr.day-date', 'pr.headline', 'pr.third-person', 'pr.required',
  'ad.length', 'ad.asset-standalone',
  'newsletter.unsubscribe', 'newsletter.address', 'newsletter.sender', 'newsletter.subject',
  'social.length', 'social.paid',
];

export function familyOf(rule: string): string {
  const dot = rule.indexOf('.');
  return dot < 0 ? rule : rule.slice(0, dot);
}

export function score(labels: Labels, findingsByFile: FindingsByFile, options: ScoreOptions = {}): ScoreResult {
  const inScope = options.rules ? new Set(options.rules) : undefined;
  const raw: Record<string, { tp: number; fp: number; fn: number; trapHits: number }> = {};
  const bump = (rule: string, key: 'tp' | 'fp' | 'fn' | 'trapHits'): void => {
    const family = familyOf(rule);
    raw[family] ??= { tp: 0, fp: 0, fn: 0, trapHits: 0 };
    raw[family][key]++;
  };
  for (const v of labels.violations) raw[familyOf(v.rule)] ??= { tp: 0, fp: 0, fn: 0, trapHits: 0 };

  const result: Omit<ScoreResult, 'perFamily' | 'overall'> = {
    unexpected: [],
    missed: [],
    matched: [],
    duplicates: [],
    tolerated: [],
    ignored: [],
    trapsHit: [],
  };
  const matched = new Set<ViolationLabel>();
  const trapsHit = new Set<TrapLabel>();
  const files = new Set<string>([...labels.violations.map((v) => v.file), ...Object.keys(findingsByFile)]);

  for (const file of [...files].sort()) {
    const violations = labels.violations.filter((v) => v.file === file);
    const traps = labels.traps.filter((t) => t.file === file);
    const findings = [...(findingsByFile[file] ?? [])].sort((a, b) => a.line - b.line || (a.column ?? 0) - (b.column ?? 0) || a.rule.localeCompare(b.rule));

    // Same-line matches first, so a document-level violation is not used up by a finding another
    // violation of that rule labels exactly.
    const pending: EvalFinding[] = [];
    for (const f of findings) {
      if (inScope && !inScope.has(f.rule)) {
        result.ignored.push({ ...f, file });
        continue;
      }
      const v = violations.find((x) => !matched.has(x) && x.rule === f.rule && x.line === f.line);
      if (v) {
        matched.add(v);
        result.matched.push({ ...f, file, violation: v });
        bump(f.rule, 'tp');
      } else {
        pending.push(f);
      }
    }
    for (const f of pending) {
      const docLevel = violations.find((x) => !matched.has(x) && x.rule === f.rule && x.doc_level);
      if (docLevel) {
        matched.add(docLevel);
        result.matched.push({ ...f, file, violation: docLevel });
        bump(f.rule, 'tp');
        continue;
      }
      const again = violations.find((x) => matched.has(x) && x.rule === f.rule && (x.line === f.line || x.doc_level));
      if (again) {
        result.duplicates.push({ ...f, file, violation: again });
        continue;
      }
      const alias = violations.find((x) => (x.also_ok ?? []).includes(f.rule) && (x.line === f.line || x.doc_level));
      if (alias) {
        result.tolerated.push({ ...f, file, violation: alias });
        continue;
      }
      const trap = traps.find((t) => t.line === f.line && t.could_be_mistaken_for === f.rule) ?? traps.find((t) => t.line === f.line);
      bump(f.rule, 'fp');
      if (trap) {
        bump(f.rule, 'trapHits');
        trapsHit.add(trap);
      }
      result.unexpected.push(trap ? { ...f, file, trap } : { ...f, file });
    }
  }

  for (const v of labels.violations) {
    if (matched.has(v)) continue;
    result.missed.push(v);
    bump(v.rule, 'fn');
  }

  const byPlace = <T extends { file: string; line: number }>(a: T, b: T): number => a.file.localeCompare(b.file) || a.line - b.line;
  result.unexpected.sort(byPlace);
  result.missed.sort(byPlace);
  result.matched.sort(byPlace);
  result.trapsHit = labels.traps.filter((t) => trapsHit.has(t));

  const perFamily: Record<string, Counts> = {};
  const total = { tp: 0, fp: 0, fn: 0, trapHits: 0 };
  for (const family of Object.keys(raw).sort()) {
    const c = raw[family];
    perFamily[family] = counts(c.tp, c.fp, c.fn, c.trapHits);
    total.tp += c.tp;
    total.fp += c.fp;
    total.fn += c.fn;
    total.trapHits += c.trapHits;
  }
  return { perFamily, overall: counts(total.tp, total.fp, total.fn, total.trapHits), ...result };
}

function counts(tp: number, fp: number, fn: number, trapHits: number): Counts {
  return {
    tp,
    fp,
    fn,
    precision: tp + fp === 0 ? null : tp / (tp + fp),
    recall: tp + fn === 0 ? null : tp / (tp + fn),
    trapHits,
  };
}
