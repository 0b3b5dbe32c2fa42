import type { Rule } from '../rule';
import type { Brand } from '../brand/model';
import type { RuleContext } from '../context';
import { channelSource, fromProfile, num, profileOf, strs, sub } from '../channels/profile';
import { pressRelease } from '../channels/press';
import { blockIndexOf, firstLine } from '../channels/structure';
import { charCount, nodeRange, plainText } from '../channels/text';
import { escapeRegExp } from '../context';
import { OPAQUE } from '../text/tokenize';
import { type DerivedCache, derived } from '../derived';

/**
 * The headline (the H1) as the profile's `headline` says: at most `max_chars`; names the company or one of
 * its names (`must_name_any`); no all-caps words (`all_caps: forbid`) other than acronyms and names; no "!"
 * (`exclamation: forbid`). Length, naming and an all-caps headline are one finding on the heading; each
 * shouted word and each "!" is its own.
 */
export const rule: Rule = {
  id: 'pr.headline',
  description: 'A press-release headline that is too long, names neither the company nor a product, shouts in capitals or ends in "!".',
  severity: 'warning',
  check(ctx) {
    const profile = profileOf(ctx);
    const config = sub(profile?.raw, 'headline');
    if (!profile || !config) return;
    const where = fromProfile(profile.channel, 'headline');
    const source = channelSource(profile.channel, 'headline');
    const h1 = pressRelease(ctx).headline;
    if (!h1) {
      const at = firstLine(ctx.doc);
      ctx.reportAt({ ...at, message: `The release has no headline: start it with a level-1 heading ('# …'), as ${where} expects.`, source });
      return;
    }
    const b = blockIndexOf(ctx.doc, h1);
    const text = plainText(h1, ctx.doc.source);
    const problems: string[] = [];

    const max = num(config, 'max_chars');
    const length = charCount(text);
    if (max !== undefined && length > max) problems.push(`it is ${length} characters long, over the limit of ${max}`);

    const mustName = strs(config, 'must_name_any');
    if (mustName.length > 0) {
      const { forms, pattern } = headlineNames(ctx.brand, mustName);
      if (forms.length > 0 && !pattern.test(text)) {
        problems.push(`it does not name ${describeNames(ctx.brand, mustName, forms)}`);
      }
    }

    const shouted = config.all_caps === 'forbid' && b >= 0 ? capsWords(ctx, b) : { words: [], all: false };
    if (shouted.all) problems.push('it is written in capitals');

    if (problems.length > 0) {
      const message = `Rework the headline: ${problems.join('; ')}. These are the headline rules of ${where}.`;
      if (b >= 0) ctx.report({ block: b, start: 0, end: ctx.blocks[b].block.text.length, message, source });
      else ctx.reportAt({ ...nodeRange(h1), message, source });
    }
    if (b < 0) return;
    const block = ctx.blocks[b].block.text;

    if (!shouted.all) {
      for (const w of shouted.words) {
        ctx.report({
          block: b,
          start: w.start,
          end: w.end,
          message: `Write '${w.text}' in normal case: ${where} forbids all-caps words in headlines; only acronyms and names keep their capitals.`,
          source,
        });
      }
    }

    // Every finding here is on a "!": a headline without one (most) skips both scans.
    if (config.exclamation === 'forbid' && block.includes('!')) {
      // Hidden text (a comment, inline code) after the last "!" does not stop it from ending the headline.
      const trailing = TRAILING_EXCLAMATION.exec(block);
      for (const m of block.matchAll(/!+/gu)) {
        const start = m.index ?? 0;
        const isTrailing = trailing !== null && trailing.index === start;
        ctx.report({
          block: b,
          start,
          end: start + m[0].length,
          message: `Remove the '${m[0]}': ${where} forbids exclamation marks in headlines.`,
          source,
          ...(isTrailing ? { fix: { title: `Remove '${m[0]}'`, text: '' } } : {}),
        });
      }
    }
  },
};

/** The exclamation marks that end a headline; compiled once, not on every check (it is not global: no state). */
const TRAILING_EXCLAMATION = new RegExp(`!+(?=[\\s${OPAQUE}]*$)`, 'u');

