/**
 * Which channel a document belongs to: its front matter `channel:` first, then the first channel profile
 * whose `match.front_matter` keys all agree, then the first whose `match.paths` globs match the
 * document's path (relative to the brand file, with forward slashes).
 */
import picomatch from 'picomatch/posix';
import type { Brand, Channel } from './brand/model';

export function resolveChannel(brand: Brand, frontMatter: Record<string, unknown>, path: string | undefined): string | undefined {
  const declared = frontMatter.channel;
  if (typeof declared === 'string' && declared.trim()) return declared.trim();
  const byFrontMatter = brand.channels.find((c) => frontMatterMatches(c, frontMatter));
  if (byFrontMatter) return byFrontMatter.id;
  if (path === undefined) return undefined;
  return brand.channels.find((c) => c.paths.some((glob) => picomatch(glob, { dot: true })(path)))?.id;
}

function frontMatterMatches(channel: Channel, frontMatter: Record<string, unknown>): boolean {
  const keys = Object.keys(channel.frontMatter);
  return keys.length > 0 && keys.every((k) => String(frontMatter[k] ?? '') === channel.frontMatter[k]);
}
