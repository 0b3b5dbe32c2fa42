/**
 * The engine's entry point: Markdown text and a parsed brand file in, findings with offsets out.
 */
import type { Brand } from './brand/model';
import type { Finding, Severity } from './types';
import { parseProse } from './markdown/prose';
import { type Suppression, isSuppressed, suppressions } from './markdown/suppress';
import { type Analysis, analyse, contextFor } from './context';
import { matchIndexFor } from './match/index-builder';
import { resolveChannel } from './channel';
import { rules as registry } from './rules/index';

export interface CheckOptions {
  /** The document's path relative to the brand file's folder, for channel path globs. */
  path?: string;
  /** Check as this channel, whatever the front matter and path say. */
  channel?: string;
  /** Today's date (YYYY-MM-DD) for expiry checks when the document has no front-matter `date`; defaults to the clock. */
  today?: string;
  /** Only these rules (by id); all rules when absent. */
  rules?: readonly string[];
  /** Per-rule severity, or 'off'; wins over the rule's and the brand entry's own severity. */
  severity?: Readonly<Record<string, Severity | 'off'>>;
}

export interface CheckResult {
  /** Sorted by offset, then rule id. */
  findings: Finding[];
  /** The channel the document was checked as, if any. */
  channel?: string;
  /** Findings hidden by suppression comments. */
  suppressed: number;
  /** Rules that failed on this document; the other rules' findings are still complete. */
  failures: Array<{ rule: string; message: string }>;
}

export function check(text: string, brand: Brand, options: CheckOptions = {}): CheckResult {
  return checkInDetail(text, brand, options).result;
}

/** A check with what it computed on the way, for the workspace report: one analysis, no second pass. */
export interface DetailedCheck {
  result: CheckResult;
  analysis: Analysis;
  /** The document's suppression regions and the findings they hid (rule overrides applied). */
  suppressions: Suppression[];
  hidden: Finding[];
}

export function checkInDetail(text: string, brand: Brand, options: CheckOptions = {}): DetailedCheck {
  const doc = parseProse(text);
  const channel = options.channel ?? resolveChannel(brand, doc.frontMatter, options.path);
  const analysis = analyse(doc, brand, matchIndexFor(brand), channel, documentDate(doc.frontMatter, options.today));
  const raw: Finding[] = [];
  const failures: CheckResult['failures'] = [];
  for (const rule of registry) {
    const override = options.severity?.[rule.id];
    if (override === 'off' || (options.rules && !options.rules.includes(rule.id))) continue;
    const found: Finding[] = [];
    try {
      rule.check(contextFor(analysis, rule.id, rule.severity, found));
    } catch (error) {
      failures.push({ rule: rule.id, message: error instanceof Error ? error.message : String(error) });
      continue;
    }
    for (const f of found) raw.push(override ? { ...f, severity: override } : f);
  }
  const regions = suppressions(text, doc.comments);
  const kept: Finding[] = [];
  const hidden: Finding[] = [];
  for (const f of raw) (isSuppressed(regions, f.rule, f.start) ? hidden : kept).push(f);
  return { result: { findings: dedupe(kept), channel, suppressed: hidden.length, failures }, analysis, suppressions: regions, hidden };
}

/**
 * The date a document speaks from: its front-matter `date` (a release dated last year is judged as of last
 * year), else today.
 */
function documentDate(frontMatter: Record<string, unknown>, today: string | undefined): string {
  const raw = frontMatter.date;
  const date = raw instanceof Date ? raw.toISOString().slice(0, 10) : typeof raw === 'string' ? raw.trim().slice(0, 10) : '';
  if (/^\d{4}-\d{2}-\d{2}$/.test(date)) return date;
  return today ?? new Date().toISOString().slice(0, 10);
}

/** When checks of different families flag the same words, the most specific one speaks (claims first). */
const FAMILY_PRIORITY = ['claim', 'tagline', 'message', 'boilerplate', 'person', 'name', 'term', 'pr', 'ad', 'newsletter', 'social', 'phrase'];

function priority(rule: string): number {
  const i = FAMILY_PRIORITY.indexOf(rule.split('.')[0]);
  return i < 0 ? FAMILY_PRIORITY.length : i;
}

/** One finding per span: the same rule twice, or a less specific family on words a more specific one flagged. */
function dedupe(findings: Finding[]): Finding[] {
  const best = new Map<string, Finding>();
  for (const f of findings) {
    const key = `${f.start}:${f.end}`;
    const held = best.get(key);
    if (!held || priority(f.rule) < priority(held.rule)) best.set(key, f);
    else if (held.rule !== f.rule && priority(f.rule) === priority(held.rule)) best.set(`${key}:${f.rule}`, f);
  }
  return [...best.values()].sort((a, b) => a.start - b.start || a.end - b.end || a.rule.localeCompare(b.rule));
}
