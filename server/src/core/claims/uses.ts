/**
 * Where the copy states an approved claim, and how its figure compares by meaning.
 *
 * A figure belongs to a claim only when one of the claim's subject aliases sits next to it in the same
 * clause ("more than 4,000 customers", "cuts alert noise by 60%", "Founded in 2016"). Prices and
 * commitments are also recognised by their exact value and unit ("$29", "99.99%"). A survey's sample
 * ("polled 5,000 IT leaders", "a benchmark of 12 customers") is never a claim figure.
 *
 * Each use is computed once per document (RuleContext.memo) and shared by the claim rules.
 */
import type { Claim } from '../brand/model';
import { type RuleContext, mentionsWithin, normalizedSpan } from '../context';
import type { Sentence } from '../text/sentences';
import { type Figure, type FigureUnit, findFigures } from './numbers';
import { normalizeApproved } from '../text/normalize';
import { claimUnit } from './units';

export type Relation = 'equal' | 'overstated' | 'understated' | 'qualifier' | 'fact';

export interface ClaimUse {
  claim: Claim;
  block: number;
  figure: Figure;
  sentence: Sentence;
  relation: Relation;
  /** The sentence contains one of the claim's approved wordings: it is right, whatever the arithmetic says. */
  approvedWording: boolean;
}

export interface DocumentFigures {
  uses: ClaimUse[];
  /** Every figure of every block, for the unverified-figure check. */
  figures: Array<{ block: number; figure: Figure }>;
}

const LINKS = new Set(['by', 'to', 'of', 'at', 'in', 'is', 'are', 'was', 'were', 'reached', 'reaches', 'hit', 'hits', 'topped', 'tops', 'exceeds', 'exceeded', 'now', 'totals', 'totaled', 'with', 'than', 'number', 'numbered', 'grew', 'grown', 'count', 'since']);
/** Words before a figure that make it a sample or cohort, not the brand's count: "polled 5,000", "in beta with 40 customers". */
export const SAMPLE = /\b(?:survey(?:ed)?|poll(?:ed)?|stud(?:y|ied)|benchmark|sample|interviewed|panel|respondents|asked|beta|pilot|trial|cohort|early[- ]access)\b/i;
const CLAUSE_BREAK = /[;:—–()]|,\s/g;
/*
 * adjacency's expressions, built once: inline, a literal is a new RegExp object per evaluation, and one with
 * \p{…} outside a class a RegExp constructed from its source per call (esbuild writes such literals as
 * `new RegExp(…)` for node20). None is global or sticky, so sharing keeps no state.
 */
