/**
 * Offsets ↔ line/column. The engine speaks UTF-16 offsets; the CLI prints 1-based lines and columns
 * (columns count UTF-16 code units, as LSP and ESLint do).
 */

export interface LineColumn {
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
}

/** Start offset of every line. A line ends at \n, \r\n or a lone \r. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

/** 0-based line index of `offset`. */
export function lineIndexAt(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export function offsetToLineColumn(starts: number[], offset: number): LineColumn {
  const line = lineIndexAt(starts, offset);
  return { line: line + 1, column: offset - starts[line] + 1 };
}
