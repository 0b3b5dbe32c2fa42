/**
 * Validates a parsed brand file against `schemas/brand-messaging.schema.json` directly on the `yaml` AST, so every
 * issue carries exact offsets into the brand-file text. The JSON file is the single source of truth: editors use it
 * for completion and hovers, and this module uses it for diagnostics.
 *
 * Only the subset of JSON Schema that the brand schema uses is interpreted (see SUPPORTED_KEYWORDS); annotation
 * keywords are ignored. Two deliberate departures from a generic validator:
 * - a property whose value is YAML null (`ticker: null`, `website:`) counts as absent, as it does for the normaliser;
 * - `oneOf` is read as `anyOf`: the schema's alternatives are told apart by type, never by overlap.
 *
 * Pure: no file system, no editor APIs, never throws on any AST.
 */
import { isAlias, isMap, isScalar, isSeq, visit, type Document, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import schemaJson from '../../../../schemas/brand-messaging.schema.json';

export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
  /** VS Code's extension keyword: the message shown when `pattern` does not match. */
  patternErrorMessage?: string;
  description?: string;
  definitions?: Record<string, JsonSchema>;
}

/** Keywords this validator interprets. Anything else in the schema must be a pure annotation. */
export const SUPPORTED_KEYWORDS: ReadonlySet<string> = new Set([
  '$ref', 'type', 'properties', 'required', 'additionalProperties', 'items', 'enum', 'const', 'anyOf', 'oneOf',
  'minimum', 'maximum', 'minLength', 'minItems', 'maxItems', 'pattern', 'patternErrorMessage', 'definitions',
]);
/** Keywords that only describe (shown by editors) and never affect validation. */
export const ANNOTATION_KEYWORDS: ReadonlySet<string> = new Set(['$schema', '$id', 'title', 'description', 'default']);

export const brandSchema: JsonSchema = schemaJson as unknown as JsonSchema;

export type PathSegment = string | number;

export interface SchemaIssue {
  /** Keys and list indices from the document root to the offending value (or to the object missing a key). */
  path: PathSegment[];
  /** The raw YAML node at each step of `path` (`trail[k]` sits at `path.slice(0, k + 1)`). */
  trail: unknown[];
  /** Human names for each step of `path`: list items are named by their `id`, else "item N". */
  labels: string[];
  /**
   * Unknown keys are warnings (the key is ignored; `path`/`trail` then end at the ignored value); everything else
   * is an error.
   */
  severity: 'error' | 'warning';
  message: string;
  start: number;
  end: number;
}

/** Offsets of a node's value in the source, end exclusive, without trailing comments. */
export function nodeSpan(node: unknown): { start: number; end: number } | undefined {
  const range = (node as { range?: unknown } | null)?.range;
  if (!Array.isArray(range) || typeof range[0] !== 'number' || typeof range[1] !== 'number') return undefined;
  return { start: range[0], end: Math.max(range[0], range[1]) };
}

export interface KeyedPair {
  key: string | undefined;
  keyNode: unknown;
  /** The raw value node: may be an alias, a null scalar, or null when the pair has no value at all. */
  value: unknown;
}

/** A problem found while reading the AST itself (aliases), reported by the parser as `brandfile.yaml`. */
export interface ReaderProblem {
  message: string;
  start: number;
  end: number;
}

const MAX_ALIAS_RESOLUTIONS = 10_000;

/**
 * Reads the `yaml` AST: resolves aliases (with a budget, so an alias bomb cannot blow up a walk), lists map pairs
 * with duplicate keys collapsed to the first occurrence (the parser already reports the duplicate), and
 * classifies scalars. Shared by the validator and the normaliser so both see the same values.
 */
export class YamlReader {
  readonly problems: ReaderProblem[] = [];
  private readonly anchors = new Map<string, Array<{ start: number; end: number; node: unknown }>>();
  private readonly reported = new Set<unknown>();
  private readonly pairCache = new WeakMap<YAMLMap, KeyedPair[]>();
  private resolutions = 0;
  private exhausted = false;

