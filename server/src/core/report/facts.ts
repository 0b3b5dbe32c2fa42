/**
 * What the workspace report needs to know about one document, computed from the same analysis as its
 * check: the findings, the claim uses and other figures, every brand form as spelled, the taglines and
 * boilerplate found, and the suppression comments. Facts hold locations, not offsets, so a host may keep
 * them per document and assemble a report later without the text.
 */
import type { Brand, Claim } from '../brand/model';
import type { Finding, Severity } from '../types';
import { checkInDetail } from '../check';
import { contextFor, type Analysis, type RuleContext } from '../context';
import { documentFigures, SAMPLE, type ClaimUse as EngineClaimUse } from '../claims/uses';
import type { Figure, FigureUnit } from '../claims/numbers';
import { isAboutUs } from '../match/about';
import { nearMatches } from '../messages/near';
import { boilerplateUses, isPresent } from '../messages/boilerplate';
import { isSuppressed, type Suppression } from '../markdown/suppress';
import { sourceEnd, sourceStart, type ProseBlock } from '../markdown/prose';
import { lineIndexAt, lineStarts, offsetToLineColumn } from '../text/positions';
import { normalizeText } from '../text/normalize';
import type { Role } from '../match/index-builder';
import { figureSubject } from './subjects';
import { describeFigure } from './numbers';
import type { ClaimUseStatus, Location, ReportFinding, SpellingStatus, SuppressionEntry } from './types';

/** A Markdown document of the workspace. */
export interface ReportDocument {
  /** The path shown in the report and used in its links (forward slashes). */
  path: string;
  text: string;
  /** The path relative to the brand file's folder, for channel path globs; `path` when absent. */
  brandRelativePath?: string;
}

export interface AnalyzeOptions {
  /** YYYY-MM-DD: the date for documents without a front-matter `date`. */
  today: string;
  /** Per-rule severity or 'off', as for check(); `claim.cross-doc` included. */
  severity?: Readonly<Record<string, Severity | 'off'>>;
}

/** A figure stated in a document: a claim use, or a figure about us with a subject. */
export interface FigureStatement {
  /** The approved claim's id; null for a figure no claim covers. */
  claim: string | null;
  subject: string;
  unit: FigureUnit;
  currency: string | null;
  value: number;
  written: string;
  wording: string;
  location: Location;
  /** A `claim.cross-doc` suppression covers it: it takes no part in conflicts. */
  suppressed: boolean;
}

export interface ClaimUseFact {
  claim: string;
  location: Location;
  written: string;
  implied: string;
  value: number | null;
  qualifier: Claim['qualifier'] | null;
  wording: string;
  status: ClaimUseStatus;
  issues: string[];
  suppressed: boolean;
  judgedAt: string;
}

export interface SpellingFact {
  kind: 'company' | 'name' | 'term' | 'person';
  id: string;
  text: string;
  status: SpellingStatus;
  /** A name, term or person rule flagged this occurrence (a deprecated form may be fine in context). */
  flagged: boolean;
  location: Location;
}

export interface DocumentFacts {
  path: string;
  channel: string | null;
  date: string | null;
  /** The date the document was judged at: its `date`, else today. */
  judgedAt: string;
  words: number;
  findings: ReportFinding[];
  suppressed: number;
  failures: Array<{ rule: string; message: string }>;
  claimUses: ClaimUseFact[];
  figures: FigureStatement[];
  spellings: SpellingFact[];
  taglines: Array<{ id: string; text: string; exact: boolean; form: 'tagline' | 'short-form' | 'retired'; location: Location }>;
  boilerplate: Array<{ id: string; current: boolean; text: string; location: Location }>;
  /** Boilerplate ids the document's channel requires and the document lacks. */
  boilerplateMissing: string[];
  suppressions: SuppressionEntry[];
}

const DAY = 24 * 60 * 60 * 1000;
const EXPIRY_WARN_DAYS = 30;
const CLAIM_FLAGS = new Set(['claim.context', 'claim.framing', 'claim.ranking', 'claim.disclosure']);

