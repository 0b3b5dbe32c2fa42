/**
 * Reading a channel profile. The brand model keeps each profile as parsed YAML (`Channel.raw`); these
 * accessors give the channel rules typed values and say nothing when a key is absent or of the wrong type,
 * so a rule runs only when the profile asks for it.
 */
import type { Channel } from '../brand/model';
import type { RuleContext } from '../context';
import type { BrandSource, Severity } from '../types';

export type Raw = Record<string, unknown>;

export interface Profile {
  channel: Channel;
  raw: Raw;
}

/** The profile of the document's channel, when the brand file defines one. */
export function profileOf(ctx: RuleContext): Profile | undefined {
  if (!ctx.channel) return undefined;
  const channel = ctx.brand.channels.find((c) => c.id === ctx.channel);
  return channel ? { channel, raw: channel.raw } : undefined;
}

export function isRaw(value: unknown): value is Raw {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function sub(raw: Raw | undefined, key: string): Raw | undefined {
  const value = raw?.[key];
  return isRaw(value) ? value : undefined;
}

export function num(raw: Raw | undefined, key: string): number | undefined {
  const value = raw?.[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

export function str(raw: Raw | undefined, key: string): string | undefined {
  const value = raw?.[key];
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

/** A list of strings; a lone string counts as a list of one. */
export function strs(raw: Raw | undefined, key: string): string[] {
  const value = raw?.[key];
  if (typeof value === 'string') return value.trim() ? [value] : [];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v.trim() !== '') : [];
}

export function severityOf(raw: Raw | undefined): Severity | undefined {
  const value = raw?.severity;
  return value === 'error' || value === 'warning' || value === 'info' ? value : undefined;
}

/** The entry of `required_elements` for `element` (quote, boilerplate, unsubscribe, …). */
export function requiredElement(raw: Raw, element: string): Raw | undefined {
  const list = raw.required_elements;
  if (!Array.isArray(list)) return undefined;
  return list.find((e): e is Raw => isRaw(e) && e.element === element);
}

/** Every entry of `required_elements` for `element`, in file order. */
export function requiredElements(raw: Raw, element: string): Raw[] {
  const list = raw.required_elements;
  return Array.isArray(list) ? list.filter((e): e is Raw => isRaw(e) && e.element === element) : [];
}

/** "channels › press-release › dateline": where in the brand file a channel requirement is written. */
export function profilePath(channel: Channel, ...keys: string[]): string {
  return ['channels', channel.id, ...keys].join(' › ');
}

export function channelSource(channel: Channel, ...keys: string[]): BrandSource {
  return { label: profilePath(channel, ...keys), start: channel.span.start, end: channel.span.end };
}

/** "the brand file's press-release profile (channels › press-release › dateline)". */
export function fromProfile(channel: Channel, ...keys: string[]): string {
  return `the brand file's ${channel.id} profile (${profilePath(channel, ...keys)})`;
}

/** Joins values for a message: 'A', 'A' or 'B', 'A', 'B' or 'C'. */
export function orList(values: string[]): string {
  const quoted = values.map((v) => `'${v}'`);
  if (quoted.length <= 2) return quoted.join(' or ');
  return `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
}
