/**
 * The workspace consistency report: a public contract. It is plain JSON (no Dates, no Maps, no
 * undefined inside arrays), printed as is by `on-message report --format json` and rendered by the
 * Markdown and HTML formatters and the VS Code webview. Additions are backward compatible; a change of
 * meaning or a removal bumps `version`.
 *
 * Conventions: paths are the document paths the caller gave, with forward slashes; lines and columns are
 * 1-based and columns count UTF-16 code units (as `on-message check` prints them); every list is sorted
 * so that the same workspace gives byte-identical JSON.
 */
import type { Qualifier } from '../brand/model';
import type { Severity } from '../types';

export const REPORT_VERSION = 1;

/** A span in a document. */
export interface Location {
  path: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** Counts by severity. */
export interface Counts {
  error: number;
  warning: number;
  info: number;
}

export interface WorkspaceReport {
  version: typeof REPORT_VERSION;
  /** The date the report was judged at (YYYY-MM-DD): claim expiry and the brand file's review are measured from it. */
  today: string;
  /** The brand file, as the caller named it. */
  brandFile?: string;
  /** The company's name from the brand file, for titles. */
  company?: string;
  totals: Totals;
  score: Score;
  /** One row per channel that has documents; documents with no channel are under `channel: null`. */
  channels: ChannelSummary[];
  /** One row per rule that found something, most findings first. */
  rules: RuleSummary[];
  /** Every document, by path. */
  documents: DocumentSummary[];
  /** Every current claim of the brand file, in brand-file order, with every use found. */
  claims: ClaimLedgerEntry[];
  /** `claim.cross-doc`: subjects stated with different figures in different documents. */
  conflicts: Conflict[];
  /** Every name, company name, term and person found, with every spelling seen. */
  census: CensusEntry[];
  /** Every tagline of the brand file with the versions of it found in the copy. */
  taglines: TaglineEntry[];
  /** Every boilerplate of the brand file with the versions of it found in the copy. */
  boilerplate: BoilerplateEntry[];
  /** Every suppression comment in the copy, by path and line. */
  suppressions: SuppressionEntry[];
  health: BrandHealth;
}

export interface Totals extends Counts {
  documents: number;
  /** Prose words (code, URLs, HTML and front matter are not counted). */
  words: number;
  findings: number;
  /** Findings hidden by suppression comments. */
  suppressed: number;
  conflicts: number;
  /** Rules that threw on some document; their findings there are missing. */
  failures: number;
}

/**
 * The consistency score, 0–100. Per document: 100 · n / (n + w), where n = max(1, words / 75) and
 * w = 1 per error + 0.5 per warning + 0.25 per info (cross-document conflicts count as warnings in each
 * document involved). The workspace's and a channel's score is the mean of their documents' scores, rounded.
 * 80 and above is `good`, 60 to 79 `fair`, below 60 `poor`. A workspace with no documents scores 100.
 */
export interface Score {
  value: number;
  band: 'good' | 'fair' | 'poor';
}

export interface ChannelSummary {
  /** The channel id, or null for documents with no channel. */
  channel: string | null;
  documents: number;
  words: number;
  counts: Counts;
  score: number;
}

export interface RuleSummary {
  rule: string;
  counts: Counts;
  /** How many documents it found something in. */
  documents: number;
}

export interface DocumentSummary {
  path: string;
  channel: string | null;
  /** The front-matter `date`, when there is one. */
  date: string | null;
  words: number;
  counts: Counts;
  suppressed: number;
  score: number;
  /** In document order; `claim.cross-doc` findings included. */
  findings: ReportFinding[];
  /** Rules that threw on this document. */
  failures: Array<{ rule: string; message: string }>;
}

export interface ReportFinding {
  rule: string;
  severity: Severity;
  message: string;
  location: Location;
  /** The flagged words as written (at most 120 characters). */
  text: string;
}

/** What a use of a claim says compared with the approved claim. */
export type ClaimUseStatus =
  /** States the approved claim (or an approved wording). */
  | 'ok'
  /** Claims more than approved. */
  | 'overstated'
  /** Claims less than approved: usually an old figure. */
  | 'understated'
  /** Drops the required qualifier ("70%" for "up to 70%"). */
  | 'qualifier'
  /** A date or money fact with another value. */
  | 'fact'
  /** The claim had expired at the document's date. */
  | 'expired'
  /** The claim expires within 30 days of the document's date. */
  | 'expiring'
  /** Another claim rule flagged it: missing context, forbidden framing, missing attribution or disclosure. */
  | 'flagged';

export interface ClaimLedgerEntry {
  id: string;
  kind: string;
  subject: string;
  /** The approved statement in words: "more than 2,500 customers". */
  approved: string;
  value: number | null;
  unit: string | null;
  qualifier: Qualifier;
  approvedWordings: string[];
  asOf: string | null;
  validUntil: string | null;
  /** The claim's own state on `today`. */
  state: 'current' | 'expiring' | 'expired';
  owner: string | null;
  source: string | null;
  /** The claim's line in the brand file, when the brand text was given. */
  line: number | null;
  uses: ClaimUse[];
  /** Uses by status. */
  statuses: Partial<Record<ClaimUseStatus, number>>;
}

export interface ClaimUse {
  location: Location;
  /** The figure as written ("2,500+"), or the approved wording found. */
  written: string;
  /** What the copy implies: "more than 2,500". */
  implied: string;
  value: number | null;
  qualifier: Qualifier | null;
  /** The sentence it stands in (at most 240 characters). */
  wording: string;
  status: ClaimUseStatus;
  /** Rule ids of the claim findings on this use (suppressed ones not included). */
  issues: string[];
  /** A finding on this use was hidden by a suppression comment. */
  suppressed: boolean;
  /** The document's date the use was judged at. */
  judgedAt: string;
}

/** `claim.cross-doc`: documents disagree on the figure for one subject. */
export interface Conflict {
  /** The approved claim's id when the subject is one, else null. */
  claim: string | null;
  /** "customers", or the claim's subject. */
  subject: string;
  unit: 'count' | 'percent' | 'money' | 'multiplier' | 'year';
  currency: string | null;
  /** The approved statement when the subject is a claim. */
  approved: string | null;
  /** One row per distinct value, highest first. */
  values: ConflictValue[];
}

export interface ConflictValue {
  value: number;
  /** The value as a reader writes it: "12,000", "$48 million", "70%". */
  display: string;
  statements: Array<{ location: Location; written: string; wording: string }>;
}

export type SpellingStatus =
  /** The approved form: the name, its short form, the legal name, the preferred term, the person's name. */
  | 'approved'
  /** A form the brand file allows only in some channels. */
  | 'admitted'
  /** A forbidden variant, a wrong plural, or a misspelling found by a rule. */
  | 'variant'
  /** A retired name. */
  | 'retired'
  /** A deprecated term. */
  | 'deprecated';

export interface CensusEntry {
  kind: 'company' | 'name' | 'term' | 'person';
  id: string;
  /** The approved form. */
  label: string;
  /** For names: product, feature, program, brand or competitor. */
  nameKind: string | null;
  total: number;
  /** Most used first. */
  spellings: Spelling[];
}

export interface Spelling {
  text: string;
  status: SpellingStatus;
  count: number;
  /** Occurrences a name, term or person rule flagged; the others stand where the brand file allows them. */
  flagged: number;
  documents: number;
  locations: Location[];
}

export interface TaglineEntry {
  id: string;
  text: string;
  status: 'current' | 'retired';
  /** Each distinct wording found, most used first. */
  versions: Array<{
    text: string;
    /** Word for word the tagline (or its short form). */
    exact: boolean;
    form: 'tagline' | 'short-form' | 'retired';
    count: number;
    locations: Location[];
  }>;
}

export interface BoilerplateEntry {
  id: string;
  heading: string;
  version: string | null;
  /** Each distinct text found under the heading or by similarity; the approved one is `current`. */
  versions: Array<{ current: boolean; text: string; locations: Location[] }>;
  /** Documents of a channel that requires it where it is missing. */
  missingIn: string[];
}

export interface SuppressionEntry {
  /** Where the comment is. */
  location: Location;
  kind: 'next-line' | 'region';
  /** Rule ids; empty means every rule. */
  rules: string[];
  /** The lines it covers. */
  fromLine: number;
  toLine: number;
  /** How many findings it hid, and of which rules. */
  hidden: number;
  hiddenRules: string[];
  /** The text of an ordinary comment on the lines just above it (an approval note, a ticket). */
  note: string | null;
}

export interface BrandHealth {
  lastReviewed: string | null;
  reviewEveryDays: number | null;
  /** When the next review is due, and whether `today` is past it. */
  reviewDue: string | null;
  reviewOverdue: boolean;
  /** Problems in the brand file itself: YAML, schema, duplicates, failing self-tests. */
  problems: Array<{ code: string; severity: Severity; message: string; line: number | null }>;
  /** Current claims expired on `today`, or expiring within 30 days. */
  claims: Array<{ id: string; subject: string; validUntil: string; state: 'expired' | 'expiring'; days: number; line: number | null }>;
  /** Entries no document uses. Phrases are not listed: unused is their purpose. */
  unused: Array<{ section: 'names' | 'terms' | 'claims' | 'people' | 'taglines' | 'boilerplate'; id: string; label: string; line: number | null }>;
  /** Proposed claims and terms waiting for approval. */
  proposed: Array<{ section: 'claims' | 'terms'; id: string; label: string; line: number | null }>;
}