  constructor(doc: Document) {
    visit(doc, {
      Node: (_key, node) => {
        const anchor = (node as { anchor?: string }).anchor;
        const range = (node as { range?: [number, number, number] }).range;
        if (!anchor || !range) return;
        const list = this.anchors.get(anchor) ?? [];
        list.push({ start: range[0], end: range[2], node });
        this.anchors.set(anchor, list);
      },
    });
  }

  /** The node an alias stands for; any other node as is; null when an alias can't (or mustn't) be followed. */
  deref(node: unknown): unknown {
    if (!isAlias(node)) return node;
    if (this.exhausted) return null;
    if (++this.resolutions > MAX_ALIAS_RESOLUTIONS) {
      this.exhausted = true;
      this.report(node, 'This file repeats aliases (*name) so many times that the rest of them are ignored. Write the values out instead.');
      return null;
    }
    const target = this.target(node.source, nodeSpan(node)?.start ?? 0);
    if (target === 'cycle') {
      this.report(node, `'*${node.source}' sits inside the value it refers to, which would never end. Write the value out instead.`);
      return null;
    }
    if (!target) {
      this.report(node, `'*${node.source}' refers to '&${node.source}', which isn't defined above it. Define the anchor first or write the value out.`);
      return null;
    }
    return target;
  }

  /** Map pairs in order, first occurrence of each key only. Cached: the AST is never modified. */
  pairs(map: YAMLMap): KeyedPair[] {
    let out = this.pairCache.get(map);
    if (!out) this.pairCache.set(map, (out = this.readPairs(map)));
    return out;
  }

  private readPairs(map: YAMLMap): KeyedPair[] {
    const seen = new Set<string>();
    const out: KeyedPair[] = [];
    for (const pair of map.items as Pair[]) {
      const key = this.keyText(pair.key);
      if (key !== undefined) {
        if (seen.has(key)) continue;
        seen.add(key);
      }
      out.push({ key, keyNode: pair.key, value: pair.value });
    }
    return out;
  }

  /** The raw value node of `key` in `map`, or undefined when the key is missing. */
  get(map: YAMLMap, key: string): unknown {
    return this.pairs(map).find((p) => p.key === key)?.value;
  }

  /** True for YAML null: an empty value, `~`, `null`, or an alias that can't be followed. */
  isNull(node: unknown): boolean {
    const value = this.deref(node);
    if (value === null || value === undefined) return true;
    return isScalar(value) && (value.value === null || value.value === undefined);
  }

  private keyText(key: unknown): string | undefined {
    const node = this.deref(key);
    if (!isScalar(node)) return undefined;
    const v = node.value;
    if (typeof v === 'string') return v;
    if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
    return undefined;
  }

  /** The last node anchored `&name` before `offset`; 'cycle' when the alias sits inside that node. */
  private target(name: string, offset: number): unknown {
    let found: { start: number; end: number; node: unknown } | undefined;
    for (const a of this.anchors.get(name) ?? []) if (a.start < offset) found = a;
    if (!found) return undefined;
    return offset < found.end ? 'cycle' : found.node;
  }

  private report(node: unknown, message: string): void {
    if (this.reported.has(node)) return;
    this.reported.add(node);
    const span = nodeSpan(node) ?? { start: 0, end: 0 };
    this.problems.push({ message, ...span });
  }
}

type ValueKind = 'object' | 'array' | 'string' | 'number' | 'boolean' | 'null' | 'other';

/** The JSON type of a (dereferenced) node. Dates from `!!timestamp` count as strings, like plain dates. */
export function kindOf(node: unknown): ValueKind {
  if (node === null || node === undefined) return 'null';
  if (isMap(node)) return 'object';
  if (isSeq(node)) return 'array';
  if (!isScalar(node)) return 'other';
  const v = node.value;
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string' || v instanceof Date) return 'string';
  if (typeof v === 'number' || typeof v === 'bigint') return 'number';
  if (typeof v === 'boolean') return 'boolean';
  return 'other';
}

