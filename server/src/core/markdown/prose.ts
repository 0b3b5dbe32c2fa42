/**
 * The prose model: what the checks may read in a Markdown document, and how it maps back to the source.
 *
 * Each paragraph, heading and table cell becomes one ProseBlock whose `text` holds only prose. Code,
 * inline code, raw HTML and comments, images, autolinks ("<https://…>", and GFM's literal ones such as
 * "www.example.com" and "press@example.com", found here rather than by the parser: gfm.ts) and link
 * targets are replaced by OPAQUE (one character that never matches), so words on either side of them are
 * never joined. Front matter is read as data, never as prose.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import { parse as parseYaml } from 'yaml';
import type { Root, RootContent, PhrasingContent, Nodes } from 'mdast';
import { OPAQUE } from '../text/tokenize';
import { gfmWithoutLiteralAutolinks } from './gfm';
import { literalAutolinks } from './autolinks';

/** A run of block text mapped onto the source. `exact` runs map offset by offset; others only as a whole. */
export interface Segment {
  textStart: number;
  textEnd: number;
  srcStart: number;
  srcEnd: number;
  exact: boolean;
}

export type BlockKind = 'paragraph' | 'heading' | 'tableCell';

export interface ProseBlock {
  kind: BlockKind;
  /** Heading depth (1–6); 0 for other blocks. */
  depth: number;
  text: string;
  segments: Segment[];
  /** Index of the enclosing blockquote in ProseDocument.blockquotes, or -1. */
  blockquote: number;
  /** Whether the block sits inside a list item. */
  inList: boolean;
  /** Text ranges that are link text. */
  links: Array<[number, number]>;
  /** Where link text and bold or italic spans begin: labels ("**Session replay:**") capitalise like a sentence start. */
  labels: number[];
  /** Source range of the whole block. */
  start: number;
  end: number;
}

/** An HTML comment anywhere in the document, with its source range. */
export interface HtmlComment {
  /** The comment body without `<!--` and `-->`, trimmed. */
  body: string;
  start: number;
  end: number;
}

export interface ProseDocument {
  source: string;
  /** The whole mdast tree, for checks of document structure (headline, dateline, required sections). */
  tree: Root;
  blocks: ProseBlock[];
  /** Each blockquote's source range; blocks point into this list. */
  blockquotes: Array<{ start: number; end: number }>;
  comments: HtmlComment[];
  /** Parsed front matter; {} when absent or not a YAML mapping. */
  frontMatter: Record<string, unknown>;
}

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(gfmWithoutLiteralAutolinks);

/** A character that is neither white space nor OPAQUE (`\s` is the set String.prototype.trim removes). */
const VISIBLE = new RegExp(`[^\\s${OPAQUE}]`);

/**
 * Whether block text holds nothing a reader sees: `text.split(OPAQUE).join('').trim() === ''`, without the
 * copies (held equal by a test in test/unit/prose.test.ts).
 */
export function isBlank(text: string): boolean {
  return !VISIBLE.test(text);
}

