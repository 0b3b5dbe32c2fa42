/**
 * Phrase hits shared by the phrase rules: literal patterns come from the shared trie scan, `regex:`
 * patterns from one bounded pass per block. A hit is dropped when an exception covers it (longest match),
 * when it lies in a channel or scope the entry excludes, or when its sentence is approved brand text
 * (a snippet, the boilerplate, an approved claim wording), which Legal has already cleared.
 */
import type { Brand, Phrase, PhraseKind } from '../brand/model';
import type { RuleContext } from '../context';
import { ignoredHere, isMentionedAsWord } from './scope';
import { normalizeText } from '../text/normalize';

export interface PhraseHit {
  block: number;
  start: number;
  end: number;
  surface: string;
  phrase: Phrase;
}

export function phraseHits(ctx: RuleContext, kind: PhraseKind): PhraseHit[] {
  const hits: PhraseHit[] = [];
  for (const m of ctx.mentions) {
    const role = m.roles.find((r) => r.kind === 'phrase' && r.phrase.kind === kind);
    if (role && role.kind === 'phrase') hits.push({ block: m.block, start: m.start, end: m.end, surface: m.surface, phrase: role.phrase });
  }
  for (const phrase of ctx.index.regexPhrases) {
    if (phrase.kind !== kind) continue;
    ctx.blocks.forEach((b, block) => {
      for (const pattern of phrase.patterns) {
        if (!pattern.regex) continue;
        const re = new RegExp(pattern.regex.source, pattern.regex.flags.includes('g') ? pattern.regex.flags : pattern.regex.flags + 'g');
        for (let m = re.exec(b.block.text); m; m = re.exec(b.block.text)) {
          if (m[0].length === 0) {
            re.lastIndex++;
            continue;
          }
          if (!coveredByMention(ctx, block, m.index, m.index + m[0].length)) {
            hits.push({ block, start: m.index, end: m.index + m[0].length, surface: m[0], phrase });
          }
        }
      }
    });
  }
  return hits.filter((h) => applies(ctx, h));
}

/** A regex hit inside a longer known form (an exception, a name) belongs to that form. */
function coveredByMention(ctx: RuleContext, block: number, start: number, end: number): boolean {
  return ctx.mentions.some((m) => m.block === block && m.start <= start && m.end >= end && m.roles.some((r) => r.kind === 'exception'));
}

function applies(ctx: RuleContext, h: PhraseHit): boolean {
  const p = h.phrase;
  if (p.channels.length > 0 && (!ctx.channel || !p.channels.includes(ctx.channel))) return false;
  if (ignoredHere(ctx, h, p.ignoreIn)) return false;
  if (isMentionedAsWord(ctx.blocks[h.block].block.text, h.start, h.end)) return false;
  const sentence = ctx.sentenceAt(h.block, h.start);
  const text = ctx.blocks[h.block].block.text.slice(sentence.start, sentence.end);
  return !isApprovedText(ctx.brand, text);
}

const approvedCache = new WeakMap<Brand, string[]>();

/** Brand text that has been through approval: snippets, boilerplate, taglines, claim wordings and attributions. */
function approvedTexts(brand: Brand): string[] {
  let texts = approvedCache.get(brand);
  if (!texts) {
    texts = [
      ...brand.snippets.map((s) => s.text),
      ...brand.boilerplate.map((b) => b.text),
      ...brand.taglines.filter((t) => t.status === 'current').map((t) => t.text),
      ...brand.claims.filter((c) => c.status === 'current').flatMap((c) => [...c.approvedWordings, ...(c.requiredAttribution ? [c.requiredAttribution] : [])]),
    ].map(normalizeText).filter((t) => t.length > 0);
    approvedCache.set(brand, texts);
  }
  return texts;
}

/** Whether a sentence is (part of) approved brand text. Short fragments don't count: they would approve anything. */
export function isApprovedText(brand: Brand, sentence: string): boolean {
  const n = normalizeText(sentence);
  if (n.split(' ').length < 4) return false;
  return approvedTexts(brand).some((t) => t.includes(n));
}
