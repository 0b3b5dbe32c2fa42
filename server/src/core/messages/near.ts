/**
 * Near matches of approved phrases (current and retired taglines, their short forms, key messages that
 * must be quoted exactly) in the copy.
 *
 * A phrase "nearly matches" a window of copy (a sentence, a run of as many sentences as the phrase has,
 * or the part of a sentence after a label colon or dash or inside quotation marks) when
 *   1. at least NEAR_COVERAGE of the phrase's words appear in the window in order, and
 *   2. the window as a whole scores at least NEAR_SIMILARITY against the phrase (text/similarity.ts),
 *      so the phrase's words scattered through a longer sentence of its own are not a near match.
 * The span reported runs from the window word aligned with the phrase's first word to the one aligned
 * with its last (the window's edge when those words are missing), and is exact when it equals the phrase
 * by `phraseKey`. A tagline must start its window: "Teams that see every signal can fix what matters" is
 * the copy's own sentence, not a misquoted tagline (a key message may be restated inside a sentence).
 * Where candidates overlap, the one covering more of its phrase wins, then an exact one, then the better
 * score: an exact short form inside a near miss of the full tagline does not hide it.
 *
 * Cost: a block is only windowed for phrases whose words it could cover at all (a bucket count), and a
 * window is only scored when the in-order coverage already passes.
 */
import type { Brand, Pillar, Tagline } from '../brand/model';
import type { RuleContext } from '../context';
import { tokenize } from '../text/tokenize';
import { splitSentences } from '../text/sentences';
import { similarity } from '../text/similarity';
import { BucketTable, bucket, bucketKey, fuzzyKey, phraseKey, sameWord, stem } from './normalize';
import { blockWords } from './block-words';

/** Share of a phrase's words that must appear in order in the window. */
export const NEAR_COVERAGE = 0.8;
/** Minimum similarity of the window to the phrase; calibrated in test/unit/messages.test.ts. */
export const NEAR_SIMILARITY = 0.75;

export type PhraseKind = 'tagline' | 'short-form' | 'retired' | 'message';

export interface ApprovedPhrase {
  kind: PhraseKind;
  text: string;
  /** The tagline (for tagline, short-form and retired) or pillar (for message) it comes from. */
  tagline?: Tagline;
  pillar?: Pillar;
  stems: string[];
  buckets: Map<string, number>;
  sentences: number;
  fuzzy: string;
  key: string;
}

export interface NearMatch {
  phrase: ApprovedPhrase;
  block: number;
  /** Block-text offsets of the matched words. */
  start: number;
  end: number;
  exact: boolean;
  /** Similarity of the window to the phrase. */
  score: number;
  /** Phrase words found in order. */
  matched: number;
  /** Whether the window goes on after the match ("See every signal; fix what matters most"). */
  trailing: boolean;
}

const phraseCache = new WeakMap<Brand, ApprovedPhrase[]>();

/** Every phrase the message rules compare copy with, built once per brand. */
export function approvedPhrases(brand: Brand): ApprovedPhrase[] {
  let phrases = phraseCache.get(brand);
  if (!phrases) {
    phrases = [];
    for (const tagline of brand.taglines) {
      if (tagline.status === 'retired') phrases.push(makePhrase('retired', tagline.text, { tagline }));
      else {
        phrases.push(makePhrase('tagline', tagline.text, { tagline }));
        for (const short of tagline.shortForms) phrases.push(makePhrase('short-form', short, { tagline }));
      }
    }
    for (const pillar of brand.pillars) {
      if (pillar.paraphrase === 'exact') phrases.push(makePhrase('message', pillar.keyMessage, { pillar }));
    }
    phrases = phrases.filter((p) => p.stems.length > 0);
    phraseCache.set(brand, phrases);
  }
  return phrases;
}

export function makePhrase(kind: PhraseKind, text: string, from: { tagline?: Tagline; pillar?: Pillar }): ApprovedPhrase {
  const stems = tokenize(text, []).filter((t) => t.kind === 'word').map((t) => stem(t.text));
  const buckets = new Map<string, number>();
  for (const s of stems) buckets.set(bucket(s), (buckets.get(bucket(s)) ?? 0) + 1);
  return {
    kind,
    text,
    ...from,
    stems,
    buckets,
    sentences: Math.max(1, splitSentences(text).length),
    fuzzy: fuzzyKey(text),
    key: phraseKey(text),
  };
}

