/**
 * Where each boilerplate entry stands in a document, shared by the boilerplate rules.
 *
 * A boilerplate is found under its heading ("## About Lumora", or a paragraph that is only that heading,
 * as a bold line), as the paragraphs that follow it up to the next heading, one per paragraph of the
 * approved text; or anywhere as a paragraph at least LOCATE_SIMILARITY similar to one of its paragraphs
 * (an About paragraph pasted without its heading). A paragraph is compared as the reader sees it: link
 * text, code and URLs included, Markdown syntax not.
 */
import type { Boilerplate } from '../brand/model';
import type { RuleContext } from '../context';
import type { ProseBlock, ProseDocument } from '../markdown/prose';
import { OPAQUE } from '../text/tokenize';
import { similarity } from '../text/similarity';
import { BucketTable, approvedKey, fuzzyKey, wordBucketKeys, type BucketKey } from './normalize';
import { type DerivedCache, derived } from '../derived';
import { blockWords } from './block-words';

/** Minimum similarity for a paragraph away from the heading to count as a copy of the boilerplate. */
export const LOCATE_SIMILARITY = 0.6;

export interface BoilerplateParagraph {
  block: number;
  /** Block-text range of the boilerplate text: the whole paragraph, or what follows a heading line in it. */
  start: number;
  end: number;
  /** Which paragraph of the approved text it stands for. */
  part: number;
  /** Found under the heading, or by similarity. */
  how: 'heading' | 'similar';
  /** The paragraph as the reader sees it. */
  text: string;
  /** Whether it is the approved text (`match: exact-normalized`) or holds it (`match: contains`). */
  current: boolean;
}

export interface BoilerplateUse {
  entry: Boilerplate;
  /** The approved text's paragraphs. */
  parts: string[];
  /** Block index of the heading, when present. */
  heading?: number;
  paragraphs: BoilerplateParagraph[];
}

/** One use per boilerplate entry (present or not), computed once per document. */
export function boilerplateUses(ctx: RuleContext): BoilerplateUse[] {
  return ctx.memo('messages.boilerplateUses', () => locate(ctx));
}

export function isPresent(use: BoilerplateUse): boolean {
  return use.heading !== undefined || use.paragraphs.length > 0;
}

export function partsOf(entry: Boilerplate): string[] {
  return entry.text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}

function locate(ctx: RuleContext): BoilerplateUse[] {
  const { doc, brand } = ctx;
  const taken = new Set<number>();
  const uses: BoilerplateUse[] = brand.boilerplate.map((entry) => ({ entry, parts: [...entryView(entry).texts], paragraphs: [] }));
  if (uses.length === 0) return uses;
  for (const use of uses) underHeading(doc, use, taken);
  const views = new Map<number, ParagraphView>();
  for (const use of uses) bySimilarity(ctx, use, taken, views);
  for (const use of uses) use.paragraphs.sort((a, b) => a.block - b.block);
  return uses;
}

/**
 * A trailing run is matched only from where the run starts (the lookbehind): `[\s:.]+$` alone retries at
 * every position of a long run that does not end the text, which made a paragraph of dots quadratic (issue 7).
 */
function headingKey(s: string): string {
  return approvedKey(s)
    .toLowerCase()
    .replace(/[®™℠]/g, '')
    .replace(/(?<![\s:.])[\s:.]+$/, '');
}

/**
 * Whether `s[from, to)` can have the heading key `wanted`: paragraphs far longer than a heading cannot.
 *
 * A lower bound of headingKey(s).length: its ASCII characters other than white space, ":", "." and "(" all
 * stay in the key, one for one, except the up to three after each "(" that a "(R)", "(TM)" or "(SM)" takes
 * with it. Non-ASCII characters are not counted (some are white space or trademark symbols). The range can
 * have the key when that bound, kept − 3 × opens, is at most the wanted length. The text is read only as far
 * as needed (a profile of the 5 KB press release put the heading search, which counted every block's whole
 * text, at about 0.5% of a check): the "(" are counted first, by a native search (they are rare); the kept
 * characters only grow, so once more than the wanted length plus three per "(" have been read, the whole
 * range holds more.
 */
function mayBeHeading(s: string, from: number, to: number, wanted: string): boolean {
  let opens = 0;
  for (let i = s.indexOf('(', from); i >= 0 && i < to; i = s.indexOf('(', i + 1)) opens++;
  const most = wanted.length + 3 * opens;
  let kept = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c > 32 && c < 127 && c !== 58 && c !== 46 && c !== 40 && ++kept > most) return false;
  }
  return true;
}