/**
 * acceptedNames and their pattern, once per brand and list (derived.ts): a profile of the 5 KB press
 * release showed the forms collected, deduplicated and joined into the pattern's key on every check.
 * The inputs are every field acceptedNames reads.
 */
export function headlineNames(brand: Brand, wanted: string[]): { forms: string[]; pattern: RegExp } {
  const company = brand.company;
  const inputs: unknown[] = [company, company?.name, company?.legalName, company?.firstMention, brand.names];
  for (const n of brand.names) inputs.push(n, n.id, n.kind, n.name, n.shortForm);
  for (const w of wanted) inputs.push(w);
  return derived(headlineNameCache, brand, inputs, () => {
    const forms = acceptedNames(brand, wanted);
    return { forms, pattern: namePattern(forms) };
  });
}

const headlineNameCache: DerivedCache<Brand, { forms: string[]; pattern: RegExp }> = new WeakMap();

/** The forms that satisfy `must_name_any`: "company", "names", a name's id, or literal text. */
export function acceptedNames(brand: Brand, wanted: string[]): string[] {
  const forms: string[] = [];
  const company = brand.company;
  for (const w of wanted) {
    if (w === 'company') {
      if (company) forms.push(company.name, company.legalName ?? '', company.firstMention ?? '');
    } else if (w === 'names') {
      for (const n of brand.names) if (n.kind !== 'competitor') forms.push(n.name, n.shortForm ?? '');
    } else {
      const named = brand.names.find((n) => n.id === w);
      forms.push(...(named ? [named.name, named.shortForm ?? ''] : [w]));
    }
  }
  return [...new Set(forms.filter((f) => f.trim()))];
}

function describeNames(brand: Brand, wanted: string[], forms: string[]): string {
  const company = wanted.includes('company') ? brand.company?.name : undefined;
  const names = forms.filter((f) => f !== company && f !== brand.company?.legalName && f !== brand.company?.firstMention);
  const shown = names.slice(0, 3).map((n) => `'${n}'`).join(', ') + (names.length > 3 ? ', …' : '');
  if (company && names.length > 0) return `the company ('${company}') or one of its names (${shown})`;
  if (company) return `the company ('${company}')`;
  return `one of the brand's names (${shown})`;
}

