/** Replacement text for a near match of an approved phrase. */
import type { RuleContext } from '../context';
import type { NearMatch } from './near';

/**
 * `approved` without its closing punctuation (the span replaced ends at the last word, so the copy's own
 * full stop stays); a key message written mid-sentence keeps its lower-case first letter.
 */
export function replacementText(ctx: RuleContext, m: NearMatch, approved: string): string {
  let text = approved.trim().replace(/(?<![\s.!?…])[\s.!?…]+$/, '');
  const written = ctx.blocks[m.block].block.text.slice(m.start, m.end);
  if (m.phrase.kind === 'message' && /^\p{Ll}/u.test(written) && !ctx.isSentenceStart(m.block, m.start)) {
    text = text[0].toLowerCase() + text.slice(1);
  }
  return text;
}