/** A scalar's value as plain data (`Date` → 'YYYY-MM-DD', bigint → number); undefined for collections. */
export function scalarValue(node: unknown): unknown {
  if (!isScalar(node)) return undefined;
  const v = node.value;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? String(v) : v.toISOString().slice(0, 10);
  if (typeof v === 'bigint') return Number(v);
  return v;
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  object: "a group of 'key: value' lines",
  array: 'a list',
  null: 'empty',
};

/** "names › pulse › mark"; the root is "The brand file". */
export function labelOf(labels: string[]): string {
  return labels.length ? labels.join(' › ') : 'The brand file';
}

function quote(value: unknown): string {
  const text = String(value);
  return `'${text.length > 60 ? `${text.slice(0, 57)}...` : text}'`;
}

function describeActual(node: unknown): string {
  const kind = kindOf(node);
  const v = scalarValue(node);
  if (kind === 'string') return `the text ${quote(v)}`;
  if (kind === 'number') return `the number ${String(v)}`;
  if (kind === 'boolean') return String(v);
  if (kind === 'other') return 'something that is not a plain value';
  return TYPE_WORDS[kind];
}

/** YAML reads 5125550143 or 2025 as a number and true/no-quotes as booleans: say how to keep them as text. */
function quoteHint(expected: string[], node: unknown): string {
  const kind = kindOf(node);
  if (!expected.includes('string') || (kind !== 'number' && kind !== 'boolean')) return '';
  const source = isScalar(node) && typeof node.source === 'string' ? node.source : String(scalarValue(node));
  return ` To use it as text, put it in quotes: "${source}".`;
}