/** Whether `written` is the phrase exactly. Key messages may start lower-case inside a sentence. */
export function isExact(phrase: ApprovedPhrase, written: string): boolean {
  const key = phraseKey(written);
  if (key === phrase.key) return true;
  return phrase.kind === 'message' && key.slice(1) === phrase.key.slice(1) && key[0]?.toLowerCase() === phrase.key[0]?.toLowerCase();
}

/** How similar a window of copy is to a phrase, on the fuzzy keys. */
export function phraseSimilarity(phrase: ApprovedPhrase, written: string): number {
  return similarity(fuzzyKey(written), phrase.fuzzy);
}

/**
 * Near and exact matches in a document, overlaps resolved, outside third-party quotations (the brand does
 * not correct a customer's words). Computed once per document and shared by the message rules.
 */
export function nearMatches(ctx: RuleContext): NearMatch[] {
  return ctx.memo('messages.nearMatches', () => findNearMatches(ctx, approvedPhrases(ctx.brand)));
}

interface Word {
  stem: string;
  start: number;
  end: number;
}

export function findNearMatches(ctx: RuleContext, phrases: ApprovedPhrase[]): NearMatch[] {
  if (phrases.length === 0) return [];
  const out: NearMatch[] = [];
  const { wanted, keyed } = phraseBuckets(phrases);
  const counts = new Array<number>(wanted.size).fill(0);
  ctx.blocks.forEach((analysis, b) => {
    // The block's words by bucket, counted once for all phrases (a profile showed couldCover, one count
    // of the block's words per phrase, at 1.2% of a press release's check). Only the phrases' buckets are
    // counted (couldCover reads no other), and the block's words are listed only when a phrase could
    // cover them (most blocks): timed alone, the list was most of this function's cost. The buckets are
    // read as keys (wordBucketKey) and counted by their number in a BucketTable: a later profile showed
    // stem() of every word at 1.1% of a check; timed side by side on the 5 KB press release, this count
    // went from about 140 µs a check to 80 µs (string buckets and a Map per block before).
    // The keys are shared with the boilerplate's pre-filter (block-words.ts).
    counts.fill(0);
    const keys = blockWords(ctx, b).keys;
    const wordCount = keys.length;
    for (let w = 0; w < wordCount; w++) {
      const k = wanted.indexOf(keys[w]);
      if (k >= 0) counts[k]++;
    }
    const candidates = phrases.filter((p, i) => couldCover(p, keyed[i], wordCount, counts));
    if (candidates.length === 0) return;
    const words: Word[] = [];
    for (const t of analysis.tokens) if (t.kind === 'word') words.push({ stem: stem(t.text), start: t.start, end: t.end });
    const text = analysis.block.text;
    const maxSentences = Math.max(...candidates.map((p) => p.sentences));
    const found: NearMatch[] = [];
    for (const [ws, we] of windows(ctx, b, maxSentences)) {
      const first = words.findIndex((w) => w.start >= ws);
      if (first < 0) continue;
      let last = first;
      while (last + 1 < words.length && words[last + 1].end <= we) last++;
      if (words[last].end > we) continue;
      const span = words.slice(first, last + 1);
      for (const phrase of candidates) {
        const match = matchWindow(phrase, span, text, b);
        if (match) found.push(match);
      }
    }
    for (const m of resolve(found)) {
      if (!ctx.scope(b, m.start).thirdPartyQuote) out.push(m);
    }
  });
  return out;
}

interface PhraseBuckets {
  /** Every bucket of the phrases' words, as keys (bucketKey). */
  wanted: BucketTable;
  /** Each phrase's `buckets`, by their number in `wanted`, in the order of the list. */
  keyed: Array<Array<[number, number]>>;
}

/** The phrases' buckets as keys, per list of phrases (approvedPhrases keeps one list per brand). */
const bucketUnions = new WeakMap<ApprovedPhrase[], PhraseBuckets>();

function phraseBuckets(phrases: ApprovedPhrase[]): PhraseBuckets {
  let union = bucketUnions.get(phrases);
  if (!union) {
    const wanted = new BucketTable(phrases.flatMap((p) => [...p.buckets.keys()].map(bucketKey)));
    const keyed = phrases.map((p) => [...p.buckets].map(([b, n]): [number, number] => [wanted.indexOf(bucketKey(b)), n]));
    union = { wanted, keyed };
    bucketUnions.set(phrases, union);
  }
  return union;
}

/** Whether the block holds enough of the phrase's words, by bucket, to reach the coverage at all. */
function couldCover(phrase: ApprovedPhrase, buckets: Array<[number, number]>, wordCount: number, counts: number[]): boolean {
  const need = Math.ceil(NEAR_COVERAGE * phrase.stems.length);
  if (wordCount < need) return false;
  let possible = 0;
  for (const [k, n] of buckets) possible += Math.min(n, counts[k]);
  return possible >= need;
}

