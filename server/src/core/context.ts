/**
 * What a rule sees: the document's prose, split into tokens and sentences, every brand form found in it
 * (one trie scan shared by all rules), its quotations, and a `report` function that turns block-text
 * offsets into source offsets and keeps a fix only where it can be applied verbatim.
 */
import type { Brand, EntryBase, Person } from './brand/model';
import type { BrandSource, FigureProposal, Finding, Severity } from './types';
import { type ProseBlock, type ProseDocument, isVerbatim, sourceEnd, sourceStart } from './markdown/prose';
import { type Quote, blockquoteThirdParty, findQuotes } from './markdown/quotes';
import { type Token, tokenize } from './text/tokenize';
import { type Sentence, sentenceIndexAt, splitSentences } from './text/sentences';
import { type MatchIndex, type Role, type TrieNode } from './match/index-builder';
import { normalizeText } from './text/normalize';
import { type DerivedCache, derived } from './derived';

export interface BlockAnalysis {
  block: ProseBlock;
  tokens: Token[];
  sentences: Sentence[];
}

/** A brand form found in the copy. Token indices are into BlockAnalysis.tokens, `last` inclusive. */
export interface Mention {
  block: number;
  first: number;
  last: number;
  /** Block-text offsets. */
  start: number;
  end: number;
  /** The words as written, white space folded to single spaces. */
  surface: string;
  roles: Role[];
}

/** A brand form found by formsWithin: its role and block-text offsets. */
export interface FormHit {
  role: Role;
  start: number;
  end: number;
}

/** Where a span sits: inside a quotation, a third party's quotation, a heading, link text. */
export interface Scope {
  quote: boolean;
  thirdPartyQuote: boolean;
  /** Inside a quotation attributed to one of the brand's own people. */
  ownQuote: boolean;
  heading: boolean;
  linkText: boolean;
}

export interface Report {
  block: number;
  start: number;
  end: number;
  message: string;
  severity?: Severity;
  /** Replacement for `[fixStart ?? start, fixEnd ?? end)`; dropped when that range is not verbatim source. */
  fix?: { title: string; text: string; start?: number; end?: number };
  source?: BrandSource;
  entryId?: string;
  deprecated?: boolean;
  figure?: FigureProposal;
}

export interface RuleContext {
  readonly brand: Brand;
  readonly index: MatchIndex;
  readonly doc: ProseDocument;
  readonly blocks: BlockAnalysis[];
  readonly mentions: Mention[];
  readonly quotes: Quote[];
  /** The document's channel (front matter `channel:` or the brand file's path globs), if any. */
  readonly channel?: string;
  /** The date the document speaks from (YYYY-MM-DD): its front-matter `date`, else today. */
  readonly date: string;
  scope(block: number, offset: number): Scope;
  sentenceAt(block: number, offset: number): Sentence;
  /** Whether `offset` starts its sentence (after any opening quotes or brackets). */
  isSentenceStart(block: number, offset: number): boolean;
  /**
   * Every brand form inside `[start, end)` of a block, nested ones included, not only the longest match: a
   * phrase pattern such as "PostHog is the only" still names the company.
   */
  formsWithin(block: number, start: number, end: number): FormHit[];
  /** A value computed once per document and shared by every rule that asks for it under `key`. */
  memo<T>(key: string, compute: () => T): T;
  report(report: Report): void;
  /** Reports on source offsets, for findings tied to no prose block (a missing element, a front-matter field). */
  reportAt(report: SourceReport): void;
}

/** A finding on source offsets; its fix, when given, is in source offsets too and is kept as given. */
export interface SourceReport {
  start: number;
  end: number;
  message: string;
  severity?: Severity;
  fix?: { title: string; text: string; start: number; end: number };
  source?: BrandSource;
  entryId?: string;
}

/** Everything computed once per document and shared by all rules. */
export interface Analysis {
  brand: Brand;
  index: MatchIndex;
  doc: ProseDocument;
  blocks: BlockAnalysis[];
  mentions: Mention[];
  quotes: Quote[];
  blockquoteThirdParty: boolean[];
  channel?: string;
  date: string;
  /** Values shared between rules; see RuleContext.memo. */
  memos: Map<string, unknown>;
}

