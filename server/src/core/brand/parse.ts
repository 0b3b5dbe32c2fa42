/**
 * Parses brand-messaging YAML into the normalised Brand model, reporting every problem with offsets into the file.
 *
 * Contract:
 * - Never throws. `usable` is false (and `brand` is empty) only when there is no top-level mapping or `version`
 *   is not 1; everything else degrades: an entry with a wrong value is reported and skipped, the rest loads.
 * - Problem codes: `brandfile.yaml` (syntax, aliases), `brandfile.schema` (shape, unsafe patterns),
 *   `brandfile.duplicate` (repeated id within a section), `brandfile.conflict` (a form both allowed and forbidden).
 * - Every entry gets an `id` (explicit, or made from its main text) and a `span` (its YAML node's offsets).
 *
 * Pure: no file system, no editor APIs.
 */
import { isMap, isScalar, isSeq, parseDocument, visit, type Document, type YAMLError, type YAMLMap } from 'yaml';
import type { BrandProblem, Severity } from '../types';
import {
  emptyBrand,
  type Boilerplate,
  type Brand,
  type BrandName,
  type Channel,
  type Claim,
  type Company,
  type EntryBase,
  type ExampleText,
  type Examples,
  type GrammarAllowance,
  type Person,
  type Phrase,
  type PhrasePattern,
  type Pillar,
  type RetiredName,
  type Snippet,
  type Span,
  type Tagline,
  type Term,
  type TermForm,
} from './model';
import { nodeSpan, scalarValue, validateBrandDocument, YamlReader, type SchemaIssue } from './schema';

export interface BrandParseResult {
  brand: Brand;
  problems: BrandProblem[];
  usable: boolean;
}

export function parseBrand(text: string): BrandParseResult {
  try {
    return new BrandParser(typeof text === 'string' ? text : String(text ?? '')).run();
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    const message = `On Message couldn't read the brand file (${reason.slice(0, 120)}). Check the file for unusual YAML, such as deep nesting or aliases.`;
    return { brand: emptyBrand(), usable: false, problems: [{ code: 'brandfile.yaml', severity: 'error', message, start: 0, end: 0 }] };
  }
}

const MAX_REGEX_LENGTH = 200;

/**
 * Why a phrase regex must be refused, or undefined when it is acceptable. Refused: longer than 200 characters,
 * not compilable with the `iu` flags, able to match empty text, or able to backtrack catastrophically. The last is
 * judged conservatively: a group repeated without a small bound (`*`, `+`, `{n,}`, `{n,m}` with m > 10) whose body
 * contains a quantifier or an alternation, as in `(a+)+`, `(a|aa)+`, `(\w+\s?)+`.
 */
export function checkRegex(source: string): string | undefined {
  if (!source.trim()) return 'is empty after "regex:"; write the expression after the prefix.';
  if (source.length > MAX_REGEX_LENGTH) {
    return `is longer than ${MAX_REGEX_LENGTH} characters; split it into several shorter patterns.`;
  }
  let re: RegExp;
  try {
    re = new RegExp(source, 'iu');
  } catch (err) {
    const detail = err instanceof Error ? err.message.split(': ').pop() : undefined;
    return `isn't a valid regular expression${detail ? ` (${detail})` : ''}.`;
  }
  if (hasNestedRepeat(source)) {
    return 'could take exponential time on long text; rewrite it without a repeated group that itself contains a repeat or an alternative (for example, "a+" instead of "(a+)+").';
  }
  if (re.test('')) {
    return 'can match empty text, so it would flag every position; make at least one character required.';
  }
  return undefined;
}

interface GroupFrame {
  quantified: boolean;
  alternated: boolean;
}

/** True when a group with a quantifier or `|` inside is itself repeated without a small bound. */
function hasNestedRepeat(source: string): boolean {
  const stack: GroupFrame[] = [{ quantified: false, alternated: false }];
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    const top = stack[stack.length - 1];
    if (c === '\\') i = skipEscape(source, i);
    else if (c === '[') i = skipClass(source, i);
    else if (c === '|') top.alternated = true;
    else if (c === '(') {
      stack.push({ quantified: false, alternated: false });
      i = skipGroupPrefix(source, i);
    } else if (c === ')' && stack.length > 1) {
      const group = stack.pop() as GroupFrame;
      const q = readQuantifier(source, i + 1);
      if (q && q.repeats && (group.quantified || group.alternated)) return true;
      const parent = stack[stack.length - 1];
      parent.quantified ||= group.quantified || q !== undefined;
      parent.alternated ||= group.alternated;
      if (q) i = q.end - 1;
    } else {
      const q = readQuantifier(source, i);
      if (q) {
        top.quantified = true;
        i = q.end - 1;
      }
    }
  }
  return false;
}

