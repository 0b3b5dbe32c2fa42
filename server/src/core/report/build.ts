/**
 * The workspace report from per-document facts: the claims ledger, cross-document conflicts, the name
 * census, taglines and boilerplate in circulation, suppressions, brand-file health, summaries and score.
 * Pure and deterministic: the same documents, brand and `today` give the same report.
 */
import type { Brand, EntryBase } from '../brand/model';
import type { LoadedBrand } from '../brand/load';
import type { Severity } from '../types';
import { lineStarts, offsetToLineColumn } from '../text/positions';
import { approvedStatement } from '../claims/describe';
import { analyzeDocument, daysUntil, expiryStatus, type AnalyzeOptions, type DocumentFacts, type FigureStatement, type ReportDocument } from './facts';
import { claimCurrency, claimUnit, readableValue } from './numbers';
import { band, documentScore, meanScore } from './score';
import {
  REPORT_VERSION,
  type BoilerplateEntry,
  type BrandHealth,
  type CensusEntry,
  type ChannelSummary,
  type ClaimLedgerEntry,
  type ClaimUseStatus,
  type Conflict,
  type Counts,
  type DocumentSummary,
  type Location,
  type ReportFinding,
  type RuleSummary,
  type Spelling,
  type TaglineEntry,
  type WorkspaceReport,
} from './types';

export interface ReportOptions extends AnalyzeOptions {
  /** The brand file's path as the report should name it. */
  brandPath?: string;
  /** The brand file's text, for the line numbers of its entries. */
  brandText?: string;
}

export const CROSS_DOC_RULE = 'claim.cross-doc';

/** Checks every document and builds the report. Documents may come in any order. */
export function buildReport(documents: readonly ReportDocument[], brand: LoadedBrand, options: ReportOptions): WorkspaceReport {
  return assembleReport(
    documents.map((d) => analyzeDocument(d, brand.brand, options)),
    brand,
    options,
  );
}

/** The report from facts already computed with analyzeDocument (against the same brand). */
export function assembleReport(facts: readonly DocumentFacts[], loaded: LoadedBrand, options: ReportOptions): WorkspaceReport {
  const brand = loaded.brand;
  const docs = [...facts].sort((a, b) => compare(a.path, b.path));
  const brandLine = brandLiner(options.brandText);
  const conflicts = options.severity?.[CROSS_DOC_RULE] === 'off' ? [] : findConflicts(docs, brand);
  const crossDoc = crossDocFindings(conflicts, brand, (options.severity?.[CROSS_DOC_RULE] as Severity | undefined) ?? 'warning');
  const scored: Scored[] = docs.map((d) => {
    const findings = [...d.findings, ...(crossDoc.get(d.path) ?? [])].sort(byLocation);
    const counts = countBySeverity(findings);
    const raw = documentScore(d.words, counts);
    return { summary: { path: d.path, channel: d.channel, date: d.date, words: d.words, counts, suppressed: d.suppressed, score: Math.round(raw), findings, failures: d.failures }, raw };
  });
  const documents = scored.map((s) => s.summary);
  const value = meanScore(scored.map((s) => s.raw));
  const nameCensus = census(docs, brand);
  const counts = sumCounts(documents.map((d) => d.counts));
  const report: WorkspaceReport = {
    version: REPORT_VERSION,
    today: options.today,
    ...(options.brandPath !== undefined ? { brandFile: options.brandPath } : {}),
    ...(brand.company ? { company: brand.company.name } : {}),
    totals: {
      documents: documents.length,
      words: documents.reduce((n, d) => n + d.words, 0),
      findings: counts.error + counts.warning + counts.info,
      ...counts,
      suppressed: documents.reduce((n, d) => n + d.suppressed, 0),
      conflicts: conflicts.length,
      failures: documents.reduce((n, d) => n + d.failures.length, 0),
    },
    score: { value, band: band(value) },
    channels: channelSummaries(scored),
    rules: ruleSummaries(documents),
    documents,
    claims: ledger(docs, brand, options.today, brandLine),
    conflicts,
    census: nameCensus,
    taglines: taglines(docs, brand),
    boilerplate: boilerplate(docs, brand),
    suppressions: docs.flatMap((d) => d.suppressions),
    health: health(loaded, options.today, docs, nameCensus, brandLine),
  };
  return report;
}

