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
  const documents: Array<DocumentSummary & { raw: number }> = docs.map((d) => {
    const findings = [...d.findings, ...(crossDoc.get(d.path) ?? [])].sort(byLocation);
    const counts = countBySeverity(findings);
    const raw = documentScore(d.words, counts);
    return { path: d.path, channel: d.channel, date: d.date, words: d.words, counts, suppressed: d.suppressed, score: Math.round(raw), findings, failures: d.failures, raw };
  });
  const value = meanScore(documents.map((d) => d.raw));
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
    channels: channelSummaries(documents),
    rules: ruleSummaries(documents),
    documents: documents.map(({ raw: _raw, ...d }) => d),
    claims: ledger(docs, brand, options.today, brandLine),
    conflicts,
    census: census(docs, brand),
    taglines: taglines(docs, brand),
    boilerplate: boilerplate(docs, brand),
    suppressions: docs.flatMap((d) => d.suppressions),
    health: health(loaded, options.today, docs, brandLine),
  };
  return report;
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
  const groups = new Map<string, Array<FigureStatement & { path: string }>>();
  for (const d of docs) {
    for (const s of d.figures) {
      if (s.suppressed) continue;
      const key = s.claim ? `claim\u0000${s.claim}` : `${s.unit}\u0000${s.currency ?? ''}\u0000${s.subject}`;
      pushTo(groups, key, { ...s, path: d.path });
    }
  }
  const out: Conflict[] = [];
  for (const statements of groups.values()) {
    const byValue = new Map<string, typeof statements>();
    for (const s of statements) pushTo(byValue, valueKey(s.value), s);
    if (byValue.size < 2) continue;
    const lists = [...byValue.values()];
    // Two values disagree when some document states one and another document the other: that fails only
    // when both are stated in one and the same document alone.
    const paths = lists.map((list) => new Set(list.map((s) => s.path)));
    const only = (set: Set<string>): string | undefined => (set.size === 1 ? set.values().next().value : undefined);
    const disagree = paths.some((a, i) => paths.some((b, j) => j > i && (only(a) === undefined || only(a) !== only(b))));
    if (!disagree) continue;
    const first = statements[0];
    const claim = first.claim ? brand.claims.find((c) => c.id === first.claim) : undefined;
    out.push({
      claim: claim?.id ?? null,
      subject: claim?.subject ?? first.subject,
      unit: claim ? claimUnit(claim) : first.unit,
      currency: claim ? claimCurrency(claim) ?? null : first.currency,
      approved: claim ? approvedText(claim) : null,
      values: lists
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
    for (const v of c.values) {
      const others = c.values
        .filter((o) => o !== v)
        .map((o) => `${o.display} (${o.statements.map((s) => `${s.location.path}:${s.location.line}`).join(', ')})`)
        .join('; ');
      // A claim's use that differs from its approved value already has its finding (overstated, understated,
      // fact); one that agrees with it is right. Only figures no approved value settles are flagged here.
      const claimed = c.claim !== null && approvedValues.has(c.claim);
      if (claimed) continue;
      for (const s of v.statements) {
        const approved = c.approved ? ` The brand file approves ${c.approved}.` : '';
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

function channelSummaries(documents: ReadonlyArray<DocumentSummary & { raw: number }>): ChannelSummary[] {
  const by = new Map<string | null, Array<DocumentSummary & { raw: number }>>();
  for (const d of documents) pushTo(by, d.channel, d);
  return [...by]
    .map(([channel, list]) => ({
      channel,
      documents: list.length,
      words: list.reduce((n, d) => n + d.words, 0),
      counts: sumCounts(list.map((d) => d.counts)),
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

function census(docs: readonly DocumentFacts[], brand: Brand): CensusEntry[] {
  const entries = new Map<string, { kind: CensusEntry['kind']; id: string; spellings: Map<string, Spelling & { paths: Set<string> }> }>();
  for (const d of docs) {
    for (const s of d.spellings) {
      const key = `${s.kind}\u0000${s.id}`;
      const entry = entries.get(key) ?? { kind: s.kind, id: s.id, spellings: new Map() };
      entries.set(key, entry);
      const sk = `${s.text}\u0000${s.status}`;
      const spelling = entry.spellings.get(sk) ?? { text: s.text, status: s.status, count: 0, flagged: 0, documents: 0, locations: [], paths: new Set<string>() };
      spelling.count++;
      if (s.flagged) spelling.flagged++;
      spelling.paths.add(d.path);
      spelling.locations.push(s.location);
      entry.spellings.set(sk, spelling);
    }
  }
  const order = brandOrder(brand);
  return [...entries.values()]
    .map((e) => {
      const spellings = [...e.spellings.values()]
        .map(({ paths, ...s }) => ({ ...s, documents: paths.size, locations: s.locations.sort(byPlace) }))
        .sort((a, b) => b.count - a.count || compare(a.text, b.text));
      const info = entryInfo(brand, e.kind, e.id);
      return { kind: e.kind, id: e.id, label: info.label, nameKind: info.nameKind, total: spellings.reduce((n, s) => n + s.count, 0), spellings };
    })
    .sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || (order.get(`${a.kind}:${a.id}`) ?? 0) - (order.get(`${b.kind}:${b.id}`) ?? 0));
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

function health(loaded: LoadedBrand, today: string, docs: readonly DocumentFacts[], line: BrandLiner): BrandHealth {
  const brand = loaded.brand;
  const lastReviewed = typeof brand.meta.last_reviewed === 'string' ? brand.meta.last_reviewed : null;
  const every = typeof brand.meta.review_every_days === 'number' && brand.meta.review_every_days > 0 ? brand.meta.review_every_days : null;
  const due = lastReviewed && every !== null && !Number.isNaN(Date.parse(lastReviewed)) ? new Date(Date.parse(lastReviewed) + every * 86400000).toISOString().slice(0, 10) : null;
  const claims: BrandHealth['claims'] = [];
  for (const c of brand.claims.filter((x) => x.status === 'current')) {
    const state = expiryStatus(c, today);
    if (state && c.validUntil) claims.push({ id: c.id, subject: c.subject, validUntil: c.validUntil, state, days: daysUntil(today, c.validUntil) ?? 0, line: line(c.span) });
  }
  const spelled = new Set(docs.flatMap((d) => d.spellings.map((s) => `${s.kind}:${s.id}`)));
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
