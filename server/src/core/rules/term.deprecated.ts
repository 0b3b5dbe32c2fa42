import type { Rule } from '../rule';
import type { Mention, RuleContext } from '../context';
import type { Term, TermForm } from '../brand/model';
import { ignoredHere, isMentionedAsWord } from '../match/scope';
import { brandSource } from '../context';
import { articleFor, pluralize } from '../text/inflect';
import { trailingLetters } from '../text/normalize';
import { because, q } from '../match/explain';
import { type DerivedCache, derived } from '../derived';

/**
 * Part-of-speech cues for forms such as `{form: signup, pos: verb}`. A form reads as a verb only with a
 * cue on both sides: a verb-taking word or the sentence start before it, and a word or the end of the
 * sentence after it that a verb takes ("Signup for the beta", "you can signup now", "click here to
 * signup."). "Pricing page to signup conversion" and "signup to activation rate" stay nouns.
 */
/** A capital first letter. Hoisted: the bundle the benchmark measures compiles a \p literal inside a function anew on every call. */
const UPPER_FIRST = /^\p{Lu}/u;
const VERB_BEFORE = new Set(['to', 'please', 'can', 'could', 'will', 'would', 'should', 'must', 'may', 'might', 'you', 'we', 'they', 'and', 'or', "don't", 'never', 'just', 'simply']);
const NOUN_BEFORE = new Set(['a', 'an', 'the', 'your', 'our', 'their', 'his', 'her', 'its', 'this', 'that', 'each', 'every', 'free', 'new', 'quick']);
const VERB_AFTER = new Set(['for', 'now', 'today', 'with', 'at', 'in', 'here', 'using', 'via', 'on', 'free', 'and', 'or', 'below', 'online', 'early', 'instantly']);

/** A deprecated term, or an admitted form outside the channels that admit it. */
export const rule: Rule = {
  id: 'term.deprecated',
  description: 'A deprecated term (or a form admitted only in other channels) where the brand file prefers another.',
  severity: 'warning',
  check(ctx) {
    for (const m of ctx.mentions) {
      // A plural of a deprecated form can be a preferred form ("on-premise" → "on-premises"): preferred wins.
      if (m.roles.some((r) => r.kind === 'term' && r.form === 'preferred' && sameForm(r.text, m.surface, r.term.caseSensitive || isCaseRule(r.term)))) continue;
      for (const role of m.roles) {
        if (role.kind !== 'term' || role.form === 'preferred' || !role.termForm) continue;
        const { term, termForm } = role;
        if ((term.caseSensitive || isCaseRule(term)) && !sameForm(role.text, m.surface, true)) continue;
        if (role.form === 'admitted' && admittedHere(ctx, termForm)) continue;
        if (term.channels.length > 0 && (!ctx.channel || !term.channels.includes(ctx.channel))) continue;
        if (ignoredHere(ctx, m, term.ignoreIn)) continue;
        if (isMentionedAsWord(ctx.blocks[m.block].block.text, m.start, m.end) || inProperName(ctx, m, role.text)) continue;
        if (termForm.pos && !readsAs(ctx, m, termForm.pos)) continue;
        report(ctx, m, term, termForm, role.form, role.inflected);
        break;
      }
    }
  },
};

/**
 * A lower-case form written with capitals mid-sentence next to other capitalised words is part of a proper
 * name ("Airbus' User Behaviour Analytics team"): the name is someone else's, not our term.
 */
function inProperName(ctx: RuleContext, m: Mention, form: string): boolean {
  if (!UPPER_FIRST.test(m.surface) || UPPER_FIRST.test(form) || ctx.isSentenceStart(m.block, m.start)) return false;
  if (ctx.blocks[m.block].block.kind === 'heading') return false;
  const tokens = ctx.blocks[m.block].tokens;
  const capitalised = (i: number): boolean => tokens[i]?.kind === 'word' && UPPER_FIRST.test(tokens[i].text);
  return capitalised(m.first - 1) || capitalised(m.last + 1);
}

/**
 * A term whose deprecated form differs from the preferred one only in case ("urls" → "URLs") compares case.
 * Once per term (derived.ts): a profile of the 5 KB press release showed it, asked at every mention with
 * a term role, at a quarter of term.deprecated's time.
 */
function isCaseRule(term: Term): boolean {
  return derived(caseRules, term, [term.preferred, ...term.deprecated.map((f) => f.form)], () => {
    const preferred = term.preferred.toLowerCase();
    return term.deprecated.some((f) => f.form !== term.preferred && f.form.toLowerCase() === preferred);
  });
}

const caseRules: DerivedCache<Term, boolean> = new WeakMap();

/** Whether `surface` is `form`: exactly, or case-insensitively unless `exact`. A capital at the start of a
 * sentence is not a difference ("Urls" is "urls"). */
function sameForm(form: string, surface: string, exact: boolean): boolean {
  if (!exact) return form.toLowerCase() === surface.toLowerCase();
  return surface === form || surface === form.charAt(0).toUpperCase() + form.slice(1);
}

function admittedHere(ctx: RuleContext, form: TermForm): boolean {
  return form.channels.length === 0 || (!!ctx.channel && form.channels.includes(ctx.channel));
}