/**
 * A document's summary and its unrounded score, which the means take: kept beside the summary, not in it,
 * so that the summary goes into the report as it is, not copied to leave the score out.
 */
interface Scored {
  summary: DocumentSummary;
  raw: number;
}

/** The approved statement; for a ranking, its first approved wording ("ranked No. 1 for …"). */
function approvedText(claim: Brand['claims'][number]): string {
  return claim.kind === 'ranking' && claim.approvedWordings.length > 0 ? claim.approvedWordings[0] : approvedStatement(claim);
}

/** Appends to the list under `key` (a copy per append would make grouping 10,000 documents quadratic). */
function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function byPlace(a: Location, b: Location): number {
  return compare(a.path, b.path) || a.line - b.line || a.column - b.column;
}

function byLocation(a: { location: Location }, b: { location: Location }): number {
  return byPlace(a.location, b.location);
}

function countBySeverity(findings: readonly ReportFinding[]): Counts {
  const counts: Counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

function sumCounts(list: readonly Counts[]): Counts {
  return list.reduce((a, c) => ({ error: a.error + c.error, warning: a.warning + c.warning, info: a.info + c.info }), { error: 0, warning: 0, info: 0 });
}

type BrandLiner = (span: { start: number } | undefined) => number | null;

function brandLiner(text: string | undefined): BrandLiner {
  if (text === undefined) return () => null;
  const starts = lineStarts(text);
  return (span) => (span ? offsetToLineColumn(starts, span.start).line : null);
}

/** Values equal to twelve significant digits are the same figure, however they were written. */
function valueKey(value: number): string {
  return String(Number(value.toPrecision(12)));
}

/**
 * `claim.cross-doc`: figures for one subject (an approved claim, or the same noun phrase, unit and
 * currency) that differ between documents. Figures within one document may differ (a story's "from eight
 * days to three"); only two documents stating different values make a conflict.
 */
function findConflicts(docs: readonly DocumentFacts[], brand: Brand): Conflict[] {
  // Each statement with its document's path beside it, not spread into a copy (slow for 7,000 figures).
  const groups = new Map<string, Array<{ statement: FigureStatement; path: string }>>();
  for (const d of docs) {
    for (const s of d.figures) {
      if (s.suppressed) continue;
      const key = s.claim ? `claim\u0000${s.claim}` : `${s.unit}\u0000${s.currency ?? ''}\u0000${s.subject}`;
      pushTo(groups, key, { statement: s, path: d.path });
    }
  }
  const out: Conflict[] = [];
  for (const statements of groups.values()) {
    const byValue = new Map<string, typeof statements>();
    for (const s of statements) pushTo(byValue, valueKey(s.statement.value), s);
    if (byValue.size < 2) continue;
    const lists = [...byValue.values()];
    // Two values disagree when some document states one and another document the other: that fails only
    // when both are stated in one and the same document alone.
    const paths = lists.map((list) => new Set(list.map((s) => s.path)));
    const only = (set: Set<string>): string | undefined => (set.size === 1 ? set.values().next().value : undefined);
    const disagree = paths.some((a, i) => paths.some((b, j) => j > i && (only(a) === undefined || only(a) !== only(b))));
    if (!disagree) continue;
    const first = statements[0].statement;
    const claim = first.claim ? brand.claims.find((c) => c.id === first.claim) : undefined;
    out.push({
      claim: claim?.id ?? null,
      subject: claim?.subject ?? first.subject,
      unit: claim ? claimUnit(claim) : first.unit,
      currency: claim ? claimCurrency(claim) ?? null : first.currency,
      approved: claim ? approvedText(claim) : null,
      values: lists
        .map((list) => list.map((s) => s.statement))
        .map((list) => ({
          value: list[0].value,
          display: readableValue(list[0].value, list[0].unit, list[0].currency ?? undefined),
          statements: list.map((s) => ({ location: s.location, written: s.written, wording: s.wording })).sort(byLocation),
        }))
        .sort((a, b) => b.value - a.value),
    });
  }
  return out.sort((a, b) => compare(a.subject.toLowerCase(), b.subject.toLowerCase()) || compare(a.claim ?? '', b.claim ?? ''));
}

/**
 * One finding on each statement of a conflict, in its document, naming what the others say: which figure
 * is right is for a person to decide.
 */
function crossDocFindings(conflicts: readonly Conflict[], brand: Brand, severity: Severity): Map<string, ReportFinding[]> {
  const approvedValues = new Set(brand.claims.filter((c) => c.value !== undefined).map((c) => c.id));
  const out = new Map<string, ReportFinding[]>();
  for (const c of conflicts) {
    // A claim's use that differs from its approved value already has its finding (overstated, understated,
    // fact); one that agrees with it is right. Only figures no approved value settles are flagged here.
    if (c.claim !== null && approvedValues.has(c.claim)) continue;
    const approved = c.approved ? ` The brand file approves ${c.approved}.` : '';
    // Each value described once, not once per other value: a conflict can have dozens of values.
    const described = c.values.map(describeFigure);
    for (const [i, v] of c.values.entries()) {
      const others = otherFigures(c.values, described, i);
      for (const s of v.statements) {
        const finding: ReportFinding = {
          rule: CROSS_DOC_RULE,
          severity,
          message: `'${s.written}' ${c.subject} here; other documents say ${others}.${approved} Make them agree.`,
          location: s.location,
          text: s.written,
        };
        pushTo(out, s.location.path, finding);
      }
    }
  }
  return out;
}

/**
 * How many other figures a cross-document finding names, and how many places for each: the report's
 * "Where documents disagree" lists every one. Naming them all made a message of 16,000 characters in a
 * workspace of 10,000 documents, unreadable in the Problems panel and most of the report's size.
 */
const NAMED_FIGURES = 4;
const NAMED_PLACES = 3;

/** "7 million (a.md:17, b.md:15, c.md:12 and 2 more)". */
function describeFigure(value: Conflict['values'][number]): string {
  const places = value.statements.map((s) => `${s.location.path}:${s.location.line}`);
  const more = places.length > NAMED_PLACES ? ` and ${places.length - NAMED_PLACES} more` : '';
  return `${value.display} (${places.slice(0, NAMED_PLACES).join(', ')}${more})`;
}

/**
 * The figures other than values[i], as describeFigure gave them, in the conflict's order; past
 * NAMED_FIGURES, the figures stated in the most places are named and the rest counted.
 */
function otherFigures(values: Conflict['values'], described: readonly string[], i: number): string {
  const others = values.map((_, j) => j).filter((j) => j !== i);
  if (others.length <= NAMED_FIGURES) return others.map((j) => described[j]).join('; ');
  const named = new Set([...others].sort((a, b) => values[b].statements.length - values[a].statements.length).slice(0, NAMED_FIGURES));
  const unnamed = others.filter((j) => !named.has(j));
  const places = unnamed.reduce((n, j) => n + values[j].statements.length, 0);
  const list = others.filter((j) => named.has(j)).map((j) => described[j]);
  return `${list.join('; ')}; and ${unnamed.length} other ${unnamed.length === 1 ? 'figure' : 'figures'} in ${places} ${places === 1 ? 'place' : 'places'}`;
}

function channelSummaries(documents: readonly Scored[]): ChannelSummary[] {
  const by = new Map<string | null, Scored[]>();
  for (const d of documents) pushTo(by, d.summary.channel, d);
  return [...by]
    .map(([channel, list]) => ({
      channel,
      documents: list.length,
      words: list.reduce((n, d) => n + d.summary.words, 0),
      counts: sumCounts(list.map((d) => d.summary.counts)),
      score: meanScore(list.map((d) => d.raw)),
    }))
    .sort((a, b) => (a.channel === null ? 1 : b.channel === null ? -1 : compare(a.channel, b.channel)));
}

function ruleSummaries(documents: readonly DocumentSummary[]): RuleSummary[] {
  const by = new Map<string, { counts: Counts; docs: Set<string> }>();
  for (const d of documents) {
    for (const f of d.findings) {
      const row = by.get(f.rule) ?? { counts: { error: 0, warning: 0, info: 0 }, docs: new Set<string>() };
      row.counts[f.severity]++;
      row.docs.add(d.path);
      by.set(f.rule, row);
    }
  }
  const total = (c: Counts): number => c.error + c.warning + c.info;
  return [...by]
    .map(([rule, row]) => ({ rule, counts: row.counts, documents: row.docs.size }))
    .sort((a, b) => total(b.counts) - total(a.counts) || compare(a.rule, b.rule));
}

function ledger(docs: readonly DocumentFacts[], brand: Brand, today: string, line: BrandLiner): ClaimLedgerEntry[] {
  return brand.claims
    .filter((c) => c.status === 'current')
    .map((claim) => {
      const uses = docs
        .flatMap((d) => d.claimUses.filter((u) => u.claim === claim.id))
        .map(({ claim: _claim, ...u }) => u)
        .sort(byLocation);
      const statuses: Partial<Record<ClaimUseStatus, number>> = {};
      for (const u of uses) statuses[u.status] = (statuses[u.status] ?? 0) + 1;
      return {
        id: claim.id,
        kind: claim.kind,
        subject: claim.subject,
        approved: approvedText(claim),
        value: claim.value ?? null,
        unit: claim.unit ?? null,
        qualifier: claim.qualifier,
        approvedWordings: claim.approvedWordings,
        asOf: claim.asOf ?? null,
        validUntil: claim.validUntil ?? null,
        state: expiryStatus(claim, today) ?? 'current',
        owner: claim.owner ?? null,
        source: claim.source ?? null,
        line: line(claim.span),
        uses,
        statuses,
      };
    });
}

const KIND_ORDER: Record<CensusEntry['kind'], number> = { company: 0, name: 1, term: 2, person: 3 };

/** One spelling of a census entry while the documents are read. */
interface SpellingTally {
  text: string;
  status: Spelling['status'];
  count: number;
  flagged: number;
  documents: number;
  /** The last document counted in `documents`. */
  lastPath: string | undefined;
  locations: Location[];
}

interface CensusTally {
  kind: CensusEntry['kind'];
  id: string;
  /** Keyed by text, then status. */
  byText: Map<string, Map<string, SpellingTally>>;
  /** In order of first appearance, which breaks ties in the sort below. */
  spellings: SpellingTally[];
}

function census(docs: readonly DocumentFacts[], brand: Brand): CensusEntry[] {
  // Nested maps rather than a map keyed by joined strings: a large workspace has 100,000 spellings, and a
  // joined key is a string built and hashed for each.
  const byKind = new Map<string, Map<string, CensusTally>>();
  const entries: CensusTally[] = [];
  for (const d of docs) {
    for (const s of d.spellings) {
      const entry = inner(byKind, s.kind).get(s.id) ?? addEntry(byKind, entries, s.kind, s.id);
      const spelling = inner(entry.byText, s.text).get(s.status) ?? addSpelling(entry, s.text, s.status);
      spelling.count++;
      if (s.flagged) spelling.flagged++;
      // The documents come sorted by path, so one path's spellings come together: counting the changes of
      // path counts the distinct paths.
      if (spelling.lastPath !== d.path) {
        spelling.documents++;
        spelling.lastPath = d.path;
      }
      spelling.locations.push(s.location);
    }
  }
  const order = brandOrder(brand);
  return entries
    .map((e) => {
      const spellings: Spelling[] = e.spellings
        .map((s) => ({ text: s.text, status: s.status, count: s.count, flagged: s.flagged, documents: s.documents, locations: s.locations.sort(byPlace) }))
        .sort((a, b) => b.count - a.count || compare(a.text, b.text));
      const info = entryInfo(brand, e.kind, e.id);
      return { kind: e.kind, id: e.id, label: info.label, nameKind: info.nameKind, total: spellings.reduce((n, s) => n + s.count, 0), spellings };
    })
    .sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || (order.get(`${a.kind}:${a.id}`) ?? 0) - (order.get(`${b.kind}:${b.id}`) ?? 0));
}

