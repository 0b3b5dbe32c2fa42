/** Scopes an entry may opt out of with `ignore_in:` (third-party quotes, any quote, headings, link text). */
import type { QuoteScope } from '../brand/model';
import type { RuleContext } from '../context';

export function ignoredHere(ctx: RuleContext, at: { block: number; start: number }, ignoreIn: QuoteScope[]): boolean {
  if (ignoreIn.length === 0) return false;
  const scope = ctx.scope(at.block, at.start);
  return (
    (ignoreIn.includes('third_party_quote') && scope.thirdPartyQuote) ||
    (ignoreIn.includes('quote') && scope.quote) ||
    (ignoreIn.includes('heading') && scope.heading) ||
    (ignoreIn.includes('link_text') && scope.linkText)
  );
}

/**
 * A word quoted on its own is mentioned, not used: `Write "URLs", not "urls".` A style guide names the
 * wrong form to forbid it; that is not the copy using it.
 */
export function isMentionedAsWord(text: string, start: number, end: number): boolean {
  const open = text[start - 1];
  const close = text[end];
  const pairs: Record<string, string> = { '"': '"', '“': '”', "'": "'", '‘': '’', '`': '`' };
  return open !== undefined && pairs[open] !== undefined && close === pairs[open];
}