function typeList(types: string[]): string {
  const words = [...new Set(types.map((t) => TYPE_WORDS[t] ?? t))];
  return words.length <= 1 ? (words[0] ?? 'a value') : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

function matchesType(node: unknown, type: string | string[] | undefined): boolean {
  if (type === undefined) return true;
  const types = Array.isArray(type) ? type : [type];
  const kind = kindOf(node);
  return types.some((t) => {
    if (t === kind) return true;
    if (t === 'integer') return kind === 'number' && Number.isInteger(Number(scalarValue(node)));
    return false;
  });
}

/** Edit distance counting a swap of neighbours as one edit ("nmaes" → "names"): enough for "did you mean". */
function distance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return 99;
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

function suggestKey(key: string, known: string[]): string {
  const lower = key.toLowerCase().replace(/[\s-]+/g, '_');
  const best = known
    .map((k) => ({ k, d: distance(lower, k) }))
    .filter((x) => x.d <= Math.max(1, Math.floor(x.k.length / 4)))
    .sort((a, b) => a.d - b.d)[0];
  if (best) return ` Did you mean '${best.k}'?`;
  return known.length ? ` Known keys here: ${known.join(', ')}.` : '';
}

interface Context {
  path: PathSegment[];
  labels: string[];
  trail: unknown[];
  /** The key whose value is being checked, when there is one: the fallback location for empty values. */
  keyNode?: unknown;
}

/** Validates YAML AST nodes against a JSON schema, collecting issues with source offsets. */
export class SchemaValidator {
  readonly issues: SchemaIssue[] = [];
  private readonly patterns = new Map<string, RegExp | null>();

  constructor(
    private readonly reader: YamlReader,
    private readonly root: JsonSchema = brandSchema,
  ) {}

  validate(raw: unknown, schema: JsonSchema, ctx: Context): void {
    const s = this.resolve(schema);
    const node = this.reader.deref(raw);
    const alternatives = s.anyOf ?? s.oneOf;
    if (alternatives) return this.validateAlternatives(raw, node, alternatives, ctx);
    if (!matchesType(node, s.type)) {
      const expected = Array.isArray(s.type) ? s.type : [s.type ?? ''];
      return this.add(raw, ctx, `should be ${typeList(expected)}, not ${describeActual(node)}.${quoteHint(expected, node)}`);
    }
    if (!this.checkValue(raw, node, s, ctx)) return;
    if (isMap(node)) this.validateObject(node, s, ctx);
    else if (isSeq(node)) this.validateArray(node, s, ctx);
  }

  /** Follows `#/definitions/...` references; an unresolvable one validates nothing rather than failing. */
  private resolve(schema: JsonSchema): JsonSchema {
    let s = schema;
    for (let hops = 0; s.$ref !== undefined && hops < 16; hops++) {
      const parts = s.$ref.replace(/^#\/?/, '').split('/').filter(Boolean);
      let target: unknown = this.root;
      for (const part of parts) target = (target as Record<string, unknown> | undefined)?.[part];
      if (!target || typeof target !== 'object') return {};
      s = target as JsonSchema;
    }
    return s;
  }

  /** const, enum, string and number constraints. Returns false when the value failed one. */
  private checkValue(raw: unknown, node: unknown, s: JsonSchema, ctx: Context): boolean {
    const v = scalarValue(node);
    if ('const' in s && v !== s.const) return this.fail(raw, ctx, `must be ${String(s.const)}, not ${describeActual(node)}.`);
    if (s.enum && !s.enum.includes(v)) {
      return this.fail(raw, ctx, `${quote(v)} is not one of ${s.enum.map(String).join(', ')}.`);
    }
    if (typeof v === 'string') return this.checkString(raw, v, s, ctx);
    if (typeof v === 'number') return this.checkNumber(raw, v, s, ctx);
    return true;
  }

  private checkString(raw: unknown, v: string, s: JsonSchema, ctx: Context): boolean {
    if (s.minLength !== undefined && v.length < s.minLength) {
      return this.fail(raw, ctx, s.minLength === 1 ? 'should not be empty.' : `should be at least ${s.minLength} characters long.`);
    }
    if (s.pattern !== undefined) {
      const re = this.pattern(s.pattern);
      if (re && !re.test(v)) {
        const hint = s.patternErrorMessage ?? 'Check how it is written.';
        return this.fail(raw, ctx, `${quote(v)} isn't in the expected form. ${hint}`);
      }
    }
    return true;
  }

  private checkNumber(raw: unknown, v: number, s: JsonSchema, ctx: Context): boolean {
    if (s.minimum !== undefined && !(v >= s.minimum)) return this.fail(raw, ctx, `should be at least ${s.minimum}, not ${v}.`);
    if (s.maximum !== undefined && !(v <= s.maximum)) return this.fail(raw, ctx, `should be at most ${s.maximum}, not ${v}.`);
    return true;
  }

  private validateObject(map: YAMLMap, s: JsonSchema, ctx: Context): void {
    const props = s.properties ?? {};
    const pairs = this.reader.pairs(map);
    const present = new Set<string>();
    for (const pair of pairs) {
      if (pair.key !== undefined && !this.reader.isNull(pair.value)) present.add(pair.key);
      this.validatePair(pair, s, props, ctx);
    }
    for (const key of s.required ?? []) {
      if (present.has(key)) continue;
      const what = this.resolve(props[key] ?? {}).description;
      const hint = what ? `: ${what.charAt(0).toLowerCase()}${what.slice(1)}` : '.';
      // Squiggle the entry's first key rather than the whole (possibly long) entry.
      this.add(pairs[0]?.keyNode ?? ctx.keyNode ?? map, { ...ctx, keyNode: undefined }, `'${key}' is missing. Add '${key}'${hint}`);
    }
  }

  private validatePair(pair: KeyedPair, s: JsonSchema, props: Record<string, JsonSchema>, ctx: Context): void {
    const key = pair.key;
    const sub = key !== undefined && Object.prototype.hasOwnProperty.call(props, key) ? props[key] : undefined;
    const extra = s.additionalProperties;
    if (!sub && extra === false) {
      const name = key ?? '(a key that is not plain text)';
      const msg = `'${name}' isn't a key On Message knows here, so it is ignored.${suggestKey(name, Object.keys(props))}`;
      // Path and trail end at the ignored value, so callers can leave it out; the label stays the object's.
      this.add(pair.keyNode, { ...ctx, path: [...ctx.path, name], trail: [...ctx.trail, pair.value] }, msg, 'warning');
      return;
    }
    const schema = sub ?? (typeof extra === 'object' ? extra : undefined);
    if (!schema || key === undefined || this.reader.isNull(pair.value)) return;
    this.validate(pair.value, schema, this.child(ctx, key, key, pair.value, pair.keyNode));
  }

  private validateArray(seq: YAMLSeq, s: JsonSchema, ctx: Context): void {
    const n = seq.items.length;
    if (s.minItems !== undefined && n < s.minItems) {
      this.add(seq, ctx, `should list at least ${s.minItems} item${s.minItems === 1 ? '' : 's'}.`);
    }
    if (s.maxItems !== undefined && n > s.maxItems) {
      this.add(seq, ctx, `should list at most ${s.maxItems} item${s.maxItems === 1 ? '' : 's'}.`);
    }
    if (!s.items) return;
    seq.items.forEach((item, i) => {
      this.validate(item, s.items as JsonSchema, this.child(ctx, i, this.itemLabel(item, i), item, undefined));
    });
  }

  /**
   * "string or object": only the alternatives whose type fits are tried. The first that passes wins; if none
   * passes, the issues of the first fitting alternative are reported, which are the ones a writer can act on.
   */
  private validateAlternatives(raw: unknown, node: unknown, alternatives: JsonSchema[], ctx: Context): void {
    const resolved = alternatives.map((a) => this.resolve(a));
    const fitting = resolved.filter((a) => matchesType(node, a.type));
    if (!fitting.length) {
      const types = resolved.flatMap((a) => (Array.isArray(a.type) ? a.type : [a.type ?? 'value']));
      this.add(raw, ctx, `should be ${typeList(types)}, not ${describeActual(node)}.`);
      return;
    }
    let firstIssues: SchemaIssue[] | undefined;
    for (const alt of fitting) {
      const sub = new SchemaValidator(this.reader, this.root);
      sub.validate(raw, alt, ctx);
      if (!sub.issues.some((i) => i.severity === 'error')) {
        this.issues.push(...sub.issues);
        return;
      }
      firstIssues ??= sub.issues;
    }
    this.issues.push(...(firstIssues ?? []));
  }

  private child(ctx: Context, seg: PathSegment, label: string, raw: unknown, keyNode: unknown): Context {
    return { path: [...ctx.path, seg], labels: [...ctx.labels, label], trail: [...ctx.trail, raw], keyNode };
  }

  /** List items are named by their `id` when they have one: "names › pulse", otherwise "names › item 3". */
  private itemLabel(item: unknown, index: number): string {
    const node = this.reader.deref(item);
    if (isMap(node)) {
      const id = scalarValue(this.reader.deref(this.reader.get(node, 'id')));
      if (typeof id === 'string' && id.trim()) return id;
    }
    return `item ${index + 1}`;
  }

  private pattern(source: string): RegExp | null {
    if (!this.patterns.has(source)) {
      let re: RegExp | null = null;
      try {
        re = new RegExp(source, 'u');
      } catch {
        re = null;
      }
      this.patterns.set(source, re);
    }
    return this.patterns.get(source) ?? null;
  }

  private fail(raw: unknown, ctx: Context, message: string): false {
    this.add(raw, ctx, message);
    return false;
  }

  private add(at: unknown, ctx: Context, message: string, severity: 'error' | 'warning' = 'error'): void {
    const own = nodeSpan(at);
    const span = own && own.end > own.start ? own : (nodeSpan(ctx.keyNode) ?? own ?? { start: 0, end: 0 });
    this.issues.push({ path: ctx.path, trail: ctx.trail, labels: ctx.labels, severity, message: `${labelOf(ctx.labels)}: ${message}`, ...span });
  }
}

/** Validates a whole brand document (its top-level mapping) against the published schema. */
export function validateBrandDocument(doc: Document, reader: YamlReader = new YamlReader(doc)): SchemaIssue[] {
  const validator = new SchemaValidator(reader);
  try {
    validator.validate(doc.contents, brandSchema, { path: [], labels: [], trail: [] });
  } catch {
    // Defensive: the validator must never take the parser down; what was found so far is still reported.
  }
  return validator.issues;
}
