/**
 * The word buckets of each block, computed once per document and read by both pre-filters that need them:
 * the near matches' bucket count (every block) and the boilerplate's shared words (every paragraph long
 * enough to be compared). A profile of the 5 KB press release put the boilerplate's own pass over its
 * paragraphs' words at about 60% of boilerplate.mismatch, for keys the near matches had just computed.
 */
import type { RuleContext } from '../context';
import { type BucketKey, wordBucketKey } from './normalize';

export interface BlockWords {
  /** wordBucketKey of each word token of the block, in order. */
  keys: BucketKey[];
  /**
   * No opaque token in the block. Then its word tokens are exactly the runs of wordsOf(block.text) (tokenize
   * and wordsOf read the same runs of letters, marks and digits; only machine text and U+FFFC cut or hide
   * them), so `keys` equals wordBucketKeys(block.text). Held by a property test in
   * test/unit/block-words.test.ts.
   */
  plain: boolean;
}

export function blockWords(ctx: RuleContext, block: number): BlockWords {
  const held = ctx.memo('messages.blockWords', () => new Array<BlockWords | undefined>(ctx.blocks.length));
  return (held[block] ??= wordsOfTokens(ctx.blocks[block].tokens));
}

export function wordsOfTokens(tokens: ReadonlyArray<{ kind: string; text: string }>): BlockWords {
  const keys: BucketKey[] = [];
  let plain = true;
  for (const t of tokens) {
    if (t.kind === 'word') keys.push(wordBucketKey(t.text));
    else if (t.kind === 'opaque') plain = false;
  }
  return { keys, plain };
}