/** Checks one document and collects its facts for the report. */
export function analyzeDocument(document: ReportDocument, brand: Brand, options: AnalyzeOptions): DocumentFacts {
  const { text } = document;
  const detail = checkInDetail(text, brand, { path: document.brandRelativePath ?? document.path, today: options.today, severity: options.severity });
  const { analysis, result } = detail;
  const ctx = contextFor(analysis, 'claim.cross-doc', 'warning', []);
  const at = locator(document.path, text);
  const blockLocation = (block: number, start: number, end: number): Location => {
    const b = analysis.blocks[block].block;
    return at(sourceStart(b, start), sourceEnd(b, end));
  };
  const findings = result.findings.map((f) => reportFinding(f, text, at));
  const claimUses = collectClaimUses(ctx, analysis, result.findings, detail.hidden, blockLocation, at);
  const figures = collectFigures(ctx, analysis, detail.suppressions, blockLocation);
  return {
    path: document.path,
    channel: result.channel ?? null,
    date: frontMatterDate(analysis.doc.frontMatter),
    judgedAt: analysis.date,
    words: analysis.blocks.reduce((n, b) => n + b.tokens.filter((t) => t.kind === 'word').length, 0),
    findings,
    suppressed: result.suppressed,
    failures: result.failures,
    claimUses,
    figures,
    spellings: collectSpellings(analysis, result.findings, blockLocation, text, at),
    taglines: nearMatches(ctx)
      .filter((m) => m.phrase.tagline && m.phrase.kind !== 'message')
      .map((m) => ({
        id: m.phrase.tagline!.id,
        text: analysis.blocks[m.block].block.text.slice(m.start, m.end),
        exact: m.exact,
        form: m.phrase.kind as 'tagline' | 'short-form' | 'retired',
        location: blockLocation(m.block, m.start, m.end),
      })),
    ...collectBoilerplate(ctx, analysis, at),
    suppressions: collectSuppressions(analysis, detail.suppressions, detail.hidden, text, at),
  };
}

type Locator = (start: number, end: number) => Location;
type BlockLocator = (block: number, start: number, end: number) => Location;