/** The map under `key`, made empty on first use. */
function inner<V>(map: Map<string, Map<string, V>>, key: string): Map<string, V> {
  let found = map.get(key);
  if (!found) map.set(key, (found = new Map()));
  return found;
}

function addEntry(byKind: Map<string, Map<string, CensusTally>>, entries: CensusTally[], kind: CensusEntry['kind'], id: string): CensusTally {
  const entry: CensusTally = { kind, id, byText: new Map(), spellings: [] };
  inner(byKind, kind).set(id, entry);
  entries.push(entry);
  return entry;
}

function addSpelling(entry: CensusTally, text: string, status: Spelling['status']): SpellingTally {
  const spelling: SpellingTally = { text, status, count: 0, flagged: 0, documents: 0, lastPath: undefined, locations: [] };
  inner(entry.byText, text).set(status, spelling);
  entry.spellings.push(spelling);
  return spelling;
}

function brandOrder(brand: Brand): Map<string, number> {
  const order = new Map<string, number>();
  brand.names.forEach((n, i) => order.set(`name:${n.id}`, i));
  brand.terms.forEach((t, i) => order.set(`term:${t.id}`, i));
  brand.people.forEach((p, i) => order.set(`person:${p.id}`, i));
  return order;
}

function entryInfo(brand: Brand, kind: CensusEntry['kind'], id: string): { label: string; nameKind: string | null } {
  if (kind === 'company') return { label: brand.company?.name ?? id, nameKind: null };
  if (kind === 'name') {
    const n = brand.names.find((x) => x.id === id);
    return { label: n?.name ?? id, nameKind: n?.kind ?? null };
  }
  if (kind === 'term') return { label: brand.terms.find((t) => t.id === id)?.preferred ?? id, nameKind: null };
  return { label: brand.people.find((p) => p.id === id)?.name ?? id, nameKind: null };
}

