import type { Rule } from '../rule';
import type { Figure } from '../claims/numbers';
import { documentFigures } from '../claims/uses';
import { isAboutUs } from '../match/about';
import { q } from '../match/explain';

const COMPARATIVE = /^\s*(?:faster|quicker|more|fewer|less|better|cheaper|higher|lower|greater|bigger|smaller|shorter|longer|reduction|improvement|increase|decrease|drop|growth|boost|savings?)\b/i;
const CHANGE_BY = /\b(?:cut|cuts|cutting|reduce[sd]?|reducing|lower(?:s|ed)?|boost(?:s|ed)?|increase[sd]?|improve[sd]?|save[sd]?|saving|grow(?:s|n)?|grew|drop(?:s|ped)?|slash(?:es|ed)?|shrink(?:s)?|shrank|speed(?:s)? up|sped up)\b[^.;:]{0,40}\bby\s*$/i;
/** "4,000+ teams", "more than 5,000 travel managers": a count of some plural noun, up to two words away. */
const GROWTH_NOUN = /^\s*(?:[\p{L}-]+\s+){0,2}\p{L}{2,}s\b/iu;
const LARGE_NOUN = /^\s*(?:\p{L}+\s+)?(?:events|requests|transactions|messages|queries|records|data points|sessions|page ?views|api calls)\b/iu;

/** The words a figure quantifies, for a proposed claim: "faster", "fewer alerts", "teams", "cloud costs". */
function subjectOf(text: string, f: Figure, kind: string): string {
  const after = text.slice(f.end, f.end + 60);
  if (kind === 'performance' && f.unit === 'percent') {
    const object = /\b(?:cut|cuts|cutting|reduce[sd]?|reducing|lower(?:s|ed)?|boost(?:s|ed)?|increase[sd]?|improve[sd]?|save[sd]?|saving|grow(?:s|n)?|grew|drop(?:s|ped)?|slash(?:es|ed)?|shrink(?:s)?|shrank)\s+((?:[\p{L}-]+\s+){0,3}?)by\s*$/iu.exec(text.slice(Math.max(0, f.start - 80), f.start));
    if (object?.[1].trim()) return object[1].trim().toLowerCase();
  }
  const words = /^\s*((?:[\p{L}-]+)(?:\s+[\p{L}-]+)?)/u.exec(after)?.[1] ?? '';
  if (kind === 'growth' || kind === 'scale') return /^\s*((?:[\p{L}-]+\s+){0,2}?\p{L}{2,}s)\b/iu.exec(after)?.[1].toLowerCase() ?? words.toLowerCase();
  return (COMPARATIVE.exec(after)?.[0] ?? words).trim().toLowerCase();
}

/** What kind of performance or growth figure this is, if it is one: "3x faster", "by 40%", "4,000+ teams". */
function performancePattern(text: string, f: Figure): string | undefined {
  const after = text.slice(f.end, f.end + 40);
  const before = text.slice(Math.max(0, f.start - 80), f.start);
  if (f.unit === 'multiplier' && COMPARATIVE.test(after)) return 'performance';
  if (f.unit === 'percent' && (COMPARATIVE.test(after) || CHANGE_BY.test(before))) return 'performance';
  if (f.unit === 'count' && f.value >= 10 && (f.style.plus || f.qualifier === 'more-than' || f.qualifier === 'at-least') && GROWTH_NOUN.test(after)) return 'growth';
  if (f.unit === 'count' && f.value >= 1e6 && LARGE_NOUN.test(after)) return 'scale';
  return undefined;
}

/**
 * A performance or growth figure about us ("Pulse Copilot resolves incidents 3x faster", "4,000+ teams
 * trust Lumora Pulse") that no approved claim covers. Figures in quotations other than our own people's,
 * about competitors, or in sentences that do not name us are left alone.
 */
export const rule: Rule = {
  id: 'claim.unverified',
  description: 'A performance or growth figure about the company or its products with no approved claim behind it.',
  severity: 'warning',
  check(ctx) {
    const { uses, figures } = documentFigures(ctx);
    for (const { block, figure } of figures) {
      if (uses.some((u) => u.block === block && u.figure.numberStart === figure.numberStart)) continue;
      const text = ctx.blocks[block].block.text;
      const kind = performancePattern(text, figure);
      if (!kind) continue;
      // Inside quotation marks only our own people's words are our claims; a customer's result is theirs.
      const scope = ctx.scope(block, figure.start);
      if (scope.quote && !scope.ownQuote) continue;
      const sentence = ctx.sentenceAt(block, figure.start);
      if (!isAboutUs(ctx, block, sentence, { start: figure.start, end: figure.end }, ['company', 'names'])) continue;
      const written = text.slice(figure.start, figure.end);
      ctx.report({
        block,
        start: figure.start,
        end: figure.end,
        message: `${q(written)} is a ${kind} figure about us with no approved claim in the brand file: add it to claims with its source, or take it out.`,
        figure: {
          text: written,
          value: figure.value,
          unit: figure.unit === 'year' ? 'count' : figure.unit,
          qualifier: figure.qualifier,
          kind: kind === 'performance' ? 'performance' : kind === 'scale' ? 'measure' : 'count',
          subject: subjectOf(text, figure, kind),
        },
      });
    }
  },
};
