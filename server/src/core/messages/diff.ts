/**
 * A short word diff for messages, in git's word-diff notation: "[-what the copy says-] {+what the brand
 * file says+}", with a little context and "…" where text is left out. Only the first few differences are
 * shown; a message is not a review tool.
 */

/** Above this many words a side, the diff says only that the texts differ (quadratic alignment). */
const MAX_WORDS = 600;

type Op = { kind: 'same' | 'del' | 'ins'; word: string };

export interface DiffOptions {
  /** Differences shown; the rest are counted. */
  hunks?: number;
  /** Unchanged words shown on each side of a difference. */
  context?: number;
}

/** The first differences between `written` and `approved`, word by word; '' when the words are equal. */
export function wordDiff(written: string, approved: string, options: DiffOptions = {}): string {
  const maxHunks = options.hunks ?? 2;
  const context = options.context ?? 2;
  const a = words(written);
  const b = words(approved);
  if (a.length > MAX_WORDS || b.length > MAX_WORDS) return 'the texts differ';
  const ops = diffOps(a, b);
  const hunks: Array<[number, number]> = [];
  for (let i = 0; i < ops.length; ) {
    if (ops[i].kind === 'same') {
      i++;
      continue;
    }
    let j = i;
    while (j < ops.length && ops[j].kind !== 'same') j++;
    // Differences separated by fewer unchanged words than the context on both sides read as one.
    const last = hunks[hunks.length - 1];
    if (last && i - last[1] <= 2 * context) last[1] = j;
    else hunks.push([i, j]);
    i = j;
  }
  if (hunks.length === 0) return '';
  const shown = hunks.slice(0, maxHunks);
  const rendered = shown.map(([s, e]) => {
    const from = Math.max(0, s - context);
    const to = Math.min(ops.length, e + context);
    const parts: string[] = [];
    for (let k = from; k < to; ) {
      if (ops[k].kind === 'same') {
        parts.push(ops[k].word);
        k++;
        continue;
      }
      let d = k;
      const del: string[] = [];
      const ins: string[] = [];
      while (d < to && ops[d].kind !== 'same') {
        (ops[d].kind === 'del' ? del : ins).push(ops[d].word);
        d++;
      }
      if (del.length) parts.push(`[-${del.join(' ')}-]`);
      if (ins.length) parts.push(`{+${ins.join(' ')}+}`);
      k = d;
    }
    return parts.join(' ');
  });
  const head = Math.max(0, shown[0][0] - context) > 0 ? '…' : '';
  const tail = Math.min(ops.length, shown[shown.length - 1][1] + context) < ops.length ? '…' : '';
  const more = hunks.length - shown.length;
  return head + rendered.join(' … ') + tail + (more > 0 ? ` (and ${more} more difference${more === 1 ? '' : 's'})` : '');
}

function words(s: string): string[] {
  return s.split(/\s+/).filter(Boolean);
}

/** Longest-common-subsequence alignment of two word lists as same/del/ins operations, in order. */
function diffOps(a: string[], b: string[]): Op[] {
  const n = a.length;
  const m = b.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  }
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      ops.push({ kind: 'same', word: a[i] });
      i++;
      j++;
    } else if (j >= m || (i < n && lcs[i + 1][j] >= lcs[i][j + 1])) {
      ops.push({ kind: 'del', word: a[i] });
      i++;
    } else {
      ops.push({ kind: 'ins', word: b[j] });
      j++;
    }
  }
  return ops;
}
