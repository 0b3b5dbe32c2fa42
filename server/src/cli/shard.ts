/**
 * `--shard i/n`: this run takes the files whose shard is i, of n. A file's shard is a hash of its path
 * relative to the working directory (forward slashes; FNV-1a, 32 bits, over its UTF-8 bytes) modulo n,
 * plus one. So every file lands in exactly one shard whatever else is selected, the same file always
 * lands in the same shard, and the n runs of a CI matrix, started from the same folder with the same
 * arguments, check everything once between them.
 */

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

/** Parses "i/n" (1 ≤ i ≤ n); a reason, as a string, when it is not one. */
export function parseShard(value: string): Shard | string {
  const m = /^(\d+)\/(\d+)$/.exec(value.trim());
  if (!m) return `--shard must be i/n, such as 1/4, not '${value}'.`;
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1 || index < 1 || index > count) return `--shard ${value}: i must be from 1 to n, and n at least 1.`;
  return { index, count };
}

export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** The 1-based shard of a path (relative to the working directory, forward slashes). */
export function shardOf(relativePath: string, count: number): number {
  return (fnv1a(relativePath) % count) + 1;
}

export function inShard(relativePath: string, shard: Shard | undefined): boolean {
  return !shard || shardOf(relativePath, shard.count) === shard.index;
}
