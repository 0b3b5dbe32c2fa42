/**
 * What the engine agrees to read (issue 7). A check must end in bounded time and never overflow the stack,
 * whatever a writer pastes; beyond these limits `check` reports nothing and says why (`CheckResult.skipped`)
 * instead. The CLI prints the reason and exits 2 (the file could not be checked); the language server shows
 * it as one information diagnostic. The README's command-line section lists the limits.
 *
 * - Length: at most 2 MiB of text (UTF-16 code units). Parsing and checking are about linear in the text,
 *   but at roughly 0.2–1 MB/s a bigger document would keep the editor's server busy for too long.
 * - Nesting: lists and block quotes at most 100 levels deep. remark's parse time grows with the square of
 *   a line's depth, and the prose walk recurses once per level (10,000 levels overflow the stack).
 * - Nesting work: the sum over lines of the square of their depth (for lines two or more levels deep) at
 *   most 1,000,000, so that many deeply nested lines cannot add up to minutes either.
 *
 * The scan is one linear pass over the lines, outside fenced code blocks. It counts a line's depth as its
 * block-quote markers plus the list items it sits in (a stack of the items' content columns), which is
 * what the parser nests; it does not have to be exact, only never to miss deep nesting.
 */

export interface Limits {
  /** Most UTF-16 code units a document may have. */
  maxLength: number;
  /** Deepest nesting of lists and block quotes. */
  maxDepth: number;
  /** Largest sum over lines of depth², for lines at depth 2 or more. */
  maxNestingWork: number;
}

export const LIMITS: Readonly<Limits> = Object.freeze({ maxLength: 2 * 1024 * 1024, maxDepth: 100, maxNestingWork: 1_000_000 });

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const LIST_MARKER = /^(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$)/;

/** Why `text` will not be checked, or undefined when it is within the limits. */
export function skipReason(text: string, limits: Readonly<Limits> = LIMITS): string | undefined {
  if (text.length > limits.maxLength) {
    return `Not checked: this document has ${count(text.length)} characters, and On Message checks documents of up to ${count(limits.maxLength)} (${Math.round(limits.maxLength / 1048576)} MB). Split it into smaller files to check it.`;
  }
  const shape = nesting(text, limits);
  if (shape.deepest > limits.maxDepth) {
    return `Not checked: line ${count(shape.deepestLine + 1)} nests lists or block quotes ${count(shape.deepest)} levels deep, and On Message reads at most ${limits.maxDepth}. Flatten the nesting to check this document.`;
  }
  if (shape.work > limits.maxNestingWork) {
    return `Not checked: this document nests lists or block quotes deeply on too many lines (${count(shape.nestedLines)} lines two or more levels deep) for the Markdown parser to read in reasonable time. Flatten the nesting or split the document to check it.`;
  }
  return undefined;
}

interface Nesting {
  deepest: number;
  deepestLine: number;
  work: number;
  nestedLines: number;
}

/** One pass over the lines; stops early once a limit is passed. */
function nesting(text: string, limits: Readonly<Limits>): Nesting {
  const out: Nesting = { deepest: 0, deepestLine: 0, work: 0, nestedLines: 0 };
  /** Content columns of the open list items, innermost last. */
  const items: number[] = [];
  let fence: { char: string; length: number } | undefined;
  let line = 0;
  for (let start = 0; start <= text.length; line++) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    const s = text.slice(start, end);
    start = end + 1;
    const f = FENCE.exec(s);
    if (fence) {
      if (f && f[1][0] === fence.char && f[1].length >= fence.length && s.slice(f[0].length).trim() === '') fence = undefined;
    } else if (f) {
      fence = { char: f[1][0], length: f[1].length };
    } else {
      const depth = lineDepth(s, items);
      if (depth > out.deepest) {
        out.deepest = depth;
        out.deepestLine = line;
      }
      if (depth >= 2) {
        out.work += depth * depth;
        out.nestedLines++;
      }
      if (out.deepest > limits.maxDepth || out.work > limits.maxNestingWork) break;
    }
    if (nl < 0) break;
  }
  return out;
}

/** A line's depth: its block-quote markers plus the list items it is inside or opens. Updates `items`. */
function lineDepth(s: string, items: number[]): number {
  let i = 0;
  let column = 0;
  let quotes = 0;
  const skipSpace = (): void => {
    while (i < s.length && (s[i] === ' ' || s[i] === '\t')) {
      column += s[i] === '\t' ? 4 - (column % 4) : 1;
      i++;
    }
  };
  skipSpace();
  // Block-quote markers ("> > >", ">>>") open one level each.
  while (s[i] === '>') {
    quotes++;
    i++;
    column++;
    skipSpace();
  }
  if (s.slice(i).trim() === '') return quotes + items.length; // a blank line keeps the open items
  // A line indented less than an item's content closes that item (lazy continuations aside).
  while (items.length > 0 && items[items.length - 1] > column) items.pop();
  // List markers ("- - -", "1. -") open one item each, nested in what is open.
  for (let m = LIST_MARKER.exec(s.slice(i, i + 11)); m; m = LIST_MARKER.exec(s.slice(i, i + 11))) {
    i += m[0].length;
    column += m[0].length;
    const before = column;
    skipSpace();
    items.push(column - before > 4 || i >= s.length ? before + 1 : column);
  }
  return quotes + items.length;
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}