export function analyse(doc: ProseDocument, brand: Brand, index: MatchIndex, channel: string | undefined, date: string): Analysis {
  const blocks = doc.blocks.map(blockAnalysis);
  const mentions: Mention[] = [];
  const scan = trieScan(index.root);
  blocks.forEach((analysis, b) => findMentions(analysis, b, scan, mentions));
  const isOurs = (speaker: string): boolean => brand.people.some((p) => speakerIs(speaker, p));
  return {
    brand,
    index,
    doc,
    blocks,
    mentions,
    quotes: findQuotes(doc, isOurs),
    blockquoteThirdParty: blockquoteThirdParty(doc, isOurs),
    channel,
    date,
    memos: new Map(),
  };
}

/**
 * A block's tokens, and its sentences split on first read: `sentences` reads as the array splitSentences
 * gives (the same array on every read) and may be assigned like a field. Rules ask for the sentences
 * of a few blocks (those with a mention, a figure or a boilerplate candidate): 12 of the 21 blocks of the
 * 5 KB press release, and splitting every block was ~9% of analyse() in a profile. A class, so every
 * block analysis shares one shape (an object literal with its own getter gets a shape of its own, and
 * the rules' reads of `tokens` and `block` would see many). Unlike a field, `sentences` is not an own
 * property: nothing spreads, serialises or lists the keys of a block analysis (grep).
 */
function blockAnalysis(block: ProseBlock): BlockAnalysis {
  return new LazyBlockAnalysis(block, tokenize(block.text));
}

class LazyBlockAnalysis implements BlockAnalysis {
  private split: Sentence[] | undefined = undefined;

  constructor(
    readonly block: ProseBlock,
    readonly tokens: Token[],
  ) {}

  get sentences(): Sentence[] {
    return (this.split ??= splitSentences(this.block.text));
  }

  set sentences(value: Sentence[]) {
    this.split = value;
  }
}

/**
 * normalizeText of `[start, end)` of a block (a sentence, usually), once per document: the claim and
 * phrase rules normalise the same sentences.
 */
export function normalizedSpan(ctx: RuleContext, block: number, start: number, end: number): string {
  const held = ctx.memo('text.normalizedSpans', () => new Map<string, string>());
  const key = `${block}:${start}:${end}`;
  let n = held.get(key);
  if (n === undefined) {
    n = normalizeText(ctx.blocks[block].block.text.slice(start, end));
    held.set(key, n);
  }
  return n;
}

/** Whether an attribution names `person` (full name, or surname alone as AP second references do). */
export function speakerIs(speaker: string, person: Person): boolean {
  const name = person.name.trim();
  if (speaker.includes(name)) return true;
  return surnameAtEnd(person, name).test(speaker);
}

/**
 * The surname-at-the-end pattern of a person, built once per person (derived.ts): a
 * profile of the 5 KB press release showed a RegExp compiled per quotation per person (speakerIs, 0.6%).
 */
const surnamePatterns: DerivedCache<Person, RegExp> = new WeakMap();

