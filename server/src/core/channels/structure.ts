/**
 * Document structure for the channel checks: the headline, sections by heading, list items under a
 * heading, the front matter's fields with their source ranges, and where the body ends. Everything works
 * on the mdast tree of `ProseDocument.tree`; source offsets come from node positions.
 */
import type { Heading, Nodes, Root, RootContent, Yaml } from 'mdast';
import type { ProseDocument } from '../markdown/prose';
import { nodeRange, plainText } from './text';

export interface Section {
  heading: Heading;
  /** The heading's visible text, trimmed. */
  title: string;
  /** The nodes after the heading up to the next heading of the same or a higher level. */
  nodes: RootContent[];
  /** Source range from the heading to the start of the next such heading (or the end of the document). */
  start: number;
  end: number;
}

/** The headline: the first level-1 heading. */
export function headline(tree: Root): Heading | undefined {
  return tree.children.find((n): n is Heading => n.type === 'heading' && n.depth === 1);
}

/** Every top-level heading with the content it introduces. An empty heading ("###" as an end mark) opens no section. */
export function sections(doc: ProseDocument): Section[] {
  const nodes = doc.tree.children;
  const out: Section[] = [];
  nodes.forEach((node, i) => {
    if (node.type !== 'heading' || node.children.length === 0) return;
    let j = i + 1;
    while (j < nodes.length && !(nodes[j].type === 'heading' && (nodes[j] as Heading).depth <= node.depth && (nodes[j] as Heading).children.length > 0)) j++;
    out.push({
      heading: node,
      title: plainText(node, doc.source),
      nodes: nodes.slice(i + 1, j),
      start: nodeRange(node).start,
      end: j < nodes.length ? nodeRange(nodes[j]).start : doc.source.length,
    });
  });
  return out;
}

/** Heading text compared loosely: case, white space and trailing colons are not differences. */
export function sameHeading(a: string, b: string): boolean {
  return headingKey(a) === headingKey(b);
}

/**
 * What sameHeading compares: `sameHeading(a, b)` is `headingKey(a) === headingKey(b)`. A caller comparing
 * one heading with several keys it once rather than once per pair (the press-release reading compares
 * every section title with every boilerplate heading).
 */
export function headingKey(s: string): string {
  // Contract (held by a property test): s.toLowerCase().replace(/(?<![:\s])[:\s]+$/, '').replace(/\s+/g, ' ').trim().
  // The first replace takes off the whole trailing run of colons and white space; its pattern, tried at
  // every position, was most of this function's time in a profile of the 5 KB press release, where a
  // backward loop over the run costs its length. (Every \s character is one UTF-16 unit.)
  const lower = s.toLowerCase();
  let end = lower.length;
  while (end > 0 && (lower.charCodeAt(end - 1) === 58 || SPACE.test(lower[end - 1]))) end--;
  return lower.slice(0, end).replace(/\s+/g, ' ').trim();
}

const SPACE = /\s/;

/** The index in `doc.blocks` of the prose block that starts where `node` starts, or -1. */
export function blockIndexOf(doc: ProseDocument, node: Nodes): number {
  const start = nodeRange(node).start;
  return doc.blocks.findIndex((b) => b.start === start);
}

/** Where the document's body begins: after the front matter, if any. */
export function bodyStart(doc: ProseDocument): number {
  const yaml = doc.tree.children.find((n): n is Yaml => n.type === 'yaml');
  return yaml ? nodeRange(yaml).end : 0;
}

/** The body's top-level nodes, front matter left out. */
export function bodyNodes(doc: ProseDocument): RootContent[] {
  return doc.tree.children.filter((n) => n.type !== 'yaml');
}

/** The first line of the body that has text: where findings about the whole document go when there is no headline. */
export function firstLine(doc: ProseDocument): { start: number; end: number } {
  const src = doc.source;
  let i = bodyStart(doc);
  while (i < src.length && /\s/.test(src[i])) i++;
  const nl = src.indexOf('\n', i);
  return { start: Math.min(i, src.length), end: nl < 0 ? src.length : src[nl - 1] === '\r' ? nl - 1 : nl };
}

/**
 * The last line of the document with text other than HTML comments: where findings about a missing
 * closing element go.
 */
export function lastLine(doc: ProseDocument): { start: number; end: number } {
  const src = doc.source.replace(/<!--[\s\S]*?-->/g, (c) => c.replace(/[^\n]/g, ' '));
  let end = src.length;
  while (end > 0 && /\s/.test(src[end - 1])) end--;
  let start = src.lastIndexOf('\n', end - 1) + 1;
  while (start < end && (src[start] === ' ' || src[start] === '\t')) start++;
  return { start, end: Math.max(start, end) };
}

/** Text to insert at the very end of the document as its own block, after a blank line. */
export function appendBlock(source: string, block: string): { start: number; end: number; text: string } {
  const nl = source.endsWith('\n\n') || source.length === 0 ? '' : source.endsWith('\n') ? '\n' : '\n\n';
  return { start: source.length, end: source.length, text: `${nl}${block}\n` };
}

export interface FrontMatterField {
  key: string;
  value: unknown;
  /** Source range of the value as written (quotes included), or of the key line when the value is empty. */
  start: number;
  end: number;
}

/**
 * A top-level front-matter field and where its value is written. The value is the parsed one
 * (`doc.frontMatter`); the range comes from the `key:` line of the YAML block.
 */
export function frontMatterField(doc: ProseDocument, key: string): FrontMatterField | undefined {
  if (!Object.prototype.hasOwnProperty.call(doc.frontMatter, key)) return undefined;
  const yaml = doc.tree.children.find((n): n is Yaml => n.type === 'yaml');
  if (!yaml) return undefined;
  const { start, end } = nodeRange(yaml);
  const block = doc.source.slice(start, end);
  const k = escape(key);
  const line = new RegExp(`^(${k}|"${k}"|'${k}')[ \\t]*:[ \\t]*("(?:[^"\\\\\\n]|\\\\.)*"|'(?:[^'\\n]|'')*'|.*?)(?:[ \\t]+#.*)?[ \\t]*$`, 'm').exec(block);
  if (!line) return { key, value: doc.frontMatter[key], start, end: start };
  const keyStart = start + line.index;
  const valueText = line[2];
  if (!valueText) return { key, value: doc.frontMatter[key], start: keyStart, end: keyStart + line[0].length };
  const valueStart = keyStart + line[0].indexOf(valueText, line[1].length);
  return { key, value: doc.frontMatter[key], start: valueStart, end: valueStart + valueText.length };
}

/** A front-matter value as text: strings as written, numbers and booleans printed, anything else undefined. */
export function fieldText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return undefined;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The body's source text with HTML comments blanked out (offsets unchanged). */
export function bodySource(doc: ProseDocument): string {
  return doc.source.slice(bodyStart(doc)).replace(/<!--[\s\S]*?-->/g, (c) => ' '.repeat(c.length));
}

/** Every node of the tree, depth first. */
export function* walk(node: Nodes): Generator<Nodes> {
  yield node;
  if ('children' in node) for (const child of node.children as Nodes[]) yield* walk(child);
}
