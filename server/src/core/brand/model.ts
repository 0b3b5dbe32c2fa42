/**
 * The brand-messaging file after parsing and normalisation: every optional key has its default, every list
 * is a list, and every entry knows where it sits in the file (for hovers, go-to-definition and self-tests).
 *
 * Keys and meanings follow the published schema (`schemas/brand-messaging.schema.json`); this model is what
 * rules read, so rules never see raw YAML.
 */
import type { Severity } from '../types';

/** Offset range of an entry (or one of its values) in the brand file text. */
export interface Span {
  start: number;
  end: number;
}

/** `examples.flag` / `examples.ok` on any entry: sentences that must / must not produce a finding for it. */
export interface Examples {
  flag: ExampleText[];
  ok: ExampleText[];
}

export interface ExampleText {
  text: string;
  span: Span;
}

/** Fields every entry carries. */
export interface EntryBase {
  id: string;
  span: Span;
  severity?: Severity;
  /** Channel allow-list; empty means every channel. */
  channels: string[];
  exceptions: string[];
  examples: Examples;
  owner?: string;
  notes?: string;
  reason?: string;
}

export type MarkStatus = 'registered' | 'pending' | 'unregistered' | 'service' | 'none';
export type NameKind = 'product' | 'feature' | 'program' | 'brand' | 'competitor';

export interface GrammarAllowance {
  plural: boolean;
  possessive: boolean;
  verb: boolean;
}

export interface RetiredName {
  name: string;
  retiredOn?: string;
  note?: string;
  span: Span;
}

export interface Company extends EntryBase {
  name: string;
  legalName?: string;
  firstMention?: string;
  forbiddenVariants: string[];
  allow: GrammarAllowance;
  isPublic: boolean;
  ticker?: { exchange: string; symbol: string };
  hq?: { city?: string; region?: string; dateline?: string };
  website?: string;
}

export interface BrandName extends EntryBase {
  name: string;
  kind: NameKind;
  mark: MarkStatus;
  symbolPolicy: 'first-mention' | 'every-mention' | 'none';
  shortForm?: string;
  genericNoun?: string;
  forbiddenVariants: string[];
  retiredNames: RetiredName[];
  allow: GrammarAllowance;
  caseSensitive: boolean;
  parent?: string;
  mentionPolicy?: string;
}

/** A non-preferred form of a term; `pos` restricts it to one part of speech ("signup" only as a verb). */
export interface TermForm {
  form: string;
  pos?: 'noun' | 'verb' | 'adjective' | 'adverb';
  /** For admitted forms: the channels where the form is allowed. */
  channels: string[];
}

export type QuoteScope = 'third_party_quote' | 'quote' | 'heading' | 'link_text';

export interface Term extends EntryBase {
  preferred: string;
  status: 'preferred' | 'admitted' | 'deprecated' | 'proposed';
  pos?: 'noun' | 'verb' | 'adjective' | 'adverb';
  deprecated: TermForm[];
  admitted: TermForm[];
  caseSensitive: boolean;
  inflections: 'auto' | 'none';
  ignoreIn: QuoteScope[];
}

export type Qualifier = 'exact' | 'more-than' | 'at-least' | 'up-to' | 'about' | 'less-than';

export interface Claim extends EntryBase {
  kind: 'count' | 'measure' | 'performance' | 'price' | 'date' | 'money' | 'ranking' | 'commitment';
  subject: string;
  subjectAliases: string[];
  value?: number;
  unit?: string;
  qualifier: Qualifier;
  approvedWordings: string[];
  requiredContext: string[];
  forbiddenFramings: string[];
  requiredAttribution?: string;
  requiredDisclosure?: string;
  requiredDisclosureIn: Record<string, string>;
  asOf?: string;
  validUntil?: string;
  source?: string;
  substantiation?: string;
  status: 'current' | 'retired' | 'proposed';
}

export type PhraseKind = 'banned' | 'risky' | 'needs-claim' | 'prefer';

/** A phrase pattern: a literal phrase (matched on word boundaries, case-insensitively) or a bounded regex. */
export interface PhrasePattern {
  /** The literal phrase, or the regex source when `regex` is set. */
  text: string;
  regex?: RegExp;
}

export interface Phrase extends EntryBase {
  kind: PhraseKind;
  patterns: PhrasePattern[];
  appliesTo: Array<'company' | 'names' | 'any'>;
  satisfiedBy: string[];
  replaceWith: string[];
  ignoreIn: QuoteScope[];
}

export interface Person extends EntryBase {
  name: string;
  title?: string;
  titleShort?: string;
  spokesperson: boolean;
  topics: string[];
  status: 'current' | 'former';
  since?: string;
  until?: string;
  successor?: string;
  mediaContact?: { email?: string; phone?: string };
}

export interface Tagline extends EntryBase {
  text: string;
  status: 'current' | 'retired';
  exact: boolean;
  shortForms: string[];
  retiredOn?: string;
  /** Where `text` and each of `shortForms` stand in the brand file, for the brand file's self-test. */
  textSpan?: Span;
  shortFormSpans?: Span[];
}

export interface Pillar extends EntryBase {
  title: string;
  keyMessage: string;
  paraphrase: 'allowed' | 'exact' | 'forbidden';
  signals: string[];
  proofPoints: string[];
  /** Where `keyMessage` stands in the brand file, for the brand file's self-test. */
  keyMessageSpan?: Span;
}

export interface Boilerplate extends EntryBase {
  entity?: string;
  heading: string;
  version?: string;
  text: string;
  usesClaims: string[];
  match: 'exact-normalized' | 'contains';
  requiredIn: string[];
  validUntil?: string;
  /** Where `text` stands in the brand file, for the brand file's self-test. */
  textSpan?: Span;
}

export interface Snippet extends EntryBase {
  text: string;
  match: 'exact-normalized' | 'contains';
}

/** Channel profiles are kept as parsed YAML values for now: only their binding is interpreted by the engine. */
export interface Channel {
  id: string;
  span: Span;
  frontMatter: Record<string, string>;
  paths: string[];
  raw: Record<string, unknown>;
}

export interface Brand {
  version: 1;
  meta: Record<string, unknown>;
  company?: Company;
  names: BrandName[];
  terms: Term[];
  claims: Claim[];
  phrases: Phrase[];
  people: Person[];
  peoplePolicy: Record<string, unknown>;
  taglines: Tagline[];
  pillars: Pillar[];
  umbrella?: string;
  boilerplate: Boilerplate[];
  snippets: Snippet[];
  channels: Channel[];
  acronyms: Record<string, unknown>;
  voice: Record<string, unknown>;
  /** Top-level `ignore:` globs for workspace runs. */
  ignore: string[];
}

/** An empty brand: what a document is checked against when no usable brand file exists. */
export function emptyBrand(): Brand {
  return {
    version: 1,
    meta: {},
    names: [],
    terms: [],
    claims: [],
    phrases: [],
    people: [],
    peoplePolicy: {},
    taglines: [],
    pillars: [],
    boilerplate: [],
    snippets: [],
    channels: [],
    acronyms: {},
    voice: {},
    ignore: [],
  };
}