/** Capitals that are not shouting: common acronyms, in any brand's copy. */
const COMMON_ACRONYMS = new Set(
  (
    'AI API AP AR ARR AWS B2B B2C CCPA CEO CFO CIO CISO CLI CMO COO CPO CPU CRM CSS CSV CTO DNS ERP ESG EU EV FAQ GAAP GCP ' +
    'GDPR GPU HIPAA HR HTML HTTP HTTPS IBM IoT IPO ISO IT JSON KPI LLM ML MTTR NASA NASDAQ NYSE PC PCI PDF PO PR QA ROI SaaS ' +
    'SAML SAP SCIM SDK SEC SLA SLO SMB SOC SQL SRE SSO TLS UI UK UN URL US USA UX VP VPN XML'
  ).split(' '),
);
// Hoisted: the bundle the benchmark measures compiles a \p literal inside a function anew on every call.
// CAPS_WORD is global but only used with matchAll, which copies it (its own lastIndex stays 0).
const NOT_WORD_CHARS = /[^\p{L}\p{N}]+/u;
const CAPS_WORD = /(?<![\p{L}\p{N}])\p{Lu}{2,}(?![\p{L}\p{N}])/gu;
const LETTER = /\p{L}/u;
const ROMAN = /^(?:II|III|IV|VI|VII|VIII|IX|XI|XII)$/;
const HEADLINE_WORD = /(?<![\p{L}\p{N}])\p{L}[\p{L}\p{N}'’]*/gu;

/**
 * The pattern for `must_name_any`, compiled once per list of forms (it is not global, so it keeps no
 * state): a profile of the 5 KB press release showed it escaped and compiled on every check.
 */
function namePattern(forms: string[]): RegExp {
  const key = forms.join('\n');
  let re = namePatterns.get(key);
  if (!re) {
    re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${forms.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'iu');
    if (namePatterns.size >= 100) namePatterns.clear();
    namePatterns.set(key, re);
  }
  return re;
}

const namePatterns = new Map<string, RegExp>();

/**
 * `word.replace(/['’]s?$/u, '')` (a property test holds the two equal): an apostrophe at the end, or one
 * before a final "s", comes off. Called for every headline word on every check.
 */
export function withoutPossessive(word: string): string {
  const n = word.length;
  const last = word[n - 1];
  if (last === "'" || last === '’') return word.slice(0, n - 1);
  if (last === 's' && (word[n - 2] === "'" || word[n - 2] === '’')) return word.slice(0, n - 2);
  return word;
}

/**
 * Whether a headline word (possessive dropped) is written in capitals: the same as
 * `[...text.matchAll(HEADLINE_WORD)].map((m) => withoutPossessive(m[0])).some((w) => w === w.toUpperCase() && w !== w.toLowerCase())`,
 * without the arrays, as most headlines have no such word and capsWords stops here.
 */
export function hasCapsWord(text: string): boolean {
  // In ASCII text every capital of a word in capitals is followed by no lowercase letter (the word has
  // none, and what follows the word or its possessive is no letter): without such a capital there is no
  // such word, and the Unicode word scan is not run (the case of most headlines).
  if (!MAY_HOLD_CAPS_WORD.test(text)) return false;
  HEADLINE_WORD_SCAN.lastIndex = 0;
  for (let m = HEADLINE_WORD_SCAN.exec(text); m; m = HEADLINE_WORD_SCAN.exec(text)) {
    const w = withoutPossessive(m[0]);
    if (w === w.toUpperCase() && w !== w.toLowerCase()) {
      HEADLINE_WORD_SCAN.lastIndex = 0;
      return true;
    }
  }
  return false;
}

/** A character outside ASCII, or an ASCII capital not followed by a lowercase letter. Neither global nor sticky. */
const MAY_HOLD_CAPS_WORD = /[^\x00-\x7f]|[A-Z](?![a-z])/;

/** HEADLINE_WORD for hasCapsWord's own loop, which leaves it at 0. */
const HEADLINE_WORD_SCAN = new RegExp(HEADLINE_WORD.source, 'gu');

/**
 * All-caps words in the headline that are not acronyms: not in `acronyms.known` or `acronyms.expansions`,
 * not a word of a brand name, not a common acronym, and not written in capitals in the release's own body
 * (an acronym the body uses, such as "SCIM", is an acronym in the headline too). `all` is true when every
 * other word of two or more letters is in capitals, and there are at least two.
 */
function capsWords(ctx: RuleContext, b: number): { words: Array<{ text: string; start: number; end: number }>; all: boolean } {
  // A headline with no word in capitals has nothing to report, whatever counts as an acronym: skip
  // collecting the acronyms of the whole release.
  if (!hasCapsWord(ctx.blocks[b].block.text)) return { words: [], all: false };
  const known = new Set<string>(COMMON_ACRONYMS);
  const acronyms = ctx.brand.acronyms;
  if (Array.isArray(acronyms.known)) for (const a of acronyms.known) if (typeof a === 'string') known.add(a);
  if (acronyms.expansions && typeof acronyms.expansions === 'object') for (const a of Object.keys(acronyms.expansions)) known.add(a);
  const brandForms = [ctx.brand.company?.name, ctx.brand.company?.legalName, ctx.brand.company?.ticker?.symbol, ...ctx.brand.names.flatMap((n) => [n.name, n.shortForm])];
  for (const form of brandForms) for (const w of form?.split(NOT_WORD_CHARS) ?? []) if (w) known.add(w);
  ctx.blocks.forEach(({ block }, i) => {
    if (i === b || block.kind === 'heading') return;
    for (const m of block.text.matchAll(CAPS_WORD)) known.add(m[0]);
  });

  const text = ctx.blocks[b].block.text;
  const words: Array<{ text: string; start: number; end: number }> = [];
  let letters = 0;
  let caps = 0;
  for (const m of text.matchAll(HEADLINE_WORD)) {
    const w = withoutPossessive(m[0]);
    if ([...w].filter((c) => LETTER.test(c)).length < 2 || known.has(w) || ROMAN.test(w)) continue;
    letters++;
    if (w !== w.toUpperCase() || w === w.toLowerCase()) continue;
    caps++;
    if ([...w].length < 3) continue;
    const start = m.index ?? 0;
    words.push({ text: w, start, end: start + w.length });
  }
  return { words, all: letters >= 2 && caps === letters };
}