/** A quantifier starting at `i` (with its lazy `?`), and whether it allows many (unbounded or > 10) repeats. */
function readQuantifier(s: string, i: number): { end: number; repeats: boolean } | undefined {
  const c = s[i];
  let end: number;
  let repeats: boolean;
  if (c === '*' || c === '+' || c === '?') {
    end = i + 1;
    repeats = c !== '?';
  } else if (c === '{') {
    const m = /^\{(\d+)(,(\d*))?\}/.exec(s.slice(i));
    if (!m) return undefined;
    end = i + m[0].length;
    const max = m[2] === undefined ? Number(m[1]) : m[3] === '' ? Infinity : Number(m[3]);
    repeats = max > 10;
  } else return undefined;
  if (s[end] === '?') end++;
  return { end, repeats };
}

function skipEscape(s: string, i: number): number {
  const next = s[i + 1];
  if ((next === 'p' || next === 'P' || next === 'u') && s[i + 2] === '{') {
    const close = s.indexOf('}', i + 3);
    return close < 0 ? s.length : close;
  }
  if (next === 'k' && s[i + 2] === '<') {
    const close = s.indexOf('>', i + 3);
    return close < 0 ? s.length : close;
  }
  return i + 1;
}

function skipClass(s: string, i: number): number {
  for (let j = i + 1; j < s.length; j++) {
    if (s[j] === '\\') j++;
    else if (s[j] === ']') return j;
  }
  return s.length;
}

/** Skips `?:`, `?=`, `?!`, `?<=`, `?<!` and `?<name>` so their `?` is not read as a quantifier. */
function skipGroupPrefix(s: string, i: number): number {
  if (s[i + 1] !== '?') return i;
  if (s[i + 2] === '<' && s[i + 3] !== '=' && s[i + 3] !== '!') {
    const close = s.indexOf('>', i + 3);
    return close < 0 ? s.length : close;
  }
  return s[i + 2] === '<' ? i + 3 : i + 2;
}

/** "Lumora Pulse" → "lumora-pulse": the id given to entries that have none. */
function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/, '');
}

/** '2025-7-1', '2025-07-01T10:00:00Z' → '2025-07-01'. Anything else is kept as written. */
function normaliseDate(value: string): string {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?![\d])/.exec(value.trim());
  return m ? `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}` : value;
}

