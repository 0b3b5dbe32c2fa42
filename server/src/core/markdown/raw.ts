/**
 * Where inserted text would not be read as Markdown prose: inside a code block, an HTML block or front
 * matter, or right after one that never closes (an unclosed ``` fence or <!-- comment runs to the end of the
 * document and swallows whatever is appended). A fix that adds a section there (the boilerplate, the end
 * mark, a footer) could never be seen by the next check, so `--fix` would add it again on every run
 * (issue 7: found by the fixed-point property of test/reliability/properties.test.ts).
 */
import type { Nodes, Root } from 'mdast';

/** Whether text inserted at `offset` of `source` (parsed as `tree`) would land in code, raw HTML or front matter. */
export function swallowsInsertion(tree: Root, source: string, offset: number): boolean {
  let swallowed = false;
  const visit = (node: Nodes, topLevel: boolean): void => {
    if (swallowed) return;
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) return;
    if (node.type === 'code' || node.type === 'html' || node.type === 'yaml') {
      // Strictly inside, or (for a block at the top level, where nothing ends it but its own closing) right
      // after one that is still open.
      if ((start < offset && offset < end) || (topLevel && offset >= end && source.slice(end, offset).trim() === '' && unclosed(node, source.slice(start, end)))) {
        swallowed = true;
      }
      return;
    }
    if ('children' in node) for (const child of node.children as Nodes[]) visit(child, false);
  };
  for (const node of tree.children) visit(node, true);
  return swallowed;
}

/** A fenced code block without its closing fence, or an HTML block whose end condition never came. */
function unclosed(node: Nodes, raw: string): boolean {
  if (node.type === 'code') {
    const open = /^ {0,3}(`{3,}|~{3,})/.exec(raw);
    if (!open) return false; // indented code ends at the next unindented line
    const lines = raw.split('\n');
    const last = lines[lines.length - 1].replace(/\r$/, '');
    const close = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(last);
    return lines.length < 2 || !close || close[1][0] !== open[1][0] || close[1].length < open[1].length;
  }
  if (node.type === 'html') {
    const t = raw.trimStart();
    if (t.startsWith('<!--')) return !t.includes('-->', 4);
    if (t.startsWith('<?')) return !t.includes('?>', 2);
    if (t.startsWith('<![CDATA[')) return !t.includes(']]>');
    if (/^<![A-Za-z]/.test(t)) return !t.includes('>');
    const tag = /^<(script|pre|style|textarea)(?=[\s>]|$)/i.exec(t);
    if (tag) return !new RegExp(`</${tag[1]}>`, 'i').test(t);
    return false; // other HTML blocks end at a blank line, which every insertion starts with
  }
  return false;
}
