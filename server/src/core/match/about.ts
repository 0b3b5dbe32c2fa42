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
  return ctx.memo(`sentence-roles:${block}:${sentence.start}:${sentence.end}`, () => mentionsWithin(ctx.mentions, block, sentence.start, sentence.end).flatMap((m) => m.roles));
}

export function isAboutUs(ctx: RuleContext, block: number, sentence: Sentence, at: { start: number; end: number }, scopes: readonly AboutScope[]): boolean {
  if (scopes.length === 0 || scopes.includes('any')) return true;
  const roles = [...sentenceRoles(ctx, block, sentence), ...ctx.formsWithin(block, at.start, at.end).map((h) => h.role)];
  if (scopes.includes('company')) {
    if (roles.some((r) => r.kind === 'company')) return true;
    // At most 200 characters back: "we are now the" is a few words, and a call must not cost the sentence (issue 7).
    if (COMPANY_VOICE_BEFORE.test(ctx.blocks[block].block.text.slice(Math.max(sentence.start, at.start - 200), at.start))) return true;
  }
  return scopes.includes('names') && roles.some((r) => r.kind === 'name' && r.name.kind !== 'competitor');
}