function locator(path: string, text: string): Locator {
  const starts = lineStarts(text);
  return (start, end) => {
    const a = offsetToLineColumn(starts, start);
    const b = offsetToLineColumn(starts, end);
    return { path, line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
  };
}

function reportFinding(f: Finding, text: string, at: Locator): ReportFinding {
  return { rule: f.rule, severity: f.severity, message: f.message, location: at(f.start, f.end), text: clip(text.slice(f.start, f.end), 120) };
}

export function clip(s: string, max: number): string {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : flat.slice(0, max - 1).trimEnd() + '…';
}

function frontMatterDate(frontMatter: Record<string, unknown>): string | null {
  const raw = frontMatter.date;
  const date = raw instanceof Date ? raw.toISOString().slice(0, 10) : typeof raw === 'string' ? raw.trim().slice(0, 10) : '';
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : null;
}

function sentenceText(analysis: Analysis, block: number, start: number, end: number): string {
  return clip(analysis.blocks[block].block.text.slice(start, end).replace(/\uFFFC/g, '…'), 240);
}

function overlaps(f: Finding, start: number, end: number): boolean {
  return f.start < end && start < f.end;
}

function collectClaimUses(ctx: RuleContext, analysis: Analysis, kept: Finding[], hidden: Finding[], at: BlockLocator, whole: Locator): ClaimUseFact[] {
  const out: ClaimUseFact[] = [];
  const covered: Array<{ block: number; start: number; end: number }> = [];
  const claimFindings = (list: Finding[], claim: string, start: number, end: number): Finding[] =>
    list.filter((f) => f.rule.startsWith('claim.') && f.entryId === claim && overlaps(f, start, end));
  for (const use of documentFigures(ctx).uses) {
    const block = analysis.blocks[use.block].block;
    const s = sourceStart(block, use.sentence.start);
    const e = sourceEnd(block, use.sentence.end);
    const issues = unique(claimFindings(kept, use.claim.id, s, e).map((f) => f.rule));
    covered.push({ block: use.block, start: use.sentence.start, end: use.sentence.end });
    out.push({
      claim: use.claim.id,
      location: at(use.block, use.figure.start, use.figure.end),
      written: block.text.slice(use.figure.start, use.figure.end),
      implied: describeFigure(use.figure),
      value: use.figure.value,
      qualifier: use.figure.qualifier,
      wording: sentenceText(analysis, use.block, use.sentence.start, use.sentence.end),
      status: useStatus(use, issues, analysis.date),
      issues,
      suppressed: claimFindings(hidden, use.claim.id, s, e).length > 0,
      judgedAt: analysis.date,
    });
  }
  // Claims without a figure (rankings) are used through their approved wordings, or flagged by a rule.
  const current = analysis.brand.claims.filter((c) => c.status === 'current');
  analysis.blocks.forEach((b, block) => {
    for (const sentence of b.sentences) {
      if (covered.some((c) => c.block === block && c.start === sentence.start)) continue;
      const normalized = normalizeText(b.block.text.slice(sentence.start, sentence.end));
      for (const claim of current) {
        const wording = claim.approvedWordings.find((w) => normalized.includes(normalizeText(w)));
        if (!wording) continue;
        const s = sourceStart(b.block, sentence.start);
        const e = sourceEnd(b.block, sentence.end);
        const issues = unique(claimFindings(kept, claim.id, s, e).map((f) => f.rule));
        const found = b.block.text.toLowerCase().indexOf(wording.toLowerCase(), sentence.start);
        const [ws, we] = found >= 0 && found < sentence.end ? [found, found + wording.length] : [sentence.start, sentence.end];
        covered.push({ block, start: sentence.start, end: sentence.end });
        out.push({
          claim: claim.id,
          location: at(block, ws, we),
          written: clip(b.block.text.slice(ws, we), 120),
          implied: 'approved wording',
          value: null,
          qualifier: null,
          wording: sentenceText(analysis, block, sentence.start, sentence.end),
          status: issues.length ? 'flagged' : expiryStatus(claim, analysis.date) ?? 'ok',
          issues,
          suppressed: claimFindings(hidden, claim.id, s, e).length > 0,
          judgedAt: analysis.date,
        });
      }
    }
  });
  // A claim rule's finding that no use above accounts for ("the No. 1 platform" without attribution).
  const accounted = (f: Finding): boolean => out.some((u) => u.claim === f.entryId && u.issues.includes(f.rule) && u.location.line === lineOf(analysis, f.start));
  for (const f of kept) {
    if (!CLAIM_FLAGS.has(f.rule) || !f.entryId || !current.some((c) => c.id === f.entryId) || accounted(f)) continue;
    const location = whole(f.start, f.end);
    out.push({
      claim: f.entryId,
      location,
      written: clip(analysis.doc.source.slice(f.start, f.end), 120),
      implied: '',
      value: null,
      qualifier: null,
      wording: clip(lineText(analysis, f.start), 240),
      status: 'flagged',
      issues: [f.rule],
      suppressed: false,
      judgedAt: analysis.date,
    });
  }
  return out.sort((a, b) => a.location.line - b.location.line || a.location.column - b.location.column);
}

function lineOf(analysis: Analysis, offset: number): number {
  return lineIndexAt(lineStarts(analysis.doc.source), offset) + 1;
}

function lineText(analysis: Analysis, offset: number): string {
  const starts = lineStarts(analysis.doc.source);
  const i = lineIndexAt(starts, offset);
  return analysis.doc.source.slice(starts[i], starts[i + 1] ?? analysis.doc.source.length);
}

function useStatus(use: EngineClaimUse, issues: string[], date: string): ClaimUseStatus {
  if (!use.approvedWording && use.relation !== 'equal') return use.relation;
  const expiry = expiryStatus(use.claim, date);
  if (expiry) return expiry;
  return issues.some((r) => CLAIM_FLAGS.has(r)) ? 'flagged' : 'ok';
}

/** 'expired' past `valid_until`, 'expiring' within 30 days of it, at `date`. */
export function expiryStatus(claim: Claim, date: string): 'expired' | 'expiring' | undefined {
  const days = daysUntil(date, claim.validUntil);
  if (days === undefined) return undefined;
  return days < 0 ? 'expired' : days <= EXPIRY_WARN_DAYS ? 'expiring' : undefined;
}

export function daysUntil(from: string, to: string | undefined): number | undefined {
  if (!to || Number.isNaN(Date.parse(to)) || Number.isNaN(Date.parse(from))) return undefined;
  return Math.round((Date.parse(to) - Date.parse(from)) / DAY);
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)].sort();
}

