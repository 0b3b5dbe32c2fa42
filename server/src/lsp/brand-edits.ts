/**
 * Edits to the brand file itself, offered from findings in copy. Each is located with yaml's Document API
 * and applied as the smallest text edit, so every other byte of the file (comments, quoting, layout) stays.
 */
import { isMap, isPair, isScalar, isSeq, parseDocument, type Node } from 'yaml';

/** A replacement of `[start, end)` in the brand file text. */
export interface TextChange {
  start: number;
  end: number;
  text: string;
}

/**
 * Removes `variant` from `names[id = entryId].forbidden_variants`: the writer's form becomes allowed.
 * Matches the listed form exactly, else ignoring case and spacing; undefined when it is not listed.
 */
export function allowVariant(brandText: string, entryId: string, variant: string): TextChange | undefined {
  const doc = parseDocument(brandText);
  const names = doc.get('names', true);
  const entry = isSeq(names) ? names.items.find((item) => isMap(item) && item.get('id') === entryId) : undefined;
  const pair = isMap(entry) ? entry.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === 'forbidden_variants') : undefined;
  const list = pair?.value;
  if (!pair || !isSeq(list) || !isScalar(pair.key)) return undefined;
  const items = list.items as Node[];
  const index = findListed(items, variant);
  if (index < 0) return undefined;
  if (list.flow) return removeFlowItem(items, index);
  // The last block item: the key keeps an (empty) list, written as `key: []`.
  if (items.length === 1) return { start: pair.key.range![1], end: items[0].range![1], text: ': []' };
  return removeBlockLine(brandText, items[index]);
}

function findListed(items: Node[], variant: string): number {
  const loose = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();
  const values = items.map((item) => (isScalar(item) ? String(item.value) : undefined));
  const exact = values.indexOf(variant);
  return exact >= 0 ? exact : values.findIndex((v) => v !== undefined && loose(v) === loose(variant));
}

/** `[A, B, C]` → `[A, C]`: the item and one separator go. */
function removeFlowItem(items: Node[], index: number): TextChange {
  const [start, valueEnd] = items[index].range!;
  if (items.length === 1) return { start, end: valueEnd, text: '' };
  if (index < items.length - 1) return { start, end: items[index + 1].range![0], text: '' };
  return { start: items[index - 1].range![1], end: valueEnd, text: '' };
}

/** A `- B` line goes, with its comment. */
function removeBlockLine(text: string, item: Node): TextChange {
  const [start, valueEnd] = item.range!;
  const newline = text.indexOf('\n', valueEnd);
  return { start: text.lastIndexOf('\n', start - 1) + 1, end: newline < 0 ? text.length : newline + 1, text: '' };
}