function taglines(docs: readonly DocumentFacts[], brand: Brand): TaglineEntry[] {
  return brand.taglines.map((t) => {
    const versions = new Map<string, TaglineEntry['versions'][number]>();
    for (const d of docs) {
      for (const u of d.taglines.filter((x) => x.id === t.id)) {
        const text = u.text.replace(/\s+/g, ' ').trim();
        const key = `${text}\u0000${u.form}`;
        const v = versions.get(key) ?? { text, exact: u.exact, form: u.form, count: 0, locations: [] };
        v.count++;
        v.locations.push(u.location);
        versions.set(key, v);
      }
    }
    return {
      id: t.id,
      text: t.text,
      status: t.status,
      versions: [...versions.values()].map((v) => ({ ...v, locations: v.locations.sort(byPlace) })).sort((a, b) => b.count - a.count || compare(a.text, b.text)),
    };
  });
}

function boilerplate(docs: readonly DocumentFacts[], brand: Brand): BoilerplateEntry[] {
  return brand.boilerplate.map((entry) => {
    const versions = new Map<string, BoilerplateEntry['versions'][number]>();
    for (const d of docs) {
      for (const u of d.boilerplate.filter((x) => x.id === entry.id)) {
        const v = versions.get(u.text) ?? { current: u.current, text: u.text, locations: [] };
        v.locations.push(u.location);
        versions.set(u.text, v);
      }
    }
    return {
      id: entry.id,
      heading: entry.heading,
      version: entry.version ?? null,
      versions: [...versions.values()].sort((a, b) => Number(b.current) - Number(a.current) || b.locations.length - a.locations.length || compare(a.text, b.text)),
      missingIn: docs.filter((d) => d.boilerplateMissing.includes(entry.id)).map((d) => d.path),
    };
  });
}

