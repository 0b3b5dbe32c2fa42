/**
 * Re-parsing only what an edit touched. remark's parse is most of a check's cost (about 0.2–0.7 MB/s), so
 * the language server keeps one IncrementalProse per open document: after a keystroke in a 500 KB
 * document, only the top-level blocks around the edit are parsed again, not the whole document.
 *
 * How: the previous version's text and mdast tree are kept. The changed range is the text between the
 * common prefix and the common suffix of the two versions. The region re-parsed runs from the start of the
 * last top-level node wholly before the change (P) to the end of the first one wholly after it (N), both
 * unchanged text. The region's parse is accepted only when its first node is P again and its last node is
 * N again (same type, same source range, shifted by the edit): then the parser was between top-level
 * blocks at both ends, in the same state as when it parsed the whole document, so every node before and
 * after the region is what a full parse would give. Otherwise (an opened fence or HTML block swallowing
 * what follows, a list or blockquote continuing past the region, a setext underline, front matter) the
 * whole document is parsed again. So is any document with a link or footnote definition, which changes
 * the parse of references anywhere, and one that opens with an unclosed front matter fence (remark then
 * reads every later list and blockquote as a paragraph). Nodes after the region get new positions (offset and line); nodes
 * before it are shared with the previous tree, which is never changed.
 *
 * Correctness first: test/unit/incremental.test.ts checks on random documents and random edits that the
 * tree and the findings equal those of a full parse.
 */
import type { Nodes, Root, RootContent } from 'mdast';
import { parseMarkdown, proseFromTree, type ProseDocument } from './prose';

type Node = Nodes;
type Position = NonNullable<Nodes['position']>;
type Point = Position['start'];

/** What the last parse did: for tests and the bench. */
export interface ParseStats {
  incremental: boolean;
  /** Characters handed to remark. */
  parsedChars: number;
  /** Why the whole document was parsed, when it was. */
  reason?: string;
}

/** A line that defines a link reference or a footnote ("[x]: url", "[^1]: text"). */
const DEFINITION = /^ {0,3}\[(?:[^\]\\\n]|\\.)+\]:/m;
/** A line that remark-frontmatter would open front matter with, were it the document's first. */
const FENCE_LIKE = /^---[ \t]*(?:\r\n?|\n|$)/;

export class IncrementalProse {
  private previous?: { source: string; tree: Root };
  stats: ParseStats = { incremental: false, parsedChars: 0, reason: 'first parse' };

  parse(source: string): ProseDocument {
    return proseFromTree(source, this.tree(source));
  }

  /** The mdast tree of `source`, re-using the previous version's where the edit left it alone. */
  tree(source: string): Root {
    const previous = this.previous;
    let tree: Root | undefined;
    if (previous) {
      const attempt = reparse(previous.source, previous.tree, source);
      if (typeof attempt === 'string') this.stats = { incremental: false, parsedChars: source.length, reason: attempt };
      else {
        tree = attempt.tree;
        this.stats = { incremental: true, parsedChars: attempt.parsedChars };
      }
    }
    if (!tree) {
      tree = parseMarkdown(source);
      if (!previous) this.stats = { incremental: false, parsedChars: source.length, reason: 'first parse' };
    }
    this.previous = { source, tree };
    return tree;
  }
}

/** The new tree from the old one and a re-parse of the region around the change; a reason when not possible. */
export function reparse(oldSource: string, oldTree: Root, source: string): { tree: Root; parsedChars: number } | string {
  if (oldSource === source) return { tree: oldTree, parsedChars: 0 };
  if (DEFINITION.test(source) || DEFINITION.test(oldSource)) return 'a link or footnote definition';
  const nodes = oldTree.children;
  if (nodes.length === 0) return 'an empty document';
  // The changed range: [d0, oldEnd) of the old text became [d0, newEnd) of the new one.
  const min = Math.min(oldSource.length, source.length);
  let d0 = 0;
  while (d0 < min && oldSource.charCodeAt(d0) === source.charCodeAt(d0)) d0++;
  let suffix = 0;
  while (suffix < min - d0 && oldSource.charCodeAt(oldSource.length - 1 - suffix) === source.charCodeAt(source.length - 1 - suffix)) suffix++;
  const oldEnd = oldSource.length - suffix;
  const delta = source.length - oldSource.length;
  // Lines after the change move by the difference in line endings (\n, \r\n or a lone \r, as micromark
  // counts them): the text after the change is the same in both versions.
  const lineDelta = countLines(source, 0, source.length) - countLines(oldSource, 0, oldSource.length);

  // P: the last node that ends before the change; N: the first node that starts after it.
  let p = -1;
  while (p + 1 < nodes.length && end(nodes[p + 1]) < d0) p++;
  let n = nodes.length;
  while (n - 1 > p && start(nodes[n - 1]) > oldEnd) n--;
  if (p >= 0 && start(nodes[p]) === 0) p--; // front matter and the first node are parsed from the document's start
  const from = p >= 0 ? lineStart(source, start(nodes[p])) : 0;
  const to = n < nodes.length ? end(nodes[n]) + delta : source.length;
  if (from === 0 && to === source.length) return 'the edit touches every block';
  // A region parsed on its own that opens with a thematic break `---` would read it as a front matter fence
  // (remark-frontmatter), and an unclosed fence turns the lists after it into paragraphs: not what the
  // whole document says (found by the property test: a table, `---`, then a list).
  if (from > 0 && FENCE_LIKE.test(source.slice(from, from + 16))) return 'a thematic break that opens the region like a front matter fence';

  const region = parseMarkdown(source.slice(from, to));
  const lineBase = lineOf(source, from) - 1;
  const fresh = region.children.map((node) => shifted(node, from, lineBase));
  // remark-frontmatter: a document that opens with `---` but has no front matter (the fence is never
  // closed) reads every later list and blockquote as a paragraph. That state spans the whole document.
  if (failedFrontMatter(oldSource, nodes[0]) || failedFrontMatter(source, from === 0 ? fresh[0] : nodes[0])) return 'an unclosed front matter fence';
  // The region must begin with P and end with N, exactly as they were.
  if (p >= 0 && !same(fresh[0], nodes[p], 0, 0)) return 'the edit changes the block before it';
  if (n < nodes.length) {
    if (!same(fresh[fresh.length - 1], nodes[n], delta, lineDelta)) return 'the edit runs into the block after it';
    const after = nodes.slice(n + 1).map((node) => shifted(node, delta, lineDelta));
    const children = [...nodes.slice(0, Math.max(p, 0)), ...fresh, ...after];
    return { tree: rootOf(oldTree, children, source), parsedChars: to - from };
  }
  return { tree: rootOf(oldTree, [...nodes.slice(0, Math.max(p, 0)), ...fresh], source), parsedChars: to - from };
}

