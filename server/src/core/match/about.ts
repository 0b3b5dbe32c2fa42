/**
 * Whether a sentence is about the company or its own products — the scope of rank words and unverified
 * figures. A sentence is about us when it names the company or one of our (non-competitor) names, or when
 * the company speaks of itself right before the words in question ("we are the leading…").
 */
import type { RuleContext } from '../context';
import type { Sentence } from '../text/sentences';

const COMPANY_VOICE_BEFORE = /\bwe(?:\s+are|['’]re|\s+were|\s+have\s+become|['’]ve\s+become|\s+became)(?:\s+(?:now|still|already|officially))?\s+(?:(?:the|a|an)\s+)?$/i;

export type AboutScope = 'company' | 'names' | 'any';

export function isAboutUs(ctx: RuleContext, block: number, sentence: Sentence, at: { start: number; end: number }, scopes: readonly AboutScope[]): boolean {
  if (scopes.length === 0 || scopes.includes('any')) return true;
  const roles = [
    ...ctx.mentions.filter((m) => m.block === block && m.start >= sentence.start && m.end <= sentence.end).flatMap((m) => m.roles),
    ...ctx.formsWithin(block, at.start, at.end).map((h) => h.role),
  ];
  if (scopes.includes('company')) {
    if (roles.some((r) => r.kind === 'company')) return true;
    if (COMPANY_VOICE_BEFORE.test(ctx.blocks[block].block.text.slice(sentence.start, at.start))) return true;
  }
  return scopes.includes('names') && roles.some((r) => r.kind === 'name' && r.name.kind !== 'competitor');
}
