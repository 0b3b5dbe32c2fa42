/** Replacement suggestions from `replace_with`: named in the message, and a fix only when there is one. */
import type { RuleContext } from '../context';
import type { Report } from '../context';
import { q } from './explain';

export function suggestions(replaceWith: string[]): string {
  const options = replaceWith.filter((r) => r.trim());
  if (options.length === 0) return replaceWith.length > 0 ? ' Delete it.' : '';
  const list = options.map(q).join(' or ');
  return replaceWith.some((r) => !r.trim()) ? ` Use ${list}, or delete it.` : ` Use ${list}.`;
}

/**
 * The fix for a single `replace_with` entry. With several candidates the writer chooses, so no fix. An
 * empty replacement deletes the phrase with one neighbouring space, leaving no double space behind.
 */
export function replacementFix(
  ctx: RuleContext,
  hit: { block: number; start: number; end: number },
  replaceWith: string[],
): Report['fix'] {
  if (replaceWith.length !== 1) return undefined;
  const text = ctx.blocks[hit.block].block.text;
  const replacement = replaceWith[0];
  if (replacement.trim()) return { title: `Replace with ${q(replacement)}`, text: replacement };
  if (text[hit.end] === ' ') return { title: 'Delete it', text: '', start: hit.start, end: hit.end + 1 };
  if (text[hit.start - 1] === ' ') return { title: 'Delete it', text: '', start: hit.start - 1, end: hit.end };
  return undefined;
}
