/**
 * How a name or variant found by the case-insensitive trie was actually written, which decides whether
 * it is the brand's name at all ("Take the pulse of…" is not "Pulse"), a legal variant (a capital at the
 * start of a sentence, title case in a heading) or a mis-cased variant to flag.
 */
import type { Mention, RuleContext } from '../context';

export type NameUse = 'exact' | 'legal' | 'miscased' | 'generic';

/** Whether `form` has capitals inside a word or digits inside a word ("PostHog", "iPhone", "S3"): such names
 * are never ordinary words, so any spelling of them is the name. */
export function isDistinctive(form: string): boolean {
  // Forms come from the brand file, the same few on every check: a bounded memo of a pure function, as
  // normalizeApproved keeps (name.variant and name.company ask it at every mention not written exactly).
  let held = distinctive.get(form);
  if (held === undefined) {
    held = /[\p{L}\p{N}][\p{Lu}]|[\p{L}]\d|\d[\p{L}]|^[\p{Ll}]+[\p{Lu}]/u.test(form);
    if (distinctive.size >= 5_000) distinctive.clear();
    distinctive.set(form, held);
  }
  return held;
}

// Hoisted: the bundle the benchmark measures compiles a \p literal inside a function anew on every call.
// The global ones are only used with replace and match, which start at 0 and leave lastIndex at 0.
const WORD_START_LOWER = /(^|[\s-])(\p{Ll})/gu;
const LETTER_RUN = /\p{L}{2,}/gu;
const QUOTE_BEFORE = /(^|[^\p{L}\p{N}])(['"“‘`])([^'"“”‘’`\n]{0,40})$/u;
const QUOTE_AFTER = /^([^'"“”‘’`\n]{0,40})(['"”’`])(?![\p{L}\p{N}])/u;

const distinctive = new Map<string, boolean>();

function titleCase(s: string): string {
  return s.replace(WORD_START_LOWER, (_, sep: string, c: string) => sep + c.toUpperCase());
}

function capitalizeFirst(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Classifies `mention.surface` against the approved `form` it was matched as (case-insensitively). */
export function nameUse(ctx: RuleContext, mention: Mention, form: string): NameUse {
  const surface = mention.surface;
  if (surface === form) return 'exact';
  const atStart = ctx.isSentenceStart(mention.block, mention.start);
  const heading = ctx.blocks[mention.block].block.kind === 'heading';
  if ((atStart || heading) && surface === capitalizeFirst(form)) return 'legal';
  if (heading && surface === titleCase(form)) return 'legal';
  if (isShouted(ctx, mention)) return 'legal';
  if (isDistinctive(form)) return isQuotedLiteral(ctx, mention) ? 'generic' : 'miscased';
  const lower = surface.toLowerCase();
  if (surface === lower) return 'generic';
  // A capital that only the sentence start or a sentence-case heading explains ("Session replay
  // records…" for "Session Replay"): read as ordinary words, not as a mis-cased name.
  if ((atStart || heading) && surface === capitalizeFirst(lower)) return 'generic';
  return 'miscased';
}

/** An all-caps name inside quoted all-caps speech ("I LOVE POSTHOG!!") follows the speaker's typography. */
function isShouted(ctx: RuleContext, mention: Mention): boolean {
  if (mention.surface !== mention.surface.toUpperCase()) return false;
  const block = ctx.blocks[mention.block].block;
  const quote = ctx.quotes.find((q) => q.block === mention.block && q.start <= mention.start && q.end >= mention.end);
  const spoken = quote ? block.text.slice(quote.start, quote.end) : block.blockquote >= 0 ? block.text : undefined;
  const words = spoken?.match(LETTER_RUN) ?? [];
  return words.length >= 3 && words.every((w) => w === w.toUpperCase());
}

/**
 * A short quoted string that spells the name in lower case is a literal — a search query, an identifier,
 * a value in code-like text ('posthog', "posthog SDK") — not the name misspelled in prose.
 */
function isQuotedLiteral(ctx: RuleContext, mention: Mention): boolean {
  if (mention.surface !== mention.surface.toLowerCase()) return false;
  const text = ctx.blocks[mention.block].block.text;
  const left = QUOTE_BEFORE.exec(text.slice(Math.max(0, mention.start - 41), mention.start));
  const right = QUOTE_AFTER.exec(text.slice(mention.end, mention.end + 41));
  if (!left || !right) return false;
  const inside = `${left[3]}${mention.surface}${right[1]}`;
  return inside.trim().split(/\s+/).length <= 4;
}

/** A forbidden variant found case-insensitively: flag it unless it reads as ordinary lower-case words. */
export function variantIsUsed(ctx: RuleContext, mention: Mention, variant: string): boolean {
  if (mention.surface === variant) return true;
  return nameUse(ctx, mention, variant) !== 'generic';
}

/**
 * Whether the mention is written as one of the approved spellings that share its trie node (a name, its
 * short form, the company's name or legal name). Variants that differ from an approved spelling only in
 * case ("Lumora PULSE") land on the same node; the approved spelling must win there.
 */
export function isApprovedSpelling(ctx: RuleContext, mention: Mention): boolean {
  return mention.roles.some((r) => {
    const approved =
      (r.kind === 'name' && (r.form === 'name' || r.form === 'short')) ||
      (r.kind === 'company' && r.form !== 'forbidden');
    if (!approved) return false;
    const use = nameUse(ctx, mention, r.text);
    return use === 'exact' || use === 'legal';
  });
}