/** MDX module lines ("import X from './x'") are code, not prose. */
const MDX_MODULE_LINE = /^(?:import|export)\s[^\n]*(?:\bfrom\s+['"]|=)/;

export function parseProse(source: string): ProseDocument {
  return proseFromTree(source, parseMarkdown(source));
}

/** remark's parse of Markdown (GFM and YAML front matter), the tree the prose model is read from. */
export function parseMarkdown(source: string): Root {
  const tree = processor.parse(source) as Root;
  // micromark skips a leading byte-order mark and counts offsets without it; every offset would be one
  // short, and findings and fixes would land one character early (issue 7). Count the mark back in.
  if (source.charCodeAt(0) === 0xfeff) shiftOffsets(tree, 1);
  return tree;
}

function shiftOffsets(node: Nodes, by: number): void {
  const p = node.position;
  if (p) {
    if (p.start.offset !== undefined) p.start.offset += by;
    if (p.end.offset !== undefined) p.end.offset += by;
  }
  if ('children' in node) for (const child of node.children as Nodes[]) shiftOffsets(child, by);
}

/** The prose model of `source` from its mdast tree (parseMarkdown's, or incremental.ts's). */
export function proseFromTree(source: string, tree: Root): ProseDocument {
  const doc: ProseDocument = { source, tree, blocks: [], blockquotes: [], comments: [], frontMatter: {} };
  walkBlocks(tree.children, doc, -1, false);
  return doc;
}

function walkBlocks(nodes: RootContent[], doc: ProseDocument, quote: number, inList: boolean): void {
  for (const node of nodes) {
    switch (node.type) {
      case 'paragraph':
        addBlock(doc, node, 'paragraph', 0, quote, inList);
        break;
      case 'heading':
        addBlock(doc, node, 'heading', node.depth, quote, inList);
        break;
      case 'blockquote': {
        const id = doc.blockquotes.length;
        doc.blockquotes.push(range(node));
        walkBlocks(node.children, doc, id, inList);
        break;
      }
      case 'list':
        for (const item of node.children) walkBlocks(item.children, doc, quote, true);
        break;
      case 'table':
        for (const row of node.children) {
          for (const cell of row.children) addBlock(doc, cell, 'tableCell', 0, quote, inList);
        }
        break;
      case 'footnoteDefinition':
        walkBlocks(node.children, doc, quote, inList);
        break;
      case 'html':
        collectComments(doc, node);
        break;
      case 'yaml':
        doc.frontMatter = readFrontMatter(node.value);
        break;
      default:
        // code, thematicBreak, definition: nothing a writer's message lives in.
        break;
    }
  }
}

function range(node: Nodes): { start: number; end: number } {
  return { start: node.position?.start.offset ?? 0, end: node.position?.end.offset ?? 0 };
}

function addBlock(
  doc: ProseDocument,
  node: { children: PhrasingContent[] } & Nodes,
  kind: BlockKind,
  depth: number,
  blockquote: number,
  inList: boolean,
): void {
  const { start, end } = range(node);
  if (kind === 'paragraph' && MDX_MODULE_LINE.test(doc.source.slice(start, end))) return;
  const builder = new BlockBuilder(doc);
  builder.addInline(node.children);
  if (isBlank(builder.text)) return;
  doc.blocks.push({ kind, depth, text: builder.text, segments: builder.segments, links: builder.links, labels: builder.labels, blockquote, inList, start, end });
}

class BlockBuilder {
  text = '';
  segments: Segment[] = [];
  links: Array<[number, number]> = [];
  labels: number[] = [];

  constructor(private readonly doc: ProseDocument) {}

  addInline(nodes: PhrasingContent[]): void {
    for (const node of nodes) {
      switch (node.type) {
        case 'text':
          this.addText(node.value, range(node));
          break;
        case 'emphasis':
        case 'strong':
        case 'linkReference':
          this.labels.push(this.text.length);
          this.addInline(node.children);
          break;
        case 'delete':
          this.addInline(node.children);
          break;
        case 'link':
          if (isAutolink(node.url, node.children)) this.addOpaque(range(node));
          else {
            const start = this.text.length;
            this.labels.push(start);
            this.addInline(node.children);
            this.links.push([start, this.text.length]);
          }
          break;
        case 'break':
          this.addRaw('\n', range(node), false);
          break;
        case 'html':
          collectComments(this.doc, node);
          this.addOpaque(range(node));
          break;
        default:
          // inlineCode, image, imageReference, footnoteReference: not prose.
          this.addOpaque(range(node));
          break;
      }
    }
  }

  private addOpaque(r: { start: number; end: number }): void {
    this.addRaw(OPAQUE, r, false);
  }

  private addRaw(value: string, r: { start: number; end: number }, exact: boolean): void {
    const textStart = this.text.length;
    this.text += value;
    this.segments.push({ textStart, textEnd: this.text.length, srcStart: r.start, srcEnd: r.end, exact });
  }

  private addText(value: string, r: { start: number; end: number }): void {
    const links = literalAutolinks(value);
    if (links.length === 0) {
      const base = this.text.length;
      this.text += value;
      textSegments(value, this.doc.source, r, base, this.segments);
      return;
    }
    // The value's segments at offset 0, cut at each literal autolink, which becomes OPAQUE over its source.
    // Links and segments are both in order: one pass over the segments (`k`) serves every piece.
    const whole: Segment[] = [];
    textSegments(value, this.doc.source, r, 0, whole);
    let at = 0;
    let k = 0;
    for (const [start, end] of links) {
      k = this.addPiece(value, whole, k, at, start);
      this.addOpaque({ start: sourceOffset(whole, start, false) ?? r.start, end: sourceOffset(whole, end, true) ?? r.end });
      at = end;
    }
    this.addPiece(value, whole, k, at, value.length);
  }

  /**
   * value[a, b) with its part of `whole` (value's segments at offset 0), read from segment `k` on; returns
   * the first segment that may hold offsets from b on.
   */
  private addPiece(value: string, whole: readonly Segment[], k: number, a: number, b: number): number {
    while (k < whole.length && whole[k].textEnd <= a) k++;
    if (a >= b) return k;
    const base = this.text.length - a;
    this.text += value.slice(a, b);
    for (; k < whole.length && whole[k].textStart < b; k++) {
      const s = whole[k];
      const from = Math.max(a, s.textStart);
      const to = Math.min(b, s.textEnd);
      this.segments.push({
        textStart: base + from,
        textEnd: base + to,
        srcStart: s.exact ? s.srcStart + (from - s.textStart) : s.srcStart,
        srcEnd: s.exact ? s.srcStart + (to - s.textStart) : s.srcEnd,
        exact: s.exact,
      });
      if (s.textEnd > b) break;
    }
    return k;
  }
}

/**
 * The segments of a text node's value at block-text offset `base`, appended to `out` (`r` is the node's
 * source range, offsets into `src`, start ≥ 0): alignText's, found without reading the characters one by
 * one when the value is its source verbatim, as most are (all 23 text nodes of the 5 KB press release;
 * alignText's loop was two thirds of the prose walk). Such a value is one exact segment: without a "&" in
 * it there is none in the equal source, so no character reference cuts the run. A slice compared with ===
 * is one native comparison (startsWith, timed alone, was ten times slower). Held equal to alignText by a
 * property test (test/unit/prose.test.ts).
 */
export function textSegments(value: string, src: string, r: { start: number; end: number }, base: number, out: Segment[]): void {
  if (value !== '' && !value.includes('&') && src.slice(r.start, r.end) === value) {
    out.push({ textStart: base, textEnd: base + value.length, srcStart: r.start, srcEnd: r.start + value.length, exact: true });
  } else {
    alignText(value, src, r, base, out);
  }
}

/**
 * Text node values differ from their source where Markdown escapes, entities, blockquote markers or
 * list indentation were removed; align the two so most of the text keeps an exact mapping. Appends the
 * segments of `value`, at block-text offset `base`, to `out`.
 */
export function alignText(value: string, src: string, r: { start: number; end: number }, base: number, out: Segment[]): void {
  let i = 0;
  let j = r.start;
  let runI = 0;
  let runJ = j;
  const close = (): void => {
    if (i > runI) out.push({ textStart: base + runI, textEnd: base + i, srcStart: runJ, srcEnd: j, exact: true });
  };
  while (i < value.length) {
    // micromark reads U+0000 as U+FFFD (CommonMark): one for one, so the mapping stays exact (issue 7).
    if (j < r.end && (value[i] === src[j] || (src[j] === '\0' && value[i] === '\ufffd')) && !(src[j] === '&' && ENTITY.test(src.slice(j, j + 33)))) {
      i++;
      j++;
      continue;
    }
    close();
    const resync = resynchronize(value, i, src, j, r.end);
    if (!resync) {
      out.push({ textStart: base + i, textEnd: base + value.length, srcStart: j, srcEnd: r.end, exact: false });
      return;
    }
    if (resync.i > i) {
      out.push({ textStart: base + i, textEnd: base + resync.i, srcStart: j, srcEnd: resync.j, exact: false });
    }
    i = resync.i;
    j = resync.j;
    runI = i;
    runJ = j;
  }
  close();
}

/**
 * Where value and source agree again after a mismatch at (i, j): past a backslash escape, a character
 * reference, or the prefix of a continuation line (indentation, "> "). Returns undefined when lost.
 */
const ENTITY = /^&(?:#\d{1,7}|#x[\da-f]{1,6}|[a-z][a-z\d]{1,31});/i;

function resynchronize(value: string, i: number, src: string, j: number, end: number): { i: number; j: number } | undefined {
  if (src[j] === '\\' && src[j + 1] === value[i]) return { i, j: j + 1 };
  if (src[j] === '&') {
    const m = ENTITY.exec(src.slice(j, j + 33));
    if (m) {
      const semi = j + m[0].length - 1;
      const cp = value.codePointAt(i) ?? 0;
      return { i: i + (cp > 0xffff ? 2 : 1), j: semi + 1 };
    }
  }
  let k = j;
  while (k < end && (src[k] === ' ' || src[k] === '\t' || src[k] === '>' || src[k] === '\r')) k++;
  if (k > j && (value[i] === src[k] || (value[i - 1] === '\n' && k <= end))) return { i, j: k };
  return undefined;
}

function isAutolink(url: string, children: PhrasingContent[]): boolean {
  if (children.length !== 1 || children[0].type !== 'text') return false;
  const text = children[0].value;
  return text === url || url === `mailto:${text}` || url === `http://${text}` || url === `https://${text}`;
}

const COMMENT = /<!--([\s\S]*?)-->/g;

function collectComments(doc: ProseDocument, node: Nodes): void {
  const { start, end } = range(node);
  const raw = doc.source.slice(start, end);
  COMMENT.lastIndex = 0;
  for (let m = COMMENT.exec(raw); m; m = COMMENT.exec(raw)) {
    doc.comments.push({ body: m[1].trim(), start: start + m.index, end: start + m.index + m[0].length });
  }
}

/**
 * Front matter as data. A profile of the 5 KB press release put the `yaml` library at 3.6–4.4% of a check
 * for two lines of `key: value`: front matter made only of such lines, with values that YAML's core schema
 * keeps as strings, is read by simpleFrontMatter; anything else goes to the library. A property test
 * (test/unit/prose.test.ts) holds the two equal on every input the short road accepts.
 */
export function readFrontMatter(value: string): Record<string, unknown> {
  return simpleFrontMatter(value) ?? readFrontMatterInFull(value);
}

/** readFrontMatter by its definition: the `yaml` library's parse, {} unless it is a mapping. */
export function readFrontMatterInFull(value: string): Record<string, unknown> {
  try {
    const data: unknown = parseYaml(value);
    return data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/**
 * One `key: value` line that the short road reads: a key of ASCII letters, digits, "_" and "-" starting
 * with a letter; one or more spaces; a value starting with a letter (or a YYYY-MM-DD date) made of letters,
 * digits, spaces and `.,_/'()-`, not ending in a space. Such a value is a plain scalar with no comment, no
 * flow or block indicator and no escape; the core schema reads it as a string unless it is a null or a
 * boolean word (below), which go to the library. A date stays a string in YAML 1.2's core schema.
 */
const SIMPLE_LINE = /^([A-Za-z][A-Za-z0-9_-]*): +((?:[A-Za-z]|\d{4}-\d{2}-\d{2}(?![A-Za-z0-9_/.,'()-]))(?:[A-Za-z0-9 ._/,'()-]*[A-Za-z0-9._/,'()-])?)$/;
const NOT_STRINGS = new Set(['null', 'Null', 'NULL', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE']);

/** Front matter of simple lines read without the library; undefined when it is anything else. */
export function simpleFrontMatter(value: string): Record<string, unknown> | undefined {
  if (value === '' || value.length > 4096) return undefined;
  const out: Record<string, unknown> = {};
  let from = 0;
  while (from <= value.length) {
    let to = value.indexOf('\n', from);
    if (to < 0) to = value.length;
    const m = SIMPLE_LINE.exec(value.slice(from, to));
    if (!m) return undefined;
    const [, key, text] = m;
    if (NOT_STRINGS.has(key) || NOT_STRINGS.has(text) || Object.prototype.hasOwnProperty.call(out, key) || key === '__proto__') return undefined;
    out[key] = text;
    from = to + 1;
  }
  return out;
}

/** Source offset of block-text offset `t` when it starts a range. */
export function sourceStart(block: ProseBlock, t: number): number {
  return sourceOffset(block.segments, t, false) ?? block.end;
}

/** Source offset of block-text offset `t` when it ends a range. */
export function sourceEnd(block: ProseBlock, t: number): number {
  return sourceOffset(block.segments, t, true) ?? block.start;
}

/**
 * The source offset of text offset `t` in `segments` (a block's, or a text value's), as a start or as an
 * end; a loose segment maps as a whole. Undefined when no segment holds `t`.
 */
function sourceOffset(segments: readonly Segment[], t: number, asEnd: boolean): number | undefined {
  const seg = segmentAt(segments, t, asEnd);
  if (!seg) return undefined;
  return seg.exact ? seg.srcStart + (t - seg.textStart) : asEnd ? seg.srcEnd : seg.srcStart;
}

/** Whether `[a, b)` of the block text is one verbatim stretch of source, so replacing it is safe. */
export function isVerbatim(block: ProseBlock, a: number, b: number): boolean {
  const seg = segmentAt(block.segments, a, false);
  return !!seg && seg.exact && b <= seg.textEnd;
}

function segmentAt(segs: readonly Segment[], t: number, asEnd: boolean): Segment | undefined {
  let lo = 0;
  let hi = segs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = segs[mid];
    const before = asEnd ? t <= s.textStart : t < s.textStart;
    const after = asEnd ? t > s.textEnd : t >= s.textEnd;
    if (before) hi = mid - 1;
    else if (after) lo = mid + 1;
    else return s;
  }
  return undefined;
}