function underHeading(doc: ProseDocument, use: BoilerplateUse, taken: Set<number>): void {
  const wanted = entryView(use.entry).heading;
  for (let b = 0; b < doc.blocks.length; b++) {
    const block = doc.blocks[b];
    if (taken.has(b)) continue;
    // A profile of the 5 KB press release showed the heading key of every block (eight regex passes over
    // each paragraph) at 1.5–2% of a check: a block whose key cannot be that short is not compared.
    const text = block.text;
    const lineEnd = text.indexOf('\n');
    const isHeading =
      (block.kind === 'heading' || (block.kind === 'paragraph' && !block.inList)) && mayBeHeading(text, 0, text.length, wanted) && headingKey(text) === wanted;
    const headsParagraph = block.kind === 'paragraph' && !isHeading && lineEnd >= 0 && mayBeHeading(text, 0, lineEnd, wanted) && headingKey(text.slice(0, lineEnd)) === wanted;
    const firstLine = lineEnd >= 0 ? text.slice(0, lineEnd) : text;
    if (!isHeading && !headsParagraph) continue;
    use.heading = b;
    taken.add(b);
    let part = 0;
    if (headsParagraph) {
      add(doc, use, b, firstLine.length + 1, block.text.length, part++, 'heading');
    }
    for (let p = b + 1; p < doc.blocks.length && part < use.parts.length; p++) {
      const next = doc.blocks[p];
      if (next.kind === 'heading' || taken.has(p)) break;
      if (next.kind !== 'paragraph') continue;
      add(doc, use, p, 0, next.text.length, part++, 'heading');
      taken.add(p);
    }
    return;
  }
}

/** A paragraph as the similarity search reads it, computed once per document whatever the number of entries. */
interface ParagraphView {
  text: string;
  /** fuzzyKey(text), computed only for a paragraph whose words could match (see bySimilarity). */
  fuzzy?: string;
  /** Its words' buckets, computed only for a paragraph long enough to be compared (see maxFuzzyLength). */
  buckets?: BucketKey[];
}

/** An approved paragraph as the similarity search reads it. */
interface PartView {
  fuzzy: string;
  /** Its words' distinct buckets. */
  buckets: BucketTable;
}

/** An entry's approved text as the search reads it. */
interface EntryView {
  /** partsOf(entry). */
  texts: string[];
  /** approvedKey of each of `texts`. */
  keys: string[];
  /** headingKey(entry.heading). */
  heading: string;
  parts: PartView[];
  /** The shortest fuzzy key of the parts. */
  shortest: number;
}

/**
 * The approved paragraphs, their fuzzy keys and word buckets depend only on the brand: computed once per
 * entry (derived.ts), not once per document (a profile of the 5 KB press release showed them rebuilt on
 * every check, and later the split into paragraphs at 3% of the locating).
 */
const entryViews: DerivedCache<Boilerplate, EntryView> = new WeakMap();

function entryView(entry: Boilerplate): EntryView {
  return derived(entryViews, entry, [entry.text, entry.heading], () => {
    const texts = partsOf(entry);
    const parts = texts.map((text) => ({ fuzzy: fuzzyKey(text), buckets: new BucketTable(wordBucketKeys(text)) }));
    return { texts, keys: texts.map(approvedKey), heading: headingKey(entry.heading), parts, shortest: Math.min(...parts.map((p) => p.fuzzy.length)) };
  });
}

/**
 * An upper bound of fuzzyKey(text).length without computing it: the key only drops and folds characters,
 * and lower-casing lengthens nothing but U+0130 (İ → i̇).
 */
function maxFuzzyLength(text: string): number {
  let n = text.length;
  for (let i = text.indexOf('\u0130'); i >= 0; i = text.indexOf('\u0130', i + 1)) n++;
  return n;
}