/** Claim uses with a figure, and figures about us whose subject can be named: what conflicts are made of. */
function collectFigures(ctx: RuleContext, analysis: Analysis, regions: Suppression[], at: BlockLocator): FigureStatement[] {
  const { uses, figures } = documentFigures(ctx);
  const out: FigureStatement[] = [];
  const statement = (block: number, figure: Figure, claim: Claim | undefined, subject: string): FigureStatement => {
    const b = analysis.blocks[block].block;
    const sentence = ctx.sentenceAt(block, figure.numberStart);
    return {
      claim: claim?.id ?? null,
      subject,
      unit: figure.unit,
      currency: figure.currency ?? null,
      value: figure.value,
      written: b.text.slice(figure.start, figure.end),
      wording: sentenceText(analysis, block, sentence.start, sentence.end),
      location: at(block, figure.start, figure.end),
      suppressed: isSuppressed(regions, 'claim.cross-doc', sourceStart(b, figure.start)),
    };
  };
  for (const use of uses) out.push(statement(use.block, use.figure, use.claim, use.claim.subject));
  for (const { block, figure } of figures) {
    if (uses.some((u) => u.block === block && u.figure.numberStart === figure.numberStart)) continue;
    const text = analysis.blocks[block].block.text;
    const subject = figureSubject(text, figure);
    if (!subject) continue;
    if (SAMPLE.test(text.slice(Math.max(0, figure.start - 40), figure.start).split(/\s+/).slice(-4).join(' '))) continue;
    const scope = ctx.scope(block, figure.start);
    if (scope.quote && !scope.ownQuote) continue;
    const sentence = ctx.sentenceAt(block, figure.numberStart);
    const ours = isAboutUs(ctx, block, sentence, { start: figure.start, end: figure.end }, ['company', 'names']) || /\b(?:we|our|us)\b/i.test(text.slice(sentence.start, sentence.end));
    if (!ours || aboutCompetitor(analysis, block, sentence)) continue;
    out.push(statement(block, figure, undefined, subject));
  }
  return out;
}

function aboutCompetitor(analysis: Analysis, block: number, sentence: { start: number; end: number }): boolean {
  return analysis.mentions.some((m) => m.block === block && m.start >= sentence.start && m.end <= sentence.end && m.roles.some((r) => r.kind === 'name' && r.name.kind === 'competitor'));
}

const SPELLING_RULES = /^(?:name|term|person)\./;

const FORM_STATUS: Record<string, SpellingStatus> = {
  name: 'approved',
  short: 'approved',
  legal: 'approved',
  first: 'approved',
  full: 'approved',
  preferred: 'approved',
  admitted: 'admitted',
  deprecated: 'deprecated',
  retired: 'retired',
  forbidden: 'variant',
  plural: 'variant',
};

/** The census entry a role belongs to, or undefined for roles the census does not count. */
function censusKey(role: Role, brand: Brand): { kind: SpellingFact['kind']; id: string; caseSensitive: boolean } | undefined {
  switch (role.kind) {
    case 'company':
      return { kind: 'company', id: brand.company?.id ?? 'company', caseSensitive: false };
    case 'name':
      return { kind: 'name', id: role.name.id, caseSensitive: role.name.caseSensitive };
    case 'term':
      return { kind: 'term', id: role.term.id, caseSensitive: role.term.caseSensitive };
    case 'person':
      // A first or last name alone is too often someone else's ("Maya Angelou").
      return role.form === 'full' ? { kind: 'person', id: role.person.id, caseSensitive: true } : undefined;
    default:
      return undefined;
  }
}

function collectSpellings(analysis: Analysis, kept: Finding[], at: BlockLocator, text: string, whole: Locator): SpellingFact[] {
  const out: SpellingFact[] = [];
  const seen = new Set<string>();
  for (const m of analysis.mentions) {
    const byEntry = new Map<string, { key: NonNullable<ReturnType<typeof censusKey>>; roles: Role[] }>();
    for (const role of m.roles) {
      const key = censusKey(role, analysis.brand);
      if (!key) continue;
      const k = `${key.kind}:${key.id}`;
      const entry = byEntry.get(k) ?? { key, roles: [] };
      entry.roles.push(role);
      byEntry.set(k, entry);
    }
    for (const { key, roles } of byEntry.values()) {
      const exact = roles.find((r) => r.text === m.surface);
      const folded = roles.find((r) => r.text.toLowerCase() === m.surface.toLowerCase());
      // A case-sensitive name written in other capitals is the ordinary word ("the general ledger").
      const role = exact ?? (key.caseSensitive ? undefined : folded);
      if (!role) continue;
      const form = 'form' in role ? role.form : 'name';
      const location = at(m.block, m.start, m.end);
      const b = analysis.blocks[m.block].block;
      const flagged = kept.some((f) => SPELLING_RULES.test(f.rule) && overlaps(f, sourceStart(b, m.start), sourceEnd(b, m.end)));
      seen.add(`${location.line}:${location.column}`);
      out.push({ kind: key.kind, id: key.id, text: exact ? m.surface : role.text, status: FORM_STATUS[form] ?? 'variant', flagged, location });
    }
  }
  // Misspellings the trie cannot know: near-miss names found by the rules.
  const entries = entryKinds(analysis.brand);
  for (const f of kept) {
    if (!f.entryId || !/^(?:person\.spelling|name\.variant|name\.company)$/.test(f.rule)) continue;
    const kind = entries.get(f.entryId);
    const location = whole(f.start, f.end);
    if (!kind || seen.has(`${location.line}:${location.column}`)) continue;
    seen.add(`${location.line}:${location.column}`);
    out.push({ kind, id: f.entryId, text: text.slice(f.start, f.end).replace(/\s+/g, ' '), status: 'variant', flagged: true, location });
  }
  return out;
}