/** Pattern-based part of speech for the one form: enough to tell "Signup for the beta" from "the signup form". */
function readsAs(ctx: RuleContext, m: Mention, pos: NonNullable<TermForm['pos']>): boolean {
  const tokens = ctx.blocks[m.block].tokens;
  const prev = tokens[m.first - 1];
  const next = tokens[m.last + 1];
  const before = prev && !tokens[m.first].glued ? prev.key : undefined;
  const sentence = ctx.sentenceAt(m.block, m.start);
  const endsHere = !next || next.start >= sentence.end || (next.kind === 'punct' && /^[.!?;:,)]$/.test(next.key));
  const verbLeft = (before !== undefined && VERB_BEFORE.has(before)) || ctx.isSentenceStart(m.block, m.start);
  const verbRight = endsHere || (!next.glued && next.kind === 'word' && VERB_AFTER.has(next.key));
  const noun = before !== undefined && NOUN_BEFORE.has(before);
  if (pos === 'verb') return verbLeft && verbRight && !noun;
  if (pos === 'noun') return noun || !(verbLeft && verbRight);
  return true;
}

function report(ctx: RuleContext, m: Mention, term: Term, form: TermForm, kind: 'deprecated' | 'admitted', inflected: boolean): void {
  const block = ctx.blocks[m.block];
  let replacement = inflected ? pluralize(term.preferred) : term.preferred;
  if (UPPER_FIRST.test(m.surface) && !UPPER_FIRST.test(replacement) && (ctx.isSentenceStart(m.block, m.start) || block.block.kind === 'heading')) {
    replacement = replacement.charAt(0).toUpperCase() + replacement.slice(1);
  }
  // "a monitoring tool" → "an observability platform": the article moves with the noun.
  let fixStart = m.start;
  const prev = block.tokens[m.first - 1];
  if (prev && prev.kind === 'word' && (prev.key === 'a' || prev.key === 'an') && !block.tokens[m.first].glued) {
    const article = articleFor(replacement);
    if (article !== prev.key) {
      fixStart = prev.start;
      const written = prev.text[0] === prev.text[0].toUpperCase() ? article[0].toUpperCase() + article.slice(1) : article;
      replacement = written + block.block.text.slice(prev.end, m.start) + replacement;
    }
  } else if (!inflected && block.block.kind !== 'heading' && needsArticle(ctx, m, form.form, term.preferred)) {
    // "looking for invoice software" → "looking for an accounts payable platform", not "for accounts payable platform".
    const article = articleFor(replacement);
    const atStart = ctx.isSentenceStart(m.block, m.start);
    const body = atStart && !UPPER_FIRST.test(term.preferred) ? replacement.charAt(0).toLowerCase() + replacement.slice(1) : replacement;
    replacement = `${atStart ? article.charAt(0).toUpperCase() + article.slice(1) : article} ${body}`;
  }
  const where = kind === 'admitted' ? ` (${q(form.form)} is admitted only in ${form.channels.join(', ')})` : '';
  ctx.report({
    block: m.block,
    start: m.start,
    end: m.end,
    message: `Use ${q(inflected ? pluralize(term.preferred) : term.preferred)} instead of ${q(m.surface)}${where}: ${because(term, `the brand file prefers ${q(term.preferred)}`)}`,
    fix: { title: `Replace with ${q(inflected ? pluralize(term.preferred) : term.preferred)}`, text: replacement, start: fixStart, end: m.end },
    severity: term.severity,
    source: brandSource('terms', term),
    entryId: term.id,
  });
}

/** Nouns that take no article ("invoice software"); a count noun put in their place needs one. */
const MASS_NOUNS = new Set(['software', 'hardware', 'firmware', 'middleware', 'tooling', 'equipment', 'information']);
/** Words before a noun phrase that already determine it ("our invoice software", "any software"). */
const DETERMINERS = new Set([...NOUN_BEFORE, 'any', 'some', 'no', 'my', 'which', 'what', 'whose', 'these', 'those', 'such', 'more', 'less', 'much', 'enough', 'of']);
/** Words that can follow a whole noun phrase; any other word after the term means it modifies a noun ("invoice software vendors"). */
const AFTER_PHRASE = new Set(['that', 'which', 'who', 'to', 'for', 'with', 'and', 'or', 'but', 'is', 'was', 'can', 'could', 'will', 'would', 'should', 'may', 'might', 'must', 'does', 'did', 'has', 'had', 'in', 'on', 'at', 'from', 'by', 'as', 'so', 'than', 'like', 'into', 'without', 'since', 'because', 'when', 'where', 'while', 'if']);

/**
 * Whether replacing a mass-noun term ("invoice software") with a count-noun term ("accounts payable
 * platform") needs an indefinite article: only when nothing determines the phrase before it and the term
 * ends its noun phrase (a function word, punctuation or the end of the sentence after it). Otherwise the fix
 * is the plain replacement, as before.
 */
function needsArticle(ctx: RuleContext, m: Mention, deprecated: string, preferred: string): boolean {
  const lastWord = (s: string): string => trailingLetters(s.toLowerCase()) ?? '';
  if (!MASS_NOUNS.has(lastWord(deprecated)) || MASS_NOUNS.has(lastWord(preferred)) || /s$/.test(lastWord(preferred))) return false;
  const tokens = ctx.blocks[m.block].tokens;
  const prev = tokens[m.first - 1];
  const next = tokens[m.last + 1];
  if (prev && !tokens[m.first].glued && prev.kind === 'word' && DETERMINERS.has(prev.key)) return false;
  // A possessive determines it too: "Acme's invoice software", "our customers' invoice software".
  if (/(?:['’]s|s['’])\s+$/u.test(ctx.blocks[m.block].block.text.slice(Math.max(0, m.start - 4), m.start))) return false;
  if (prev && tokens[m.first].glued) return false;
  if (next && !next.glued && next.kind === 'word' && !AFTER_PHRASE.has(next.key)) return false;
  if (next && next.glued && next.kind === 'word') return false;
  return true;
}