function failedFrontMatter(source: string, first: Node | undefined): boolean {
  return /^\uFEFF?---[ \t]*(?:\r\n?|\n|$)/.test(source) && first?.type !== 'yaml';
}

/** The root of the new tree: its position as a full parse gives it (a byte-order mark is not a column). */
function rootOf(old: Root, children: RootContent[], source: string): Root {
  const bom = source.charCodeAt(0) === 0xfeff ? 1 : 0;
  const lastLine = lineStart(source, source.length);
  const root: Root = { ...old, children };
  root.position = {
    start: { line: 1, column: 1, offset: bom },
    end: { line: countLines(source, 0, source.length) + 1, column: source.length - lastLine + 1 - (lastLine === 0 ? bom : 0), offset: source.length },
  };
  return root;
}

function start(node: Node): number {
  return node.position?.start.offset ?? 0;
}

function end(node: Node): number {
  return node.position?.end.offset ?? 0;
}

/** Where the line holding `offset` starts: after the last \n or \r before it. */
function lineStart(source: string, offset: number): number {
  return Math.max(source.lastIndexOf('\n', offset - 1), source.lastIndexOf('\r', offset - 1)) + 1;
}

function lineOf(source: string, offset: number): number {
  return countLines(source, 0, offset) + 1;
}

/** Line endings in [from, to): \n, \r\n and a lone \r each count once, as micromark counts them. */
function countLines(source: string, from: number, to: number): number {
  let n = 0;
  for (let i = source.indexOf('\n', from); i !== -1 && i < to; i = source.indexOf('\n', i + 1)) n++;
  for (let i = source.indexOf('\r', from); i !== -1 && i < to; i = source.indexOf('\r', i + 1)) if (source.charCodeAt(i + 1) !== 10) n++;
  return n;
}

/** Whether `fresh` is `old` moved by (offset, lines): same type, same range, same columns. */
function same(fresh: Node | undefined, old: Node, offset: number, lines: number): boolean {
  if (!fresh || fresh.type !== old.type || !fresh.position || !old.position) return false;
  const a = fresh.position;
  const b = old.position;
  const point = (x: Point, y: Point): boolean => x.offset === (y.offset ?? 0) + offset && x.line === y.line + lines && x.column === y.column;
  return point(a.start, b.start) && point(a.end, b.end);
}

/**
 * A copy of the node and its descendants moved by `offset` characters and `lines` lines (columns do not
 * change: the region starts at a line start and an edit before a node leaves its own lines as they were).
 * Nodes are copied, never changed: the previous tree may still be read.
 */
function shifted<T extends Node>(node: T, offset: number, lines: number): T {
  if (offset === 0 && lines === 0) return node;
  const copy = { ...node } as T & { children?: Node[] };
  if (node.position) copy.position = movePosition(node.position, offset, lines);
  const children = (node as { children?: Node[] }).children;
  if (children) copy.children = children.map((c) => shifted(c, offset, lines));
  return copy;
}

function movePosition(position: Position, offset: number, lines: number): Position {
  return { start: movePoint(position.start, offset, lines), end: movePoint(position.end, offset, lines) };
}

function movePoint(point: Point, offset: number, lines: number): Point {
  return { line: point.line + lines, column: point.column, offset: (point.offset ?? 0) + offset };
}