function health(loaded: LoadedBrand, today: string, docs: readonly DocumentFacts[], nameCensus: readonly CensusEntry[], line: BrandLiner): BrandHealth {
  const brand = loaded.brand;
  const lastReviewed = typeof brand.meta.last_reviewed === 'string' ? brand.meta.last_reviewed : null;
  const every = typeof brand.meta.review_every_days === 'number' && brand.meta.review_every_days > 0 ? brand.meta.review_every_days : null;
  const due = lastReviewed && every !== null && !Number.isNaN(Date.parse(lastReviewed)) ? new Date(Date.parse(lastReviewed) + every * 86400000).toISOString().slice(0, 10) : null;
  const claims: BrandHealth['claims'] = [];
  for (const c of brand.claims.filter((x) => x.status === 'current')) {
    const state = expiryStatus(c, today);
    if (state && c.validUntil) claims.push({ id: c.id, subject: c.subject, validUntil: c.validUntil, state, days: daysUntil(today, c.validUntil) ?? 0, line: line(c.span) });
  }
  // The census has an entry for each name, term and person spelled anywhere: read from it, not again from
  // every spelling of every document.
  const spelled = new Set(nameCensus.map((e) => `${e.kind}:${e.id}`));
  const claimed = new Set(docs.flatMap((d) => d.claimUses.map((u) => u.claim)));
  const taglined = new Set(docs.flatMap((d) => d.taglines.map((t) => t.id)));
  const boilerplated = new Set(docs.flatMap((d) => d.boilerplate.map((b) => b.id)));
  const unused: BrandHealth['unused'] = [];
  const add = (section: BrandHealth['unused'][number]['section'], entry: EntryBase, label: string): void => {
    unused.push({ section, id: entry.id, label, line: line(entry.span) });
  };
  for (const n of brand.names) if (!spelled.has(`name:${n.id}`)) add('names', n, n.name);
  for (const t of brand.terms) if (t.status !== 'proposed' && !spelled.has(`term:${t.id}`)) add('terms', t, t.preferred);
  for (const c of brand.claims) if (c.status === 'current' && !claimed.has(c.id)) add('claims', c, c.subject);
  for (const p of brand.people) if (!spelled.has(`person:${p.id}`)) add('people', p, p.name);
  for (const t of brand.taglines) if (!taglined.has(t.id)) add('taglines', t, t.text);
  for (const b of brand.boilerplate) if (!boilerplated.has(b.id)) add('boilerplate', b, b.heading);
  const proposed: BrandHealth['proposed'] = [
    ...brand.claims.filter((c) => c.status === 'proposed').map((c) => ({ section: 'claims' as const, id: c.id, label: c.subject, line: line(c.span) })),
    ...brand.terms.filter((t) => t.status === 'proposed').map((t) => ({ section: 'terms' as const, id: t.id, label: t.preferred, line: line(t.span) })),
  ];
  return {
    lastReviewed,
    reviewEveryDays: every,
    reviewDue: due,
    reviewOverdue: due !== null && today > due,
    problems: loaded.problems.map((p) => ({ code: p.code, severity: p.severity, message: p.message, line: line({ start: p.start }) })),
    claims,
    unused,
    proposed,
  };
}