function bySimilarity(ctx: RuleContext, use: BoilerplateUse, taken: Set<number>, views: Map<number, ParagraphView>): void {
  const doc = ctx.doc;
  const { parts, shortest } = entryView(use.entry);
  for (let b = 0; b < doc.blocks.length; b++) {
    const block = doc.blocks[b];
    if (taken.has(b) || block.kind !== 'paragraph') continue;
    let view = views.get(b);
    if (!view) {
      view = { text: plainText(doc, block, 0, block.text.length) };
      views.set(b, view);
    }
    const text = view.text;
    let best = -1;
    let bestScore = 0;
    // A paragraph too short for the Dice bound below against even the shortest approved paragraph is
    // compared with none: neither its words nor its fuzzy key are read (most paragraphs of a release are short).
    const most = maxFuzzyLength(text);
    const comparable = !(most < shortest && (2 * most) / (most + shortest) < LOCATE_SIMILARITY - 0.01);
    if (comparable) parts.forEach((part, i) => {
      // The tests below are independent: the cheapest that rejects most paragraphs comes first. A profile of
      // the 5 KB press release showed the fuzzy key of every comparable paragraph at 0.7% of a check, and
      // the shared words rejecting every one of them once the buckets were read without a string per word.
      // Shared: how many of the approved paragraph's distinct buckets the paragraph has (counting stops
      // once there are enough).
      const buckets = (view.buckets ??= paragraphBuckets(ctx, b, text));
      const need = 0.5 * part.buckets.size;
      const seen = new Array<boolean>(part.buckets.size).fill(false);
      let shared = 0;
      for (let w = 0; w < buckets.length && shared < need; w++) {
        const k = part.buckets.indexOf(buckets[w]);
        if (k >= 0 && !seen[k]) {
          seen[k] = true;
          shared++;
        }
      }
      if (shared < need) return;
      // Dice can reach the threshold only when neither text is much longer than the other.
      const fuzzy = (view.fuzzy ??= fuzzyKey(text));
      const short = Math.min(fuzzy.length, part.fuzzy.length);
      if ((2 * short) / (fuzzy.length + part.fuzzy.length) < LOCATE_SIMILARITY) return;
      const score = similarity(fuzzy, part.fuzzy);
      if (score >= LOCATE_SIMILARITY && score > bestScore) {
        best = i;
        bestScore = score;
      }
    });
    if (best >= 0 || (use.entry.match === 'contains' && holds(text, entryView(use.entry).keys))) {
      add(doc, use, b, 0, block.text.length, Math.max(best, 0), 'similar');
      taken.add(b);
    }
  }
}

/**
 * wordBucketKeys(text) of paragraph `b` read as `text`: the block's shared keys (block-words.ts) when the
 * block's words are wordsOf(block.text) and the paragraph reads as its block text (nothing hidden was put back).
 */
export function paragraphBuckets(ctx: RuleContext, b: number, text: string): BucketKey[] {
  const words = blockWords(ctx, b);
  return words.plain && text === ctx.blocks[b].block.text ? words.keys : wordBucketKeys(text);
}

/** Whether the approved key of `text` holds one of `keys` (the parts' approved keys). */
function holds(text: string, keys: string[]): boolean {
  const key = approvedKey(text);
  return keys.some((k) => key.includes(k));
}

function add(doc: ProseDocument, use: BoilerplateUse, b: number, start: number, end: number, part: number, how: BoilerplateParagraph['how']): void {
  const text = plainText(doc, doc.blocks[b], start, end);
  // The parts' keys depend only on the entry (entryView); approvedKey('') is ''.
  const approved = entryView(use.entry).keys[part] ?? '';
  const key = approvedKey(text);
  const current = use.entry.match === 'contains' ? key.includes(approved) : key === approved;
  use.paragraphs.push({ block: b, start, end, part, how, text, current });
}

/**
 * `[from, to)` of a block as the reader sees it: where the prose model hid something (OPAQUE), the
 * visible text of its source: a link's text, code's content, a URL; nothing for HTML.
 */
export function plainText(doc: ProseDocument, block: ProseBlock, from: number, to: number): string {
  let out = '';
  for (const seg of block.segments) {
    const s = Math.max(seg.textStart, from);
    const e = Math.min(seg.textEnd, to);
    if (e <= s) continue;
    const value = block.text.slice(s, e);
    out += value === OPAQUE && !seg.exact ? visible(doc.source.slice(seg.srcStart, seg.srcEnd)) : value;
  }
  return out;
}

function visible(src: string): string {
  let m: RegExpExecArray | null;
  if ((m = /^\[([^\]]*)\]\([^)]*\)$/.exec(src))) return m[1];
  if ((m = /^<((?:https?|mailto|ftp):[^>]+|[^>\s@]+@[^>\s]+)>$/.exec(src))) return m[1];
  if ((m = /^(`+)([\s\S]*?)\1$/.exec(src))) return m[2].trim();
  if (/^</.test(src) || /^!\[/.test(src)) return '';
  return src;
}
