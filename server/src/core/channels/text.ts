/**
 * The visible text of Markdown, as a reader of the rendered copy sees it, mapped back to the source.
 *
 * Contract: front matter, HTML (comments included), images and link targets are not visible; link text,
 * inline code and code blocks are. Blocks are separated by a blank line ("\n\n"), list items and table
 * rows by one line break, table cells by a space; a soft or hard line break inside a paragraph is "\n".
 * Spaces at the end of a block are not rendered and not kept. These separators are what a post or an ad
 * platform counts, so lengths measured here are the lengths a platform sees (in code points, see `charCount`).
 */
import type { Nodes, PhrasingContent, RootContent } from 'mdast';

/** A run of visible text and the source it came from; `exact` runs map character by character. */
export interface Piece {
  textStart: number;
  textEnd: number;
  srcStart: number;
  srcEnd: number;
  exact: boolean;
}

export interface VisibleText {
  text: string;
  pieces: Piece[];
}

export function nodeRange(node: Nodes): { start: number; end: number } {
  return { start: node.position?.start.offset ?? 0, end: node.position?.end.offset ?? 0 };
}

/** Visible text of a sequence of block nodes (a document body, a section, a list item). */
export function visibleText(nodes: readonly RootContent[], source: string): VisibleText {
  const b = new Builder(source);
  b.blocks(nodes, '\n\n');
  b.trimEnd();
  return { text: b.text, pieces: b.pieces };
}

/** Visible text of one node (a heading, a paragraph, a link), trimmed. */
export function plainText(node: Nodes, source: string): string {
  const b = new Builder(source);
  if (INLINE.has(node.type)) b.inline([node as PhrasingContent]);
  else b.blocks([node as RootContent], '\n\n');
  return b.text.trim();
}

const INLINE = new Set(['text', 'inlineCode', 'emphasis', 'strong', 'delete', 'link', 'linkReference', 'break', 'image', 'imageReference', 'html', 'footnoteReference']);

/** Length as platforms count it: code points, so an emoji or an accented letter is one character. */
export function charCount(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/** Index in `text` (UTF-16) of the code point numbered `n` (0-based); `text.length` past the end. */
export function codePointIndex(text: string, n: number): number {
  let i = 0;
  let k = 0;
  for (const ch of text) {
    if (k === n) return i;
    i += ch.length;
    k++;
  }
  return text.length;
}

/** Source offset of visible-text offset `t`, read as the start (or, with `asEnd`, the end) of a range. */
export function toSource(vt: VisibleText, t: number, asEnd = false): number {
  const pieces = vt.pieces;
  for (const p of pieces) {
    const inside = asEnd ? t > p.textStart && t <= p.textEnd : t >= p.textStart && t < p.textEnd;
    if (inside) return p.exact ? p.srcStart + (t - p.textStart) : asEnd ? p.srcEnd : p.srcStart;
  }
  if (pieces.length === 0) return 0;
  return asEnd || t >= vt.text.length ? pieces[pieces.length - 1].srcEnd : pieces[0].srcStart;
}

/** Source range of visible `[a, b)` when it is one verbatim stretch of source, so it can be replaced. */
export function exactSource(vt: VisibleText, a: number, b: number): { start: number; end: number } | undefined {
  const p = vt.pieces.find((x) => a >= x.textStart && a < x.textEnd);
  if (!p || !p.exact || b > p.textEnd) return undefined;
  return { start: p.srcStart + (a - p.textStart), end: p.srcStart + (b - p.textStart) };
}

const COMMENT = /<!--[\s\S]*?(?:-->|$)/g;

class Builder {
  text = '';
  pieces: Piece[] = [];
  /** Separator owed before the next visible text; written only if more text follows. */
  private sep = '';

  constructor(private readonly source: string) {}

  blocks(nodes: readonly RootContent[], sep: string): void {
    nodes.forEach((node, i) => {
      if (i > 0 && this.text) this.sep = sep;
      this.block(node);
    });
  }

  private block(node: RootContent): void {
    switch (node.type) {
      case 'paragraph':
      case 'heading':
        this.inline(node.children);
        break;
      case 'blockquote':
      case 'footnoteDefinition':
        this.blocks(node.children, '\n\n');
        break;
      case 'list':
        node.children.forEach((item, i) => {
          if (i > 0 && this.text) this.sep = '\n';
          this.blocks(item.children, '\n');
        });
        break;
      case 'listItem':
        this.blocks(node.children, '\n');
        break;
      case 'table':
        node.children.forEach((row, r) => {
          if (r > 0 && this.text) this.sep = '\n';
          row.children.forEach((cell, c) => {
            if (c > 0 && this.text) this.sep = ' ';
            this.inline(cell.children);
          });
        });
        break;
      case 'code':
        this.add(node.value, nodeRange(node), false);
        break;
      case 'html':
        // A comment, or markup whose words a reader may see: keep the words, drop tags and comments.
        this.add(node.value.replace(COMMENT, '').replace(/<[^>]*>/g, '').trim(), nodeRange(node), false);
        break;
      default:
        // yaml (front matter), thematicBreak, definition: nothing a reader sees as copy.
        break;
    }
  }

  inline(nodes: readonly PhrasingContent[]): void {
    for (const node of nodes) {
      switch (node.type) {
        case 'text': {
          const r = nodeRange(node);
          this.add(node.value, r, this.source.slice(r.start, r.end) === node.value);
          break;
        }
        case 'inlineCode':
          this.add(node.value, nodeRange(node), false);
          break;
        case 'emphasis':
        case 'strong':
        case 'delete':
        case 'link':
        case 'linkReference':
          this.inline(node.children);
          break;
        case 'break':
          this.add('\n', nodeRange(node), false);
          break;
        default:
          // image, imageReference, html, footnoteReference: not visible copy.
          break;
      }
    }
  }

  private add(value: string, r: { start: number; end: number }, exact: boolean): void {
    if (!value) return;
    if (this.sep) {
      this.trimEnd();
      this.push(this.sep, { start: r.start, end: r.start }, false);
      this.sep = '';
    }
    this.push(value, r, exact);
  }

  /** A block's trailing spaces (before a comment, say) are not rendered; drop them from text and map alike. */
  trimEnd(): void {
    while (/[ \t]$/.test(this.text)) {
      this.text = this.text.slice(0, -1);
      const last = this.pieces[this.pieces.length - 1];
      last.textEnd--;
      if (last.exact) last.srcEnd--;
      if (last.textEnd === last.textStart) this.pieces.pop();
    }
  }

  private push(value: string, r: { start: number; end: number }, exact: boolean): void {
    const textStart = this.text.length;
    this.text += value;
    this.pieces.push({ textStart, textEnd: this.text.length, srcStart: r.start, srcEnd: r.end, exact });
  }
}
