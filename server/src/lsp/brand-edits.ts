/**
 * Edits to the brand file itself, offered from findings in copy. Each is located with yaml's Document API
 * and applied as the smallest text edit, so every other byte of the file (comments, quoting, layout) stays.
 */
import { isMap, isPair, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import type { FigureProposal } from '../core/index';

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

/** Where a proposal came from, written as a comment beside it: "press/launch.md:12". */
export interface ProposalOrigin {
  where: string;
}

/**
 * Appends a `status: proposed` claim for a figure found in copy to `claims:` — after its last entry, in
 * the list's own indentation — or adds a `claims:` section at the end. The claim is not approved until
 * its owner sets `status: current` and a real `source`: proposed claims never satisfy a check.
 */
export function proposeClaim(brandText: string, figure: FigureProposal, origin: ProposalOrigin): TextChange | undefined {
  const doc = parseDocument(brandText);
  if (!isMap(doc.contents)) return undefined;
  const ids = new Set<string>();
  const claims = doc.get('claims', true);
  if (isSeq(claims)) for (const item of claims.items) if (isMap(item)) ids.add(String(item.get('id')));
  const id = uniqueId(`proposed-${slug(figure.subject) || 'figure'}`, ids);
  const lines = entryLines(id, figure, origin);
  const eol = brandText.includes('\r\n') ? '\r\n' : '\n';
  if (isSeq(claims) && !claims.flow && claims.items.length > 0) {
    const last = claims.items[claims.items.length - 1] as Node;
    const firstStart = (claims.items[0] as Node).range![0];
    const indent = firstStart - brandText.lastIndexOf('\n', firstStart - 1) - 1 - 2;
    const pad = ' '.repeat(Math.max(0, indent));
    const end = endOfLine(brandText, last.range![1]);
    return { start: end, end, text: `${eol}${pad}- ${lines.join(`${eol}${pad}  `)}` };
  }
  if (isSeq(claims) && claims.items.length === 0 && claims.range) {
    return { start: claims.range[0], end: claims.range[1], text: `${eol}  - ${lines.join(`${eol}    `)}` };
  }
  if (claims !== undefined && claims !== null) return undefined;
  const tail = brandText.endsWith('\n') ? '' : eol;
  return { start: brandText.length, end: brandText.length, text: `${tail}${eol}claims:${eol}  - ${lines.join(`${eol}    `)}${eol}` };
}

function entryLines(id: string, f: FigureProposal, origin: ProposalOrigin): string[] {
  const unit = f.unit === 'percent' ? ['unit: percent'] : f.unit === 'multiplier' ? ['unit: x'] : f.unit === 'money' ? ['unit: USD'] : [];
  return [
    `id: ${id}`,
    `status: proposed                      # proposed from ${origin.where}; an owner approves it as current`,
    `kind: ${f.kind}`,
    `subject: ${JSON.stringify(f.subject || 'TODO')}`,
    `value: ${f.value}`,
    ...unit,
    `qualifier: ${f.qualifier}`,
    `approved_wordings: [${JSON.stringify(f.text + (f.subject ? ' ' + f.subject : ''))}]`,
    `source: "TODO: where this figure comes from"`,
  ];
}

function endOfLine(text: string, offset: number): number {
  const newline = text.indexOf('\n', Math.max(0, offset - 1));
  if (newline < 0) return text.length;
  return text[newline - 1] === '\r' ? newline - 1 : newline;
}

function slug(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40);
}

function uniqueId(base: string, taken: Set<string>): string {
  let id = base;
  for (let i = 2; taken.has(id); i++) id = `${base}-${i}`;
  return id;
}