function surnameAtEnd(person: Person, name: string): RegExp {
  return derived(surnamePatterns, person, [name], () => {
    const last = name.split(/\s+/).pop() ?? name;
    return new RegExp(`(?:^|\\s)${escapeRegExp(last)}$`, 'u');
  });
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Longest-match scan: at each token, walk the trie as far as the copy allows; keep the deepest roles. */
function findMentions(analysis: BlockAnalysis, block: number, scan: TrieScan, out: Mention[]): void {
  const tokens = analysis.tokens;
  const text = analysis.block.text;
  let i = 0;
  while (i < tokens.length) {
    let node = step(scan.first, tokens[i].key);
    let best = -1;
    let bestNode: ScanNode | undefined;
    for (let j = i; node; ) {
      if (node.roles.length > 0) {
        best = j;
        bestNode = node;
      }
      j++;
      if (j >= tokens.length) break;
      const t = tokens[j];
      node = step(t.glued ? node.glued : node.spaced, t.key);
    }
    if (bestNode && startsWord(tokens, i)) {
      const start = tokens[i].start;
      const end = tokens[best].end;
      out.push({ block, first: i, last: best, start, end, surface: surfaceOf(text, tokens, i, best), roles: bestNode.roles });
      i = best + 1;
    } else {
      i++;
    }
  }
}

/**
 * The words of tokens `first`..`last` as written, white space folded to single spaces: by definition
 * `text.slice(start, end).replace(/\s+/g, ' ')`. Only tokens hold other characters than white space, so
 * when no opaque token (which may hold white space) is among them and every gap between them is one
 * space, the slice is already folded; most mentions are one word or words one space apart, and the
 * replace was a regular expression and a second string per mention (4% of analyse() in a profile of the
 * 5 KB press release). Held equal to the definition by a property test (test/unit/mentions.test.ts).
 */
export function surfaceOf(text: string, tokens: readonly Token[], first: number, last: number): string {
  const start = tokens[first].start;
  const end = tokens[last].end;
  let folded = tokens[first].kind !== 'opaque';
  for (let k = first + 1; folded && k <= last; k++) {
    const t = tokens[k];
    const gap = t.start - tokens[k - 1].end;
    folded = t.kind !== 'opaque' && (gap === 0 || (gap === 1 && text.charCodeAt(t.start - 1) === 32));
  }
  const slice = text.slice(start, end);
  return folded ? slice : slice.replace(/\s+/g, ' ');
}

/**
 * The match trie in the shape the scan walks, built once per trie (it is not changed after
 * buildMatchIndex). Each node's children are split by glue, so a step looks up the token's own key instead
 * of a new `' ' + key` string, and held in a KeyTable, which compares keys with === instead of hashing them:
 * a Map hashes every token key it is asked for, and a token's key is a new string whose hash is not yet
 * known. A profile of the 5 KB press release put the two Map lookups per token at a fifth of analyse()
 * (964 tokens, 159 of them the start of a form).
 */
interface ScanNode {
  glued: KeyTable;
  spaced: KeyTable;
  roles: Role[];
}

/**
 * Keys to nodes by open addressing on keySlot, a hash of every UTF-16 unit of the key (nothing allocated
 * or cached), with at least four times as many slots as keys: a key that is not there (most tokens)
 * usually lands on an empty slot at once.
 */
interface KeyTable {
  mask: number;
  keys: Array<string | undefined>;
  nodes: Array<ScanNode | undefined>;
}

const EMPTY_TABLE: KeyTable = { mask: 0, keys: [undefined], nodes: [undefined] };

function keySlot(key: string): number {
  // FNV-1a over every UTF-16 unit. A hash of the first and last units and the length alone put a brand of
  // 5,000 names into a few thousand slots, so a miss walked long runs of full slots: the brand-file growth
  // bench went from 1.04× to 2.10×.
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function keyTable(entries: Array<[string, ScanNode]>): KeyTable {
  if (entries.length === 0) return EMPTY_TABLE;
  let size = 4;
  while (size < entries.length * 4) size *= 2;
  const table: KeyTable = { mask: size - 1, keys: new Array<string | undefined>(size).fill(undefined), nodes: new Array<ScanNode | undefined>(size).fill(undefined) };
  for (const [key, node] of entries) {
    let i = keySlot(key) & table.mask;
    while (table.keys[i] !== undefined) i = (i + 1) & table.mask;
    table.keys[i] = key;
    table.nodes[i] = node;
  }
  return table;
}

/** The node under `key`, as the Map of the trie node would give it. */
function step(table: KeyTable, key: string): ScanNode | undefined {
  const keys = table.keys;
  for (let i = keySlot(key) & table.mask; ; i = (i + 1) & table.mask) {
    const k = keys[i];
    if (k === undefined) return undefined;
    if (k === key) return table.nodes[i];
  }
}

interface TrieScan {
  /** The forms by their first key, as `root.children`. */
  first: KeyTable;
}

const trieScans = new WeakMap<TrieNode, TrieScan>();

function trieScan(root: TrieNode): TrieScan {
  let scan = trieScans.get(root);
  if (scan) return scan;
  const nodes = new Map<TrieNode, ScanNode>();
  const pending: TrieNode[] = [];
  const scanNode = (node: TrieNode): ScanNode => {
    let held = nodes.get(node);
    if (!held) {
      held = { glued: EMPTY_TABLE, spaced: EMPTY_TABLE, roles: node.roles };
      nodes.set(node, held);
      pending.push(node);
    }
    return held;
  };
  const first = keyTable([...root.children].map(([key, child]) => [key, scanNode(child)]));
  // Iterative, not recursive: a brand form of 100,000 words must not overflow the stack (issue 7).
  for (let node = pending.pop(); node; node = pending.pop()) {
    const held = nodes.get(node)!;
    const glued: Array<[string, ScanNode]> = [];
    const spaced: Array<[string, ScanNode]> = [];
    // An inner key is the token's key, after a space unless the token is glued to the one before (formKeys).
    for (const [key, child] of node.children) {
      if (key.startsWith(' ')) spaced.push([key.slice(1), scanNode(child)]);
      else glued.push([key, scanNode(child)]);
    }
    held.glued = keyTable(glued);
    held.spaced = keyTable(spaced);
  }
  scan = { first };
  trieScans.set(root, scan);
  return scan;
}

/** A form cannot start in the middle of a word joined by an apostrophe ("don't" is not "t"). */
function startsWord(tokens: Token[], i: number): boolean {
  const prev = tokens[i - 1];
  return !(tokens[i].glued && prev && prev.kind === 'punct' && prev.key === "'" && tokens[i - 2]?.kind === 'word');
}

/**
 * Binds an analysis to one rule: reports carry that rule's id and default severity. One object per rule,
 * its methods on the prototype: a closure per method per rule was 500 allocations per check.
 */
export function contextFor(analysis: Analysis, rule: string, severity: Severity, sink: Finding[]): RuleContext {
  return new BoundContext(analysis, rule, severity, sink);
}

class BoundContext implements RuleContext {
  readonly brand: Brand;
  readonly index: MatchIndex;
  readonly doc: ProseDocument;
  readonly blocks: BlockAnalysis[];
  readonly mentions: Mention[];
  readonly quotes: Quote[];
  readonly channel?: string;
  readonly date: string;

  constructor(
    private readonly analysis: Analysis,
    private readonly rule: string,
    private readonly severity: Severity,
    private readonly sink: Finding[],
  ) {
    this.brand = analysis.brand;
    this.index = analysis.index;
    this.doc = analysis.doc;
    this.blocks = analysis.blocks;
    this.mentions = analysis.mentions;
    this.quotes = analysis.quotes;
    this.channel = analysis.channel;
    this.date = analysis.date;
  }

  scope(block: number, offset: number): Scope {
    return scopeAt(this.analysis, block, offset);
  }

  sentenceAt(block: number, offset: number): Sentence {
    const sentences = this.analysis.blocks[block].sentences;
    const i = sentenceIndexAt(sentences, offset);
    return i >= 0 ? sentences[i] : { start: 0, end: this.analysis.blocks[block].block.text.length };
  }

  isSentenceStart(block: number, offset: number): boolean {
    const b = this.analysis.blocks[block].block;
    const s = this.sentenceAt(block, offset);
    // Nothing but punctuation, emoji or hidden text before it in its sentence, or in its label. The last
    // label at or before the offset by binary search (labels ascend): a spread of every label would cost
    // the block and overflow the stack in a paragraph with 100,000 of them (issue 7).
    const label = lastAtOrBefore(b.labels, offset);
    // The piece of an over-long sentence that was cut (sentences.ts) does not start a sentence.
    if (s.continues && (label === undefined || label < s.start)) return false;
    const from = Math.max(s.start, label ?? s.start);
    return /^[^\p{L}\p{N}]*$/u.test(b.text.slice(from, offset));
  }

  formsWithin(block: number, start: number, end: number): FormHit[] {
    return formsWithin(this.analysis, block, start, end);
  }

  memo<T>(key: string, compute: () => T): T {
    const memos = this.analysis.memos;
    if (!memos.has(key)) memos.set(key, compute());
    return memos.get(key) as T;
  }

  report(r: Report): void {
    const block = this.analysis.blocks[r.block].block;
    const finding: Finding = {
      rule: this.rule,
      severity: r.severity ?? this.severity,
      message: r.message,
      start: sourceStart(block, r.start),
      end: sourceEnd(block, r.end),
    };
    if (r.fix) {
      const fs = r.fix.start ?? r.start;
      const fe = r.fix.end ?? r.end;
      if (isVerbatim(block, fs, fe)) {
        finding.fix = { title: r.fix.title, start: sourceStart(block, fs), end: sourceEnd(block, fe), text: r.fix.text };
      }
    }
    if (r.source) finding.source = r.source;
    if (r.entryId) finding.entryId = r.entryId;
    if (r.deprecated) finding.deprecated = true;
    if (r.figure) finding.figure = r.figure;
    this.sink.push(finding);
  }

  reportAt(r: SourceReport): void {
    const finding: Finding = { rule: this.rule, severity: r.severity ?? this.severity, message: r.message, start: r.start, end: r.end };
    if (r.fix) finding.fix = { title: r.fix.title, start: r.fix.start, end: r.fix.end, text: r.fix.text };
    if (r.source) finding.source = r.source;
    if (r.entryId) finding.entryId = r.entryId;
    this.sink.push(finding);
  }
}

function formsWithin(analysis: Analysis, block: number, start: number, end: number): FormHit[] {
  const tokens = analysis.blocks[block].tokens;
  const hits: FormHit[] = [];
  // From the first token at or after `start` (binary search): a call costs the span, not the block (issue 7).
  const scan = trieScan(analysis.index.root);
  for (let i = firstTokenAt(tokens, start); i < tokens.length && tokens[i].start < end; i++) {
    let node = step(scan.first, tokens[i].key);
    for (let j = i; node && tokens[j].end <= end; ) {
      for (const role of node.roles) hits.push({ role, start: tokens[i].start, end: tokens[j].end });
      j++;
      if (j >= tokens.length) break;
      const t = tokens[j];
      node = step(t.glued ? node.glued : node.spaced, t.key);
    }
  }
  return hits;
}

/**
 * The mentions of `block` inside `[start, end)`, in order. Mentions are sorted by block, then start, so a
 * binary search finds the first: a call costs the span, not the whole document (issue 7).
 */
export function mentionsWithin(mentions: readonly Mention[], block: number, start: number, end: number): Mention[] {
  let lo = 0;
  let hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const m = mentions[mid];
    if (m.block < block || (m.block === block && m.start < start)) lo = mid + 1;
    else hi = mid;
  }
  const out: Mention[] = [];
  for (let i = lo; i < mentions.length && mentions[i].block === block && mentions[i].start < end; i++) if (mentions[i].end <= end) out.push(mentions[i]);
  return out;
}

/** The last of ascending `values` at or before `offset`, if any. */
function lastAtOrBefore(values: readonly number[], offset: number): number | undefined {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid] <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? values[lo - 1] : undefined;
}