function entryKinds(brand: Brand): Map<string, SpellingFact['kind']> {
  const kinds = new Map<string, SpellingFact['kind']>();
  for (const p of brand.people) kinds.set(p.id, 'person');
  for (const n of brand.names) kinds.set(n.id, 'name');
  if (brand.company) kinds.set(brand.company.id, 'company');
  return kinds;
}

function collectBoilerplate(ctx: RuleContext, analysis: Analysis, at: Locator): Pick<DocumentFacts, 'boilerplate' | 'boilerplateMissing'> {
  const boilerplate: DocumentFacts['boilerplate'] = [];
  const boilerplateMissing: string[] = [];
  for (const use of boilerplateUses(ctx)) {
    if (!isPresent(use)) {
      if (analysis.channel && use.entry.requiredIn.includes(analysis.channel)) boilerplateMissing.push(use.entry.id);
      continue;
    }
    if (use.paragraphs.length === 0) continue;
    const blocks: ProseBlock[] = use.paragraphs.map((p) => analysis.blocks[p.block].block);
    const first = use.paragraphs[0];
    const last = use.paragraphs[use.paragraphs.length - 1];
    boilerplate.push({
      id: use.entry.id,
      current: use.paragraphs.every((p) => p.current) && use.paragraphs.length >= use.parts.length,
      text: use.paragraphs.map((p) => p.text.replace(/\s+/g, ' ').trim()).join('\n\n'),
      location: at(sourceStart(blocks[0], first.start), sourceEnd(blocks[blocks.length - 1], last.end)),
    });
  }
  return { boilerplate, boilerplateMissing };
}

const DIRECTIVE = /^on-message-(disable-next-line|disable|enable)\b/;

function collectSuppressions(analysis: Analysis, regions: Suppression[], hidden: Finding[], text: string, at: Locator): SuppressionEntry[] {
  const starts = lineStarts(text);
  const byComment = new Map<number, Suppression[]>();
  for (const r of regions) byComment.set(r.comment.start, [...(byComment.get(r.comment.start) ?? []), r]);
  const out: SuppressionEntry[] = [];
  for (const group of byComment.values()) {
    const comment = group[0].comment;
    const kind = DIRECTIVE.exec(comment.body)?.[1] === 'disable-next-line' ? 'next-line' : 'region';
    const rules = group.some((r) => r.rules.length === 0) ? [] : unique(group.flatMap((r) => r.rules));
    const hid = hidden.filter((f) => group.some((r) => isSuppressed([r], f.rule, f.start)));
    const from = Math.min(...group.map((r) => r.start));
    const to = Math.max(...group.map((r) => r.end));
    const commentLine = lineIndexAt(starts, comment.start);
    const note = analysis.doc.comments.find((c) => !DIRECTIVE.test(c.body) && c.end <= comment.start && lineIndexAt(starts, c.end) >= commentLine - 1);
    out.push({
      location: at(comment.start, comment.end),
      kind,
      rules,
      fromLine: lineIndexAt(starts, from) + 1,
      toLine: lineIndexAt(starts, Math.max(from, to - 1)) + 1,
      hidden: hid.length,
      hiddenRules: unique(hid.map((f) => f.rule)),
      note: note ? clip(note.body, 240) : null,
    });
  }
  return out.sort((a, b) => a.location.line - b.location.line);
}