/** Sets a key on a plain record without letting keys like `__proto__` change the object's prototype. */
function setKey(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Drops keys whose value is undefined, so optional model fields are absent rather than present-but-empty. */
function compact<T extends object>(value: T): T {
  for (const key of Object.keys(value)) {
    if ((value as Record<string, unknown>)[key] === undefined) delete (value as Record<string, unknown>)[key];
  }
  return value;
}

const YAML_HINTS: Partial<Record<string, string>> = {
  BAD_INDENT: "The indentation here doesn't line up with the lines above it.",
  TAB_AS_INDENT: 'Use spaces, not tabs, to indent.',
  DUPLICATE_KEY: 'This key appears more than once in the same block; only the first one is used. Remove or rename one.',
  MULTIPLE_DOCS: "Only the first part of the file is read; remove the '---' line and what follows it, or merge the two parts.",
  BLOCK_AS_IMPLICIT_KEY: 'Check the indentation: a line here is indented more than the key above it.',
  MULTILINE_IMPLICIT_KEY: 'Check the indentation: a line here is indented more than the key above it, or a key runs onto the next line.',
  BAD_SCALAR_START: 'Put this value in quotes: it starts with a character YAML reserves.',
  BAD_DQ_ESCAPE: 'Inside "double quotes" a backslash starts an escape; use single quotes, or write \\\\ for a backslash.',
  TAG_RESOLVE_FAILED: 'Tags (words starting with !) are not used in the brand file; the value is read as plain text.',
  UNEXPECTED_TOKEN: "Something here isn't valid YAML.",
};

const LIST_SECTIONS = new Set(['names', 'terms', 'claims', 'phrases', 'people', 'boilerplate', 'snippets', 'channels', 'ignore']);
const RECORD_SECTIONS = new Set(['meta', 'acronyms', 'voice', 'people_policy']);

type Main = (e: Fields) => string | undefined;

/** Reads the fields of one YAML mapping. YAML null counts as absent; values were type-checked by the schema. */
class Fields {
  constructor(
    private readonly p: BrandParser,
    readonly map: YAMLMap,
  ) {}

  node(key: string): unknown {
    const raw = this.p.reader.get(this.map, key);
    return raw === undefined || this.p.reader.isNull(raw) ? undefined : this.p.reader.deref(raw);
  }

  raw(key: string): unknown {
    return this.p.reader.get(this.map, key);
  }

  str(key: string): string | undefined {
    const v = scalarValue(this.node(key));
    return typeof v === 'string' ? v : undefined;
  }

  text(key: string): string | undefined {
    const v = scalarValue(this.node(key));
    return typeof v === 'string' || typeof v === 'number' ? String(v) : undefined;
  }

  date(key: string): string | undefined {
    const v = this.str(key);
    return v === undefined ? undefined : normaliseDate(v);
  }

  num(key: string): number | undefined {
    const v = scalarValue(this.node(key));
    return typeof v === 'number' ? v : undefined;
  }

  bool(key: string): boolean | undefined {
    const v = scalarValue(this.node(key));
    return typeof v === 'boolean' ? v : undefined;
  }

  sub(key: string): Fields | undefined {
    const n = this.node(key);
    return isMap(n) ? new Fields(this.p, n) : undefined;
  }

  /** The raw items of a list value, minus any the validator dropped. */
  items(key: string): unknown[] {
    const n = this.node(key);
    return isSeq(n) ? n.items.filter((i) => !this.p.dropped.has(i)) : [];
  }

  strs(key: string): string[] {
    return this.texts(key).map((t) => t.text);
  }

  /** The span of a key's value, when the key is present. */
  spanOf(key: string): Span | undefined {
    const raw = this.raw(key);
    return raw === undefined || this.p.reader.isNull(raw) ? undefined : this.p.valueSpan(raw);
  }

  /** String items with their own spans. */
  texts(key: string): ExampleText[] {
    const out: ExampleText[] = [];
    for (const item of this.items(key)) {
      const v = scalarValue(this.p.reader.deref(item));
      if (typeof v === 'string') out.push({ text: v, span: this.p.span(item) });
    }
    return out;
  }

  record(key: string): Record<string, string> {
    const n = this.node(key);
    const out: Record<string, string> = {};
    if (!isMap(n)) return out;
    for (const pair of this.p.reader.pairs(n)) {
      const v = scalarValue(this.p.reader.deref(pair.value));
      if (pair.key !== undefined && v !== null && v !== undefined) setKey(out, pair.key, String(v));
    }
    return out;
  }
}

/** A form that some entry says is right, for conflict checks. `what` completes "but is also ...". */
interface AllowedForm {
  form: string;
  what: string;
  pos?: string;
}

class BrandParser {
  readonly problems: BrandProblem[] = [];
  readonly dropped = new Set<unknown>();
  reader!: YamlReader;
  private doc!: Document;
  /** Spans of the strings in forbidden-variant lists, parallel to the lists (keyed by the list object). */
  private readonly listSpans = new WeakMap<string[], Span[]>();
  private readonly formSpans = new WeakMap<TermForm, Span>();

  constructor(private readonly text: string) {}

  run(): BrandParseResult {
    this.doc = parseDocument(this.text, { prettyErrors: false });
    this.reader = new YamlReader(this.doc);
    this.reportYaml();
    const root = this.reader.deref(this.doc.contents);
    if (!isMap(root)) return this.unusable(this.rootMessage());
    if (!this.versionOk(root)) return { brand: emptyBrand(), problems: this.sorted(), usable: false };
    for (const issue of validateBrandDocument(this.doc, this.reader)) this.reportIssue(issue);
    const brand = this.normalise(new Fields(this, root));
    this.checkConflicts(brand);
    for (const p of this.reader.problems) this.problems.push({ code: 'brandfile.yaml', severity: 'error', ...p });
    return { brand, problems: this.sorted(), usable: true };
  }

  /** A node's offsets without the trailing line breaks that block collections include. */
  span(node: unknown): Span {
    return this.trimmed(nodeSpan(node) ?? { start: 0, end: 0 });
  }

  /** A value's span without a block scalar's header line (">-", "|"): where its text starts. */
  valueSpan(node: unknown): Span {
    const span = this.span(node);
    const header = /^[>|][-+0-9]*[ \t]*(?:#[^\n]*)?\r?\n[ \t]*/.exec(this.text.slice(span.start, span.end));
    return header ? { start: span.start + header[0].length, end: span.end } : span;
  }

  private trimmed(span: Span): Span {
    let end = span.end;
    while (end > span.start && /\s/.test(this.text[end - 1] ?? '')) end--;
    return { start: span.start, end };
  }

  // ---- YAML syntax and the version gate ---------------------------------------------------------------------

  private reportYaml(): void {
    for (const e of this.doc.errors) this.problems.push(this.yamlProblem(e, 'error'));
    for (const w of this.doc.warnings) this.problems.push(this.yamlProblem(w, 'warning'));
  }

  private yamlProblem(e: YAMLError, severity: Severity): BrandProblem {
    const clamp = (n: number) => Math.max(0, Math.min(this.text.length, Number.isFinite(n) ? n : 0));
    let start = clamp(e.pos?.[0] ?? 0);
    let end = Math.max(start, clamp(e.pos?.[1] ?? start));
    let hint = YAML_HINTS[e.code];
    if (e.code === 'MISSING_CHAR' && /quote/i.test(e.message)) {
      const open = this.unclosedQuoteStart(start);
      if (open !== undefined) [start, end] = [open, this.lineEnd(open)];
      hint = "This quoted text has no closing quote, so everything after it is read as part of it. Add the closing quote.";
    }
    const message = hint ? `${hint} (YAML: ${e.message})` : `YAML syntax: ${e.message}`;
    return { code: 'brandfile.yaml', severity, message, start, end };
  }

  /** Ranges of the quoted scalars, sorted by start; collected once (see unclosedQuoteStart). */
  private quotedRanges?: Array<[number, number]>;

  /**
   * Where the quoted scalar that runs to `errorAt` opens: the library reports the end of the file instead.
   * The quoted scalars are listed once and searched by binary search: a file with 50,000 unclosed quotes
   * cost one walk of the whole document per error, minutes in all (issue 7).
   */
  private unclosedQuoteStart(errorAt: number): number | undefined {
    if (!this.quotedRanges) {
      const ranges: Array<[number, number]> = [];
      visit(this.doc, {
        Scalar: (_k, node) => {
          const r = node.range;
          if (r && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE')) ranges.push([r[0], r[2]]);
        },
      });
      this.quotedRanges = ranges.sort((a, b) => a[0] - b[0]);
    }
    // The latest start at or before errorAt, among the scalars that reach errorAt (scalars do not nest).
    const ranges = this.quotedRanges;
    let lo = 0;
    let hi = ranges.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ranges[mid][0] <= errorAt) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo - 1; i >= 0 && i >= lo - 16; i--) if (errorAt <= ranges[i][1]) return ranges[i][0];
    return undefined;
  }

  private lineEnd(offset: number): number {
    const nl = this.text.indexOf('\n', offset);
    return nl < 0 ? this.text.length : nl;
  }

  private rootMessage(): string {
    if (this.reader.isNull(this.doc.contents)) {
      return "The brand file is empty. Add 'version: 1' at the top of the brand file, then sections such as names: and terms:.";
    }
    return "The brand file must be made of sections such as 'names:' and 'terms:'. Add 'version: 1' at the top of the brand file and put each section on its own line.";
  }

  private unusable(message: string): BrandParseResult {
    const span = nodeSpan(this.doc.contents) ? this.span(this.doc.contents) : { start: 0, end: this.lineEnd(0) };
    this.problems.push({ code: 'brandfile.schema', severity: 'error', message, ...span });
    return { brand: emptyBrand(), problems: this.sorted(), usable: false };
  }

  private versionOk(root: YAMLMap): boolean {
    const raw = this.reader.get(root, 'version');
    if (raw === undefined || this.reader.isNull(raw)) {
      const first = this.reader.pairs(root)[0]?.keyNode;
      const span = nodeSpan(first) ?? { start: 0, end: this.lineEnd(0) };
      this.problems.push({ code: 'brandfile.schema', severity: 'error', message: "Add 'version: 1' at the top of the brand file.", ...span });
      return false;
    }
    const value = scalarValue(this.reader.deref(raw));
    if (value === 1) return true;
    const message = `This brand file says 'version: ${String(value ?? '?').slice(0, 40)}', but On Message reads version 1 files. Write 'version: 1' at the top of the brand file.`;
    this.problems.push({ code: 'brandfile.schema', severity: 'error', message, ...this.span(raw) });
    return false;
  }

  // ---- Schema issues and what they drop ---------------------------------------------------------------------

  private reportIssue(issue: SchemaIssue): void {
    if (issue.path[0] === 'version') return;
    let message = issue.message;
    if (issue.severity === 'error') message += this.drop(issue);
    else this.dropped.add(issue.trail[issue.trail.length - 1]);
    this.problems.push({ code: 'brandfile.schema', severity: issue.severity, message, ...this.trimmed(issue) });
  }

  /**
   * Marks what an error invalidates and says so. In list sections and channels that is the whole entry (the
   * rest of the section still loads); for `company` the company; in meta, acronyms, voice and people_policy only
   * the offending value; a section of the wrong type is ignored as a whole.
   */
  private drop(issue: SchemaIssue): string {
    const section = String(issue.path[0] ?? '');
    const depth = this.entryDepth(issue.path);
    const at = Math.min(depth, issue.path.length);
    if (at < 1) return '';
    this.dropped.add(issue.trail[at - 1]);
    const label = issue.labels.slice(0, at).join(' › ');
    if (RECORD_SECTIONS.has(section)) return ' This setting is ignored until it is fixed.';
    if (at < depth) return ` The whole '${label}' section is ignored until this is fixed.`;
    return ` ${label} is skipped until this is fixed.`;
  }

  private entryDepth(path: SchemaIssue['path']): number {
    const section = String(path[0] ?? '');
    if (RECORD_SECTIONS.has(section)) return path.length;
    if (section === 'messages') return path[1] === 'taglines' || path[1] === 'pillars' ? 3 : 2;
    return LIST_SECTIONS.has(section) ? 2 : 1;
  }

  // ---- Normalisation ----------------------------------------------------------------------------------------

  private normalise(root: Fields): Brand {
    const messages = root.sub('messages');
    const brand: Brand = {
      ...emptyBrand(),
      meta: this.meta(root),
      company: this.company(root.raw('company')),
      names: this.entries('names', root.node('names'), (f) => f.str('name'), (f, b) => this.name(f, b)),
      terms: this.entries('terms', root.node('terms'), (f) => f.str('preferred'), (f, b) => this.term(f, b)),
      claims: this.entries('claims', root.node('claims'), (f) => f.str('subject'), (f, b) => this.claim(f, b)),
      phrases: this.entries('phrases', root.node('phrases'), (f) => f.strs('patterns')[0]?.replace(/^regex:/, ''), (f, b) => this.phrase(f, b)),
      people: this.entries('people', root.node('people'), (f) => f.str('name'), (f, b) => this.person(f, b)),
      peoplePolicy: this.record(root.raw('people_policy')),
      taglines: this.entries('messages › taglines', messages?.node('taglines'), (f) => f.str('text'), (f, b) => this.tagline(f, b)),
      pillars: this.entries('messages › pillars', messages?.node('pillars'), (f) => f.str('title'), (f, b) => this.pillar(f, b)),
      boilerplate: this.entries('boilerplate', root.node('boilerplate'), (f) => f.str('heading') ?? f.str('text'), (f, b) => this.boilerplate(f, b)),
      snippets: this.entries('snippets', root.node('snippets'), (f) => f.str('text'), (f, b) => this.snippet(f, b)),
      channels: this.channels(root.node('channels')),
      acronyms: this.record(root.raw('acronyms')),
      voice: this.record(root.raw('voice')),
      ignore: root.strs('ignore'),
    };
    const umbrella = messages && !this.dropped.has(messages.raw('umbrella')) ? messages.str('umbrella') : undefined;
    if (umbrella !== undefined) brand.umbrella = umbrella;
    if (!brand.company) delete brand.company;
    return brand;
  }

  private meta(root: Fields): Record<string, unknown> {
    const meta = this.record(root.raw('meta'));
    if (typeof meta.last_reviewed === 'string') meta.last_reviewed = normaliseDate(meta.last_reviewed);
    return meta;
  }

  /**
   * Loads one list section: reports and drops repeated ids (the first entry wins), gives id-less entries an id
   * made from their main text (unique within the section), and builds each surviving entry.
   */
  private entries<T extends EntryBase>(label: string, seq: unknown, main: Main, build: (f: Fields, base: EntryBase) => T | undefined): T[] {
    if (!isSeq(seq) || this.dropped.has(seq)) return [];
    const explicit = this.explicitIds(label, seq.items);
    const taken = new Set(explicit.values());
    const out: T[] = [];
    seq.items.forEach((raw, index) => {
      const node = this.reader.deref(raw);
      if (this.dropped.has(raw) || !isMap(node)) return;
      const fields = new Fields(this, node);
      const id = explicit.get(raw) ?? this.deriveId(main(fields), label, index, taken);
      const entry = build(fields, this.base(fields, id, raw));
      if (entry) out.push(compact(entry));
    });
    return out;
  }

  /** Explicit ids by item; a repeated id is reported on the later entry, which is dropped. */
  private explicitIds(label: string, items: unknown[]): Map<unknown, string> {
    const ids = new Map<unknown, string>();
    const first = new Map<string, unknown>();
    for (const raw of items) {
      const node = this.reader.deref(raw);
      if (!isMap(node)) continue;
      const idNode = this.reader.get(node, 'id');
      const id = scalarValue(this.reader.deref(idNode));
      if (typeof id !== 'string' || !id.trim()) continue;
      const earlier = first.get(id);
      if (earlier === undefined) {
        first.set(id, raw);
        ids.set(raw, id);
        continue;
      }
      this.dropped.add(raw);
      const line = this.lineOf(this.span(earlier).start);
      const message = `${label} › ${id}: the id '${id}' is already used by the entry on line ${line}. Only the first one is loaded; give this one a different id.`;
      this.problems.push({ code: 'brandfile.duplicate', severity: 'error', message, ...this.span(idNode) });
    }
    return ids;
  }

  private deriveId(text: string | undefined, label: string, index: number, taken: Set<string>): string {
    const section = label.split(' › ').pop() ?? label;
    const base = slug(text ?? '') || `${section}-${index + 1}`;
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    taken.add(id);
    return id;
  }

  private lineOf(offset: number): number {
    let line = 1;
    for (let i = this.text.indexOf('\n'); i >= 0 && i < offset; i = this.text.indexOf('\n', i + 1)) line++;
    return line;
  }

  private base(f: Fields, id: string, raw: unknown): EntryBase {
    return compact({
      id,
      span: this.span(raw),
      severity: f.str('severity') as Severity | undefined,
      channels: f.strs('channels'),
      exceptions: f.strs('exceptions'),
      examples: this.examples(f),
      owner: f.str('owner'),
      notes: f.str('notes'),
      reason: f.str('reason'),
    });
  }

  private examples(f: Fields): Examples {
    const ex = f.sub('examples');
    return { flag: ex?.texts('flag') ?? [], ok: ex?.texts('ok') ?? [] };
  }

  private allow(f: Fields | undefined, possessive: boolean): GrammarAllowance {
    return { plural: f?.bool('plural') ?? false, possessive: f?.bool('possessive') ?? possessive, verb: f?.bool('verb') ?? false };
  }

  /** A string list whose item spans are remembered, so a conflicting item can be reported where it is. */
  private spannedList(f: Fields, key: string): string[] {
    const texts = f.texts(key);
    const list = texts.map((t) => t.text);
    this.listSpans.set(list, texts.map((t) => t.span));
    return list;
  }

  private company(raw: unknown): Company | undefined {
    const node = this.reader.deref(raw);
    if (raw === undefined || this.dropped.has(raw) || !isMap(node)) return undefined;
    const f = new Fields(this, node);
    const name = f.str('name');
    if (name === undefined) return undefined;
    const ticker = f.sub('ticker');
    const exchange = ticker?.str('exchange');
    const symbol = ticker?.str('symbol');
    const hq = f.sub('hq');
    return compact({
      ...this.base(f, f.str('id') ?? (slug(name) || 'company'), raw),
      name,
      legalName: f.str('legal_name'),
      firstMention: f.str('first_mention'),
      forbiddenVariants: this.spannedList(f, 'forbidden_variants'),
      allow: this.allow(f.sub('allow'), true),
      isPublic: f.bool('is_public') ?? false,
      ticker: exchange !== undefined && symbol !== undefined ? { exchange, symbol } : undefined,
      hq: hq ? compact({ city: hq.str('city'), region: hq.str('region'), dateline: hq.str('dateline') }) : undefined,
      website: f.str('website'),
    });
  }

  private name(f: Fields, base: EntryBase): BrandName | undefined {
    const name = f.str('name');
    if (name === undefined) return undefined;
    return {
      ...base,
      name,
      kind: (f.str('kind') ?? 'product') as BrandName['kind'],
      mark: (f.str('mark') ?? 'none') as BrandName['mark'],
      symbolPolicy: (f.str('symbol_policy') ?? 'first-mention') as BrandName['symbolPolicy'],
      shortForm: f.str('short_form'),
      genericNoun: f.str('generic_noun'),
      forbiddenVariants: this.spannedList(f, 'forbidden_variants'),
      retiredNames: f.items('retired_names').flatMap((item) => this.retiredName(item)),
      allow: this.allow(f.sub('allow'), false),
      caseSensitive: f.bool('case_sensitive') ?? true,
      parent: f.str('parent'),
      mentionPolicy: f.str('mention_policy'),
    };
  }

  private retiredName(raw: unknown): RetiredName[] {
    const node = this.reader.deref(raw);
    const span = this.span(raw);
    const plain = scalarValue(node);
    if (typeof plain === 'string') return [{ name: plain, span }];
    if (!isMap(node)) return [];
    const f = new Fields(this, node);
    const name = f.str('name');
    return name === undefined ? [] : [compact({ name, retiredOn: f.date('retired_on'), note: f.str('note'), span })];
  }

  private term(f: Fields, base: EntryBase): Term | undefined {
    const preferred = f.str('preferred');
    if (preferred === undefined) return undefined;
    return {
      ...base,
      preferred,
      status: (f.str('status') ?? 'preferred') as Term['status'],
      pos: f.str('pos') as Term['pos'],
      deprecated: f.items('deprecated').flatMap((item) => this.termForm(item)),
      admitted: f.items('admitted').flatMap((item) => this.termForm(item)),
      caseSensitive: f.bool('case_sensitive') ?? false,
      inflections: (f.str('inflections') ?? 'auto') as Term['inflections'],
      ignoreIn: f.strs('ignore_in') as Term['ignoreIn'],
    };
  }

  private termForm(raw: unknown): TermForm[] {
    const node = this.reader.deref(raw);
    const plain = scalarValue(node);
    let form: TermForm | undefined;
    if (typeof plain === 'string') form = { form: plain, channels: [] };
    else if (isMap(node)) {
      const f = new Fields(this, node);
      const text = f.str('form');
      if (text !== undefined) form = compact({ form: text, pos: f.str('pos') as TermForm['pos'], channels: f.strs('channels') });
    }
    if (!form) return [];
    this.formSpans.set(form, this.span(raw));
    return [form];
  }

  private claim(f: Fields, base: EntryBase): Claim | undefined {
    const kind = f.str('kind') as Claim['kind'] | undefined;
    const subject = f.str('subject');
    if (kind === undefined || subject === undefined) return undefined;
    return {
      ...base,
      kind,
      subject,
      subjectAliases: f.strs('subject_aliases'),
      value: f.num('value'),
      unit: f.str('unit'),
      qualifier: (f.str('qualifier') ?? 'exact') as Claim['qualifier'],
      approvedWordings: f.strs('approved_wordings'),
      requiredContext: f.strs('required_context'),
      forbiddenFramings: f.strs('forbidden_framings'),
      requiredAttribution: f.str('required_attribution'),
      requiredDisclosure: f.str('required_disclosure'),
      requiredDisclosureIn: f.record('required_disclosure_in'),
      asOf: f.date('as_of'),
      validUntil: f.date('valid_until'),
      source: f.str('source'),
      substantiation: f.str('substantiation'),
      status: (f.str('status') ?? 'current') as Claim['status'],
    };
  }

  private phrase(f: Fields, base: EntryBase): Phrase {
    const appliesTo = f.strs('applies_to') as Phrase['appliesTo'];
    const label = `phrases › ${base.id} › patterns`;
    return {
      ...base,
      kind: (f.str('kind') ?? 'banned') as Phrase['kind'],
      patterns: f.texts('patterns').flatMap((t) => this.phrasePattern(t, label)),
      appliesTo: appliesTo.length ? appliesTo : ['any'],
      satisfiedBy: f.strs('satisfied_by'),
      replaceWith: f.strs('replace_with'),
      ignoreIn: f.strs('ignore_in') as Phrase['ignoreIn'],
    };
  }

  /** `regex:` patterns are compiled (case-insensitive, unicode) if safe; unsafe ones are reported and dropped. */
  private phrasePattern(pattern: ExampleText, label: string): PhrasePattern[] {
    if (!pattern.text.startsWith('regex:')) return [{ text: pattern.text }];
    const source = pattern.text.slice('regex:'.length).trimStart();
    const refused = checkRegex(source);
    if (refused) {
      const shown = pattern.text.length > 60 ? `${pattern.text.slice(0, 57)}...` : pattern.text;
      const message = `${label}: the pattern '${shown}' ${refused} The pattern is ignored until it is fixed.`;
      this.problems.push({ code: 'brandfile.schema', severity: 'error', message, ...pattern.span });
      return [];
    }
    return [{ text: source, regex: new RegExp(source, 'iu') }];
  }

  private person(f: Fields, base: EntryBase): Person | undefined {
    const name = f.str('name');
    if (name === undefined) return undefined;
    const contact = f.sub('media_contact');
    return {
      ...base,
      name,
      title: f.str('title'),
      titleShort: f.str('title_short'),
      spokesperson: f.bool('spokesperson') ?? false,
      topics: f.strs('topics'),
      status: (f.str('status') ?? 'current') as Person['status'],
      since: f.date('since'),
      until: f.date('until'),
      successor: f.str('successor'),
      mediaContact: contact ? compact({ email: contact.str('email'), phone: contact.str('phone') }) : undefined,
    };
  }

  private tagline(f: Fields, base: EntryBase): Tagline | undefined {
    const text = f.str('text');
    if (text === undefined) return undefined;
    return {
      ...base,
      text,
      status: (f.str('status') ?? 'current') as Tagline['status'],
      exact: f.bool('exact') ?? true,
      shortForms: f.strs('short_forms'),
      retiredOn: f.date('retired_on'),
      textSpan: f.spanOf('text'),
      shortFormSpans: f.texts('short_forms').map((t) => t.span),
    };
  }

  private pillar(f: Fields, base: EntryBase): Pillar | undefined {
    const title = f.str('title');
    const keyMessage = f.str('key_message');
    if (title === undefined || keyMessage === undefined) return undefined;
    return {
      ...base,
      title,
      keyMessage,
      paraphrase: (f.str('paraphrase') ?? 'allowed') as Pillar['paraphrase'],
      signals: f.strs('signals'),
      proofPoints: f.strs('proof_points'),
      keyMessageSpan: f.spanOf('key_message'),
    };
  }

  private boilerplate(f: Fields, base: EntryBase): Boilerplate | undefined {
    const heading = f.str('heading');
    const text = f.str('text');
    if (heading === undefined || text === undefined) return undefined;
    return {
      ...base,
      entity: f.str('entity'),
      heading,
      version: f.text('version'),
      text,
      usesClaims: f.strs('uses_claims'),
      match: (f.str('match') ?? 'exact-normalized') as Boilerplate['match'],
      requiredIn: f.strs('required_in'),
      validUntil: f.date('valid_until'),
      textSpan: f.spanOf('text'),
    };
  }

  private snippet(f: Fields, base: EntryBase): Snippet | undefined {
    const text = f.str('text');
    if (text === undefined) return undefined;
    return { ...base, text, match: (f.str('match') ?? 'exact-normalized') as Snippet['match'] };
  }

  private channels(node: unknown): Channel[] {
    if (!isMap(node)) return [];
    const out: Channel[] = [];
    for (const pair of this.reader.pairs(node)) {
      const value = this.reader.deref(pair.value);
      if (pair.key === undefined || this.dropped.has(pair.value) || !isMap(value)) continue;
      const match = new Fields(this, value).sub('match');
      out.push({
        id: pair.key,
        span: this.span(pair.value),
        frontMatter: match?.record('front_matter') ?? {},
        paths: match?.strs('paths') ?? [],
        raw: this.record(pair.value),
      });
    }
    return out;
  }

  /** An open-ended section as plain data: null values, unknown keys and dropped values are left out. */
  private record(raw: unknown): Record<string, unknown> {
    const value = this.plain(raw, 0);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  }

  private plain(raw: unknown, depth: number): unknown {
    if (depth > 64 || this.dropped.has(raw)) return undefined;
    const node = this.reader.deref(raw);
    if (isMap(node)) {
      const out: Record<string, unknown> = {};
      for (const pair of this.reader.pairs(node)) {
        const v = pair.key === undefined ? undefined : this.plain(pair.value, depth + 1);
        if (v !== undefined && v !== null) setKey(out, pair.key as string, v);
      }
      return out;
    }
    if (isSeq(node)) return node.items.map((i) => this.plain(i, depth + 1)).filter((v) => v !== undefined);
    return isScalar(node) ? (scalarValue(node) ?? null) : undefined;
  }

  // ---- Conflicts: a form that one entry allows and another forbids ------------------------------------------

  private checkConflicts(brand: Brand): void {
    const company = brand.company;
    const nameForms: AllowedForm[] = [];
    for (const n of brand.names) {
      nameForms.push({ form: n.name, what: `the name of names › ${n.id}`, pos: 'noun' });
      if (n.shortForm) nameForms.push({ form: n.shortForm, what: `the short form of names › ${n.id}`, pos: 'noun' });
    }
    if (company) {
      nameForms.push({ form: company.name, what: 'the company name', pos: 'noun' });
      if (company.legalName) nameForms.push({ form: company.legalName, what: "the company's legal name", pos: 'noun' });
    }
    const exact = this.exactIndex(nameForms);
    for (const n of brand.names) {
      this.dropConflicts(n.forbiddenVariants, `a forbidden variant of names › ${n.id}`, exact);
      n.retiredNames = n.retiredNames.filter((r) => !this.conflict(r.name, r.span, `a retired name of names › ${n.id}`, exact));
    }
    if (company) this.checkCompanyConflicts(company);
    this.checkTermConflicts(brand.terms, nameForms);
  }

  /** The company's own forbidden variants clash only with its own names. */
  private checkCompanyConflicts(company: Company): void {
    const own: AllowedForm[] = [{ form: company.name, what: 'the company name' }];
    if (company.legalName) own.push({ form: company.legalName, what: "the company's legal name" });
    if (company.firstMention) own.push({ form: company.firstMention, what: "the company's first-mention form" });
    this.dropConflicts(company.forbiddenVariants, 'a forbidden variant of the company', this.exactIndex(own));
  }

  /** Allowed forms by exact text; the first entry to claim a form is the one named in messages. */
  private exactIndex(forms: AllowedForm[]): Map<string, AllowedForm> {
    const index = new Map<string, AllowedForm>();
    for (const f of forms) if (!index.has(f.form)) index.set(f.form, f);
    return index;
  }

  /** Deprecated forms clash with preferred forms and names, case-insensitively unless the term says otherwise
   * or the form is its own preferred form in other capitals. */
  private checkTermConflicts(terms: Term[], nameForms: AllowedForm[]): void {
    const allowed = [...terms.map((t) => ({ form: t.preferred, what: `the preferred form of terms › ${t.id}`, pos: t.pos })), ...nameForms];
    const byLower = new Map<string, AllowedForm[]>();
    for (const a of allowed) {
      const key = a.form.toLowerCase();
      const list = byLower.get(key);
      if (list) list.push(a);
      else byLower.set(key, [a]);
    }
    for (const t of terms) {
      t.deprecated = t.deprecated.filter((d) => {
        // "urls" deprecated for "URLs" is a case rule, not a clash: the check then compares case exactly.
        const caseRule = d.form !== t.preferred && d.form.toLowerCase() === t.preferred.toLowerCase();
        const clash = (byLower.get(d.form.toLowerCase()) ?? []).find(
          (a) => (a.form === d.form || (!t.caseSensitive && !caseRule)) && (!d.pos || !a.pos || d.pos === a.pos),
        );
        if (!clash) return true;
        this.reportConflict(d.form, this.formSpans.get(d), `a deprecated form of terms › ${t.id}`, clash.what);
        return false;
      });
    }
  }

  /** Removes, in place, the items of a forbidden list that exactly equal an allowed form. */
  private dropConflicts(list: string[], role: string, allowed: Map<string, AllowedForm>): void {
    const spans = this.listSpans.get(list) ?? [];
    for (let i = list.length - 1; i >= 0; i--) {
      if (this.conflict(list[i], spans[i], role, allowed)) {
        list.splice(i, 1);
        spans.splice(i, 1);
      }
    }
  }

  private conflict(form: string, span: Span | undefined, role: string, allowed: Map<string, AllowedForm>): boolean {
    const clash = allowed.get(form);
    if (clash) this.reportConflict(form, span, role, clash.what);
    return clash !== undefined;
  }

  private reportConflict(form: string, span: Span | undefined, role: string, what: string): void {
    const message = `'${form}' is listed as ${role} but is also ${what}; remove one.`;
    this.problems.push({ code: 'brandfile.conflict', severity: 'error', message, ...(span ?? { start: 0, end: 0 }) });
  }

  private sorted(): BrandProblem[] {
    return this.problems.map((p, i) => ({ p, i })).sort((a, b) => a.p.start - b.p.start || a.i - b.i).map((x) => x.p);
  }
}