/** Index of the first token starting at or after `offset` (tokens are sorted by start). */
function firstTokenAt(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function scopeAt(analysis: Analysis, block: number, offset: number): Scope {
  const b = analysis.blocks[block].block;
  let quote = false;
  let thirdPartyQuote = false;
  let ownQuote = false;
  if (b.blockquote >= 0) {
    quote = true;
    thirdPartyQuote = analysis.blockquoteThirdParty[b.blockquote];
  }
  // Quotations are sorted by block and start and do not overlap within a block (quotes.ts), so their ends
  // ascend too: a binary search finds the only one that can hold `offset` (issue 7: a call must not cost
  // every quotation in the document).
  const quotes = analysis.quotes;
  let lo = 0;
  let hi = quotes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (quotes[mid].block < block || (quotes[mid].block === block && quotes[mid].end <= offset)) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < quotes.length && quotes[i].block === block && quotes[i].start <= offset; i++) {
    const q = quotes[i];
    if (offset >= q.start && offset < q.end) {
      quote = true;
      thirdPartyQuote = thirdPartyQuote || q.thirdParty;
      ownQuote = ownQuote || (q.speaker !== undefined && !q.thirdParty);
    }
  }
  const linkText = b.links.some(([s, e]) => offset >= s && offset < e);
  return { quote, thirdPartyQuote, ownQuote, heading: b.kind === 'heading', linkText };
}

/** "names › pulse" with the entry's location in the brand file, owner and source. */
export function brandSource(section: string, entry: EntryBase & { source?: string }): BrandSource {
  const src: BrandSource = { label: `${section} › ${entry.id}`, start: entry.span.start, end: entry.span.end };
  if (entry.owner) src.owner = entry.owner;
  if (entry.source) src.reference = entry.source;
  return src;
}