const BREAK_AFTER = /[.,;:!?()"“”\d]/;
const BREAK_BEFORE = /[.;:!?()"“”\d]/;
const COUNTED_NOUN_AFTER = /^\s+(?:[\p{L}-]+\s+)?\p{L}{2,}s\b/u;
const WHITE = /\s+/;
const WORD_BREAKS = /[\s,]+/;

export function documentFigures(ctx: RuleContext): DocumentFigures {
  return ctx.memo('claims.uses', () => collect(ctx));
}

function collect(ctx: RuleContext): DocumentFigures {
  const uses: ClaimUse[] = [];
  const figures: DocumentFigures['figures'] = [];
  // The claims claimFor may recognise by value alone, found once per document rather than once per figure.
  const byValue = ctx.brand.claims.filter((c) => c.status === 'current' && (c.kind === 'price' || c.kind === 'commitment') && c.value !== undefined);
  ctx.blocks.forEach((b, block) => {
    const found = findFigures(b.block.text);
    for (const figure of found) {
      figures.push({ block, figure });
      const sentence = ctx.sentenceAt(block, figure.numberStart);
      // The claim first, then whose words these are: the tests are pure, so their order changes no use, and
      // most figures are no claim's (6 of the 15 in the 5 KB press release are uses; a profile of it put
      // the competitor test, run on every figure, at a tenth of the claim rules' time).
      const clause = clauseAround(b.block.text, sentence, figure.numberStart);
      const claim = claimFor(ctx, block, clause, figure, byValue);
      if (!claim) continue;
      if (aboutCompetitorOnly(ctx, block, sentence)) continue;
      // In quotation marks only our own people speak for the brand; a partner's or customer's figures are theirs.
      const scope = ctx.scope(block, figure.start);
      if (scope.quote && !scope.ownQuote) continue;
      // The sentence's normalized text only for a claim with approved wordings to look for.
      const approvedWording = claim.approvedWordings.length > 0 && approvedIn(claim, normalizedSpan(ctx, block, sentence.start, sentence.end));
      uses.push({ claim, block, figure, sentence, relation: compare(claim, figure), approvedWording });
    }
  });
  return { uses, figures };
}

function approvedIn(claim: Claim, sentenceText: string): boolean {
  return claim.approvedWordings.some((w) => sentenceText.includes(normalizeApproved(w)));
}

/**
 * A competitor's figures are theirs: a sentence that names a competitor and not us states no claim of ours.
 * The roles are sentenceRoles' (the roles of the sentence's mentions), read from the mentions in place: its
 * memo key string and the flatMap of a new array were a tenth of collect in a profile of the 5 KB press
 * release, for the six sentences asked.
 */
function aboutCompetitorOnly(ctx: RuleContext, block: number, sentence: Sentence): boolean {
  let competitor = false;
  let us = false;
  for (const mention of mentionsWithin(ctx.mentions, block, sentence.start, sentence.end)) {
    for (const r of mention.roles) {
      if (r.kind === 'name' && r.name.kind === 'competitor') competitor = true;
      else if (r.kind === 'company' || r.kind === 'name') us = true;
    }
  }
  return competitor && !us;
}

function clauseAround(text: string, sentence: Sentence, at: number): { start: number; end: number } {
  let start = sentence.start;
  let end = sentence.end;
  // Searched within the sentence (and the one character after it, for ", "), never the rest of the
  // block: a figure costs its sentence, not the block (issue 7).
  const within = text.slice(sentence.start, Math.min(text.length, sentence.end + 1));
  CLAUSE_BREAK.lastIndex = 0;
  for (let m = CLAUSE_BREAK.exec(within); m && sentence.start + m.index < sentence.end; m = CLAUSE_BREAK.exec(within)) {
    const index = sentence.start + m.index;
    if (index < at) start = index + m[0].length;
    else {
      end = index;
      break;
    }
  }
  return { start, end };
}

/** The claim a figure states: the nearest adjacent subject alias with a compatible unit, or a price or
 * commitment recognised by its exact value (`byValue`: the brand's current prices and commitments with a
 * value, in brand-file order). */
function claimFor(ctx: RuleContext, block: number, clause: { start: number; end: number }, figure: Figure, byValue: readonly Claim[]): Claim | undefined {
  const text = ctx.blocks[block].block.text;
  let best: { claim: Claim; distance: number } | undefined;
  // Whether the figure is a sample depends on the figure alone: tested once, for the first alias after it.
  let sample: boolean | undefined;
  const sampled = () => (sample ??= SAMPLE.test(text.slice(Math.max(0, figure.start - 40), figure.start).split(WHITE).slice(-4).join(' ')));
  for (const hit of ctx.formsWithin(block, clause.start, clause.end)) {
    if (hit.role.kind !== 'claim' || !compatible(hit.role.claim, figure.unit)) continue;
    const distance = adjacency(text, figure, hit.start, hit.end, sampled);
    if (distance !== undefined && (!best || distance < best.distance)) best = { claim: hit.role.claim, distance };
  }
  if (best) return best.claim;
  // The value before the unit: `same` is the cheap test.
  for (const c of byValue) if (same(c.value as number, figure.value) && compatible(c, figure.unit)) return c;
  return undefined;
}

/**
 * How close an alias is to a figure, in words, when they are adjacent in the sense that the figure
 * quantifies the alias: the alias within three words after the figure ("4,000 paying customers"), or
 * before it with a linking word in between ("alert noise by 60%", "founded in 2016"). Undefined otherwise.
 */
function adjacency(text: string, figure: Figure, aliasStart: number, aliasEnd: number, sampled: () => boolean): number | undefined {
  if (aliasStart >= figure.end) {
    const between = text.slice(figure.end, aliasStart);
    // Another number in between quantifies the alias instead ("a 2025 survey of 600 customers").
    if (BREAK_AFTER.test(between)) return undefined;
    const words = between.trim() ? between.trim().split(WHITE).length : 0;
    if (words > 3 || (figure.unit === 'year' && words > 0)) return undefined;
    // The last four words of the 40 characters before the figure name a sample ("polled 5,000").
    if (sampled()) return undefined;
    return words;
  }
  if (aliasEnd <= figure.start) {
    const between = text.slice(aliasEnd, figure.start).trim();
    if (BREAK_BEFORE.test(between)) return undefined;
    // "customers in 12 countries": the figure counts the noun after it, not the alias before it.
    if (figure.unit === 'count' && COUNTED_NOUN_AFTER.test(text.slice(figure.end))) return undefined;
    const words = between ? between.toLowerCase().split(WORD_BREAKS).filter(Boolean) : [];
    if (words.length > 4) return undefined;
    if (words.length > 0 && !words.some((w) => LINKS.has(w))) return undefined;
    return words.length + 0.5;
  }
  return undefined;
}

function compatible(claim: Claim, unit: FigureUnit): boolean {
  const expected = claimUnit(claim);
  return expected === unit || (expected === 'count' && unit === 'year');
}

function same(a: number, b: number): boolean {
  return Math.abs(a - b) <= Math.max(Math.abs(a), Math.abs(b)) * 1e-9;
}

/**
 * The approved claim is the strongest statement the evidence supports; compare what the copy implies.
 * Lower bounds (more than, at least, about): a higher number claims more, a lower one is stale. Caps (up
 * to): a higher cap claims more, and a figure without "up to" claims the best case as the typical one.
 * Dates and money are facts: any other value is wrong.
 */
export function compare(claim: Claim, figure: Figure): Relation {
  const approved = claim.value;
  if (approved === undefined) return 'equal';
  const v = figure.value;
  if (claim.kind === 'date' || claim.kind === 'money' || claim.kind === 'price') return same(v, approved) ? 'equal' : 'fact';
  switch (claim.qualifier) {
    case 'up-to':
      if (figure.qualifier === 'less-than') return 'equal';
      if (v > approved && !same(v, approved)) return 'overstated';
      if (figure.qualifier !== 'up-to') return 'qualifier';
      return same(v, approved) ? 'equal' : 'understated';
    case 'less-than':
      if (figure.qualifier === 'more-than' || figure.qualifier === 'at-least') return 'equal';
      if (same(v, approved)) return 'equal';
      return v < approved ? 'overstated' : 'understated';
    case 'exact':
      if (same(v, approved)) return figure.qualifier === 'more-than' ? 'overstated' : 'equal';
      return v > approved ? 'overstated' : 'understated';
    default: {
      // more-than, at-least, about: the copy's number is its implied lower bound.
      if (figure.qualifier === 'up-to') return 'equal';
      if (figure.qualifier === 'less-than') return v <= approved ? 'understated' : 'equal';
      const tolerance = claim.qualifier === 'about' ? 0.05 : 0;
      if (Math.abs(v - approved) <= approved * tolerance || same(v, approved)) return 'equal';
      return v > approved ? 'overstated' : 'understated';
    }
  }
}
