/**
 * The "why" half of every message: the entry's own `reason` from the brand file when it has one, else a
 * plain default for its kind. Messages read "Use 'X' instead of 'Y': <reason>."
 */
import type { EntryBase } from '../brand/model';

export function because(entry: Pick<EntryBase, 'reason'>, fallback: string): string {
  const reason = (entry.reason ?? '').trim() || fallback;
  return /[.!?]$/.test(reason) ? reason : `${reason}.`;
}

/** Quotes a form for a message: 'Lumora Pulse'. */
export function q(text: string): string {
  return `'${text.replace(/\s+/g, ' ').trim()}'`;
}
