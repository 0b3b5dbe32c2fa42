/**
 * The engine's entry point: Markdown text and a parsed brand file in, findings with offsets out.
 */
import type { Brand } from './brand/model';
import type { Finding, Severity } from './types';
import { parseProse, type ProseDocument } from './markdown/prose';
import { type Suppression, isSuppressed, suppressions } from './markdown/suppress';
import { swallowsInsertion } from './markdown/raw';
import { type Analysis, analyse, contextFor } from './context';
import { matchIndexFor } from './match/index-builder';
import { resolveChannel } from './channel';
import { skipReason } from './limits';
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
  /**
   * How to read the Markdown: parseProse by default. The language server passes an IncrementalProse's
   * parse, which re-parses only the blocks an edit touched and returns what parseProse would.
   */
  prose?: (text: string) => ProseDocument;
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
  /**
   * Why the document was not checked at all (`findings` is then empty): it is beyond the engine's limits
   * (limits.ts: size, nesting) or the Markdown parser failed on it. Absent when the document was checked.
   */
  skipped?: string;
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
  // Issue 7: whatever the text, a check ends in bounded time and does not throw. A document beyond the
  // limits is not parsed, and a parser failure (a stack overflow, say) skips the document, not the caller.
  const skipped = skipReason(text);
  if (skipped) return skippedCheck(brand, options, skipped);
  let analysis: Analysis;
  try {
    analysis = analyseText(text, brand, options);
  } catch (error) {
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return skippedCheck(brand, options, `Not checked: On Message could not read this document (${reason.slice(0, 200)}).`);
  }
  const { channel } = analysis;
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
  const regions = suppressions(text, analysis.doc.comments);
  const kept: Finding[] = [];
  const hidden: Finding[] = [];
  for (const f of raw) (isSuppressed(regions, f.rule, f.start) ? hidden : kept).push(f);
  // Issue 7: a fix that adds a block (boilerplate, end mark, footer) where the parser would read it as code or
  // raw HTML (after an unclosed ``` fence) could never be seen again: `--fix` would add it on every run.
  // The finding stays; such a fix is withheld.
  for (const f of kept) {
    if (f.fix && text.slice(f.fix.start, f.fix.end).trim() === '' && swallowsInsertion(analysis.doc.tree, text, f.fix.start)) delete f.fix;
  }
  return { result: { findings: dedupe(kept), channel, suppressed: hidden.length, failures }, analysis, suppressions: regions, hidden };
}

/** The parse and the shared analysis every rule reads. */
function analyseText(text: string, brand: Brand, options: CheckOptions, prose = options.prose ?? parseProse): Analysis {
  const doc = prose(text);
  const channel = options.channel ?? resolveChannel(brand, doc.frontMatter, options.path);
  return analyse(doc, brand, matchIndexFor(brand), channel, documentDate(doc.frontMatter, options.today));
}

/** The result for a document that was not checked: no findings, the reason, and the analysis of an empty document. */
function skippedCheck(brand: Brand, options: CheckOptions, skipped: string): DetailedCheck {
  const analysis = analyseText('', brand, options, parseProse);
  return { result: { findings: [], channel: analysis.channel, suppressed: 0, failures: [], skipped }, analysis, suppressions: [], hidden: [] };
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
