/**
 * Phrase hits shared by the phrase rules: literal patterns come from the shared trie scan, `regex:`
 * patterns from one bounded pass per block. A hit is dropped when an exception covers it (longest match),
 * when it lies in a channel or scope the entry excludes, or when its sentence is approved brand text
 * (a snippet, the boilerplate, an approved claim wording), which Legal has already cleared.
 */
import type { Brand, Phrase, PhraseKind } from '../brand/model';
import { type RuleContext, normalizedSpan } from '../context';
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
  const hits: PhraseHit[] = [...(mentionHits(ctx).get(kind) ?? [])];
  for (const phrase of ctx.index.regexPhrases) {
    if (phrase.kind !== kind) continue;
    ctx.blocks.forEach((b, block) => {
      for (const pattern of phrase.patterns) {
        if (!pattern.regex) continue;
        const re = globalOf(pattern.regex);
        re.lastIndex = 0;
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

/**
 * The trie's phrase hits of every kind in one pass over the mentions, in mention order, once per document:
 * phrase.banned, phrase.needs-claim and phrase.risky each walked every mention's roles for their own kind.
 * A mention contributes its first phrase role of each kind, as `m.roles.find` per kind did.
 */
function mentionHits(ctx: RuleContext): Map<PhraseKind, PhraseHit[]> {
  return ctx.memo('match.phrase-mention-hits', () => {
    const byKind = new Map<PhraseKind, PhraseHit[]>();
    for (const m of ctx.mentions) {
      let seen: PhraseKind[] | undefined;
      for (const r of m.roles) {
        if (r.kind !== 'phrase') continue;
        const k = r.phrase.kind;
        if (seen?.includes(k)) continue;
        (seen ??= []).push(k);
        let list = byKind.get(k);
        if (!list) byKind.set(k, (list = []));
        list.push({ block: m.block, start: m.start, end: m.end, surface: m.surface, phrase: r.phrase });
      }
    }
    return byKind;
  });
}

/**
 * A global copy of a `regex:` pattern, made once per compiled pattern (a RegExp's source and flags never
 * change, so the object is the key): phraseHits compiled one per pattern and block on every check. Callers reset
 * lastIndex before each text; the copy is used only inside phraseHits' synchronous loop.
 */
const globalCopies = new WeakMap<RegExp, RegExp>();

function globalOf(regex: RegExp): RegExp {
  let re = globalCopies.get(regex);
  if (!re) {
    re = new RegExp(regex.source, regex.flags.includes('g') ? regex.flags : regex.flags + 'g');
    globalCopies.set(regex, re);
  }
  return re;
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
  return !sentenceIsApproved(ctx, h.block, h.start);
}

/**
 * isApprovedText of the sentence at (block, offset), once per sentence and document: the hits of the three
 * phrase rules share sentences, and each normalised its sentence again (normalizedSpan is
 * normalizeText(text.slice(start, end)), shared with phrase.needs-claim).
 */
function sentenceIsApproved(ctx: RuleContext, block: number, offset: number): boolean {
  const sentence = ctx.sentenceAt(block, offset);
  const held = ctx.memo('match.phrase-approved-sentences', () => new Map<string, boolean>());
  const key = `${block}:${sentence.start}:${sentence.end}`;
  let approved = held.get(key);
  if (approved === undefined) {
    approved = isApprovedNormalized(ctx.brand, normalizedSpan(ctx, block, sentence.start, sentence.end));
    held.set(key, approved);
  }
  return approved;
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
  return isApprovedNormalized(brand, normalizeText(sentence));
}

/**
 * isApprovedText of an already normalised sentence. "Fewer than 4 words" is `n.split(' ').length < 4`,
 * i.e. fewer than 3 spaces, counted without building the array (the split was a tenth of phrase.banned
 * in a profile of the 5 KB press release).
 */
function isApprovedNormalized(brand: Brand, n: string): boolean {
  let spaces = 0;
  for (let i = n.indexOf(' '); i >= 0 && spaces < 3; i = n.indexOf(' ', i + 1)) spaces++;
  if (spaces < 3) return false;
  return approvedTexts(brand).some((t) => t.includes(n));
}