function matchWindow(phrase: ApprovedPhrase, span: Word[], text: string, block: number): NearMatch | undefined {
  const n = phrase.stems.length;
  // A window much longer than the phrase cannot score above the threshold; skip the alignment.
  if (span.length > 3 * n + 4) return undefined;
  const aligned = align(phrase.stems, span.map((w) => w.stem));
  const matched = aligned.filter((i) => i >= 0).length;
  if (matched < NEAR_COVERAGE * n) return undefined;
  const first = aligned[0] >= 0 ? aligned[0] : 0;
  const last = aligned[n - 1] >= 0 ? aligned[n - 1] : span.length - 1;
  if (last < first) return undefined;
  // Taglines stand on their own: words of the copy's own before them make them part of a sentence.
  if (first > 0 && phrase.kind !== 'message') return undefined;
  const start = span[first].start;
  const end = span[last].end;
  const exact = matched === n && isExact(phrase, text.slice(start, end));
  const score = phraseSimilarity(phrase, text.slice(span[0].start, span[span.length - 1].end));
  if (!exact && score < NEAR_SIMILARITY) return undefined;
  return { phrase, block, start, end, exact, score, matched, trailing: last < span.length - 1 };
}

/**
 * Longest in-order alignment of the phrase's words with the window's: for each phrase word, the index of
 * the window word it is aligned with, or -1. Among equally long alignments the latest start is kept, so a
 * phrase word repeated earlier in the window does not stretch the span.
 */
export function align(phrase: string[], window: string[]): number[] {
  const n = phrase.length;
  const m = window.length;
  // best[i][j]: longest alignment of phrase[i..] with window[j..].
  const best: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      best[i][j] = sameWord(phrase[i], window[j]) ? best[i + 1][j + 1] + 1 : Math.max(best[i + 1][j], best[i][j + 1]);
    }
  }
  const out = new Array<number>(n).fill(-1);
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (sameWord(phrase[i], window[j]) && best[i][j] === best[i + 1][j + 1] + 1 && best[i][j + 1] < best[i][j]) {
      out[i] = j;
      i++;
      j++;
    } else if (best[i][j + 1] >= best[i + 1][j]) j++;
    else i++;
  }
  return out;
}

/** Windows of a block: [start, end) text ranges, each within `maxSentences` consecutive sentences. */
function windows(ctx: RuleContext, block: number, maxSentences: number): Array<[number, number]> {
  const analysis = ctx.blocks[block];
  const text = analysis.block.text;
  const sentences = analysis.sentences.length > 0 ? analysis.sentences : [{ start: 0, end: text.length }];
  const quotes = ctx.quotes.filter((q) => q.block === block);
  const cuts = sentences.map((s) => {
    const starts = [s.start];
    const ends = [s.end];
    const inner = text.slice(s.start, s.end);
    for (const m of inner.matchAll(/:\s|\s[—–-]{1,2}\s|[—–;]/g)) {
      ends.push(s.start + m.index);
      starts.push(s.start + m.index + m[0].length);
    }
    for (const q of quotes) {
      if (q.start >= s.start && q.start < s.end) starts.push(q.start + 1);
      if (q.end > s.start && q.end <= s.end) ends.push(q.end - 1);
    }
    return { starts, ends };
  });
  const out: Array<[number, number]> = [];
  const seen = new Set<string>();
  for (let i = 0; i < sentences.length; i++) {
    for (const start of cuts[i].starts) {
      for (let k = i; k < Math.min(sentences.length, i + maxSentences); k++) {
        for (const end of cuts[k].ends) {
          const key = `${start}:${end}`;
          if (end > start && !seen.has(key)) {
            seen.add(key);
            out.push([start, end]);
          }
        }
      }
    }
  }
  return out;
}

/** Keeps the best of overlapping candidates (see the module comment for the order). */
function resolve(found: NearMatch[]): NearMatch[] {
  const ranked = [...found].sort((a, b) => b.matched - a.matched || Number(b.exact) - Number(a.exact) || b.score - a.score || b.phrase.text.length - a.phrase.text.length);
  const kept: NearMatch[] = [];
  for (const m of ranked) {
    if (kept.some((k) => k.start < m.end && m.start < k.end)) continue;
    kept.push(m);
  }
  return kept.sort((a, b) => a.start - b.start);
}
