/**
 * Whether a sentence is about the company or its own products — the scope of rank words and unverified
 * figures. A sentence is about us when it names the company or one of our (non-competitor) names, or when
 * the company speaks of itself right before the words in question ("we are the leading…").
 */
import { type RuleContext, mentionsWithin } from '../context';
import type { Sentence } from '../text/sentences';
import type { Role } from './index-builder';

const COMPANY_VOICE_BEFORE = /\bwe(?:\s+are|['’]re|\s+were|\s+have\s+become|['’]ve\s+become|\s+became)(?:\s+(?:now|still|already|officially))?\s+(?:(?:the|a|an)\s+)?$/i;

export type AboutScope = 'company' | 'names' | 'any';

/**
 * The roles of the brand forms mentioned in a sentence, computed once per sentence and shared by every
 * rule: a sentence full of brand forms must not cost its length for each of them (issue 7).
 */
export function sentenceRoles(ctx: RuleContext, block: number, sentence: Sentence): Role[] {
  // Keyed by block, then start, then end, in nested maps: the string key built on every call was the
  // single hottest line of the pr/phrase/name rules in a profile of the 5 KB press release.
  const byBlock = ctx.memo('sentence-roles', () => new Map<number, Map<number, Map<number, Role[]>>>());
  let byStart = byBlock.get(block);
  if (!byStart) byBlock.set(block, (byStart = new Map()));
  let byEnd = byStart.get(sentence.start);
  if (!byEnd) byStart.set(sentence.start, (byEnd = new Map()));
  let roles = byEnd.get(sentence.end);
  if (!roles) {
    // A loop, not flatMap: the generic flatMap was this function's whole cost on a miss in a profile.
    roles = [];
    for (const m of mentionsWithin(ctx.mentions, block, sentence.start, sentence.end)) for (const r of m.roles) roles.push(r);
    byEnd.set(sentence.end, roles);
  }
  return roles;
}

export function isAboutUs(ctx: RuleContext, block: number, sentence: Sentence, at: { start: number; end: number }, scopes: readonly AboutScope[]): boolean {
  if (scopes.length === 0 || scopes.includes('any')) return true;
  // The sentence's roles and those of the forms within `at`, read in place rather than concatenated.
  const own = sentenceRoles(ctx, block, sentence);
  const forms = ctx.formsWithin(block, at.start, at.end);
  if (scopes.includes('company')) {
    if (own.some((r) => r.kind === 'company') || forms.some((h) => h.role.kind === 'company')) return true;
    // At most 200 characters back: "we are now the" is a few words, and a call must not cost the sentence (issue 7).
    if (COMPANY_VOICE_BEFORE.test(ctx.blocks[block].block.text.slice(Math.max(sentence.start, at.start - 200), at.start))) return true;
  }
  const ours = (r: Role) => r.kind === 'name' && r.name.kind !== 'competitor';
  return scopes.includes('names') && (own.some(ours) || forms.some((h) => ours(h.role)));
}
