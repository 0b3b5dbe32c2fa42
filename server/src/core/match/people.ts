/**
 * People in the copy: who is named (full name, exact spelling), and the title written next to them —
 * an appositive after the name ("Daniel Reyes, chief financial officer at Lumora,") or a title before it
 * ("Lumora CFO Daniel Reyes"). Titles are compared as sets of words with abbreviations expanded, so
 * "co-founder and CEO" agrees with "co-founder and chief executive officer".
 */
import type { Company, Person } from '../brand/model';
import type { Mention, RuleContext } from '../context';
import { type DerivedCache, derived } from '../derived';

/**
 * A Map, not a plain object: a written title is copy, and a word like "constructor" or "__proto__" looked
 * up in an object literal finds an inherited property (a function), which made person.title throw.
 */
const ABBREVIATIONS = new Map<string, string>(Object.entries({
  ceo: 'chief executive officer',
  cfo: 'chief financial officer',
  cto: 'chief technology officer',
  coo: 'chief operating officer',
  cmo: 'chief marketing officer',
  cio: 'chief information officer',
  ciso: 'chief information security officer',
  cpo: 'chief product officer',
  cro: 'chief revenue officer',
  cso: 'chief security officer',
  vp: 'vice president',
  svp: 'senior vice president',
  evp: 'executive vice president',
  gm: 'general manager',
  cofounder: 'co-founder',
  chairman: 'chair',
  chairwoman: 'chair',
  chairperson: 'chair',
}));

/** Words that make a phrase a job title. Modifiers ("financial", "product") alone do not. */
const HEAD_WORDS = new Set([
  'officer', 'president', 'director', 'manager', 'founder', 'co-founder', 'chief', 'head', 'chair', 'lead',
  'engineer', 'partner', 'counsel', 'secretary', 'treasurer', 'evangelist', 'architect', 'scientist',
  'designer', 'advocate', 'ceo', 'cfo', 'cto', 'coo', 'cmo', 'cio', 'ciso', 'cpo', 'cro', 'cso', 'vp', 'svp',
  'evp', 'gm', 'cofounder', 'chairman', 'chairwoman', 'founding',
]);

const MODIFIERS = new Set([
  'executive', 'financial', 'technology', 'technical', 'operating', 'operations', 'marketing', 'product',
  'revenue', 'information', 'security', 'people', 'communications', 'customer', 'data', 'legal', 'general',
  'senior', 'vice', 'board', 'principal', 'engineering', 'sales', 'growth', 'design', 'research', 'strategy',
  'business', 'development', 'corporate', 'global', 'regional', 'former', 'interim', 'acting', 'deputy',
  'assistant', 'associate', 'managing', 'staff', 'and', 'of', '&', 'co', '-', 'ex', 'then', 'new',
]);

const STOP = new Set(['the', 'and', 'of', 'at', 'for', '&', 'its', 'our', 'a', 'an', 'in', 'on', 'with', 'from']);

export interface WrittenTitle {
  block: number;
  start: number;
  end: number;
  text: string;
}

/**
 * Words of a title with abbreviations expanded and joiners dropped. Contract (held by a property test):
 * `title.toLowerCase().replace(/[’']s\b/g, '').split(/[\s,/]+/).flatMap((w) => (ABBREVIATIONS.get(w) ?? w).split(/\s+/))
 * .filter((w) => w && !STOP.has(w))`. Written as a loop: a profile of the 5 KB press release showed
 * person.title spending two thirds of its ~45 µs here, mostly in flatMap and a regex split of every word,
 * where a word that is no abbreviation has no white space left to split.
 */
export function titleWords(title: string): string[] {
  const out: string[] = [];
  for (const w of title.toLowerCase().replace(/[’']s\b/g, '').split(/[\s,/]+/)) {
    const expanded = ABBREVIATIONS.get(w) ?? w;
    if (expanded === w) {
      if (w && !STOP.has(w)) out.push(w);
      continue;
    }
    for (const x of expanded.split(/\s+/)) if (x && !STOP.has(x)) out.push(x);
  }
  return out;
}

export function isTitle(text: string): boolean {
  return text
    .toLowerCase()
    .split(/[\s,/]+/)
    .some((w) => HEAD_WORDS.has(w));
}

/** Whether every word of `written` belongs to the person's title or short title (company words aside). */
export function titleAgrees(written: string, person: Person, companyWords: Set<string>): boolean {
  const allowed = allowedTitleWords(person);
  return titleWords(written).every((w) => allowed.has(w) || companyWords.has(w));
}

/**
 * The words of a person's title and short title, once per person (derived.ts): person.title asked for them
 * at every mention with a written title.
 */
const allowedTitles: DerivedCache<Person, Set<string>> = new WeakMap();

function allowedTitleWords(person: Person): Set<string> {
  return derived(allowedTitles, person, [person.title, person.titleShort], () => new Set([...titleWords(person.title ?? ''), ...titleWords(person.titleShort ?? '')]));
}

const APPOSITIVE = /^,\s+((?:the\s+)?[^,.;:“”"()]+?)(?=\s+(?:at|of|for|with|from)\s+\p{Lu}|,|\.(?:\s|$)|;|\)|$)/u;

/** The title written around a full-name mention of a person, if any. */
export function writtenTitle(ctx: RuleContext, m: Mention): WrittenTitle | undefined {
  const text = ctx.blocks[m.block].block.text;
  const after = APPOSITIVE.exec(text.slice(m.end));
  if (after && isTitle(after[1])) {
    const start = m.end + after[0].indexOf(after[1]);
    return { block: m.block, start, end: start + after[1].length, text: after[1] };
  }
  return titleBefore(ctx, m);
}

function titleBefore(ctx: RuleContext, m: Mention): WrittenTitle | undefined {
  const tokens = ctx.blocks[m.block].tokens;
  let i = m.first - 1;
  let first = -1;
  while (i >= 0) {
    const t = tokens[i];
    const word = t.key;
    if (t.kind === 'punct' && word !== '-') break;
    if (t.kind === 'word' && !HEAD_WORDS.has(word) && !MODIFIERS.has(word)) break;
    first = i;
    i--;
  }
  if (first < 0) return undefined;
  while (first < m.first && (tokens[first].key === 'and' || tokens[first].key === '-' || tokens[first].key === 'of')) first++;
  if (first >= m.first) return undefined;
  const start = tokens[first].start;
  const end = tokens[m.first - 1].end;
  const text = ctx.blocks[m.block].block.text.slice(start, end);
  return isTitle(text) ? { block: m.block, start, end, text } : undefined;
}

/** Lower-case words of the company's names, which may stand inside a title ("Lumora CFO"). */
export function companyWords(ctx: RuleContext): Set<string> {
  const c = ctx.brand.company;
  const words = () => new Set([c?.name, c?.legalName].filter((s): s is string => !!s).flatMap((s) => s.toLowerCase().split(/\s+/)));
  // Once per company entry (derived.ts): person.title asked on every check, a fifth of its time in a
  // profile of the 5 KB press release.
  return c ? derived(companyWordSets, c, [c.name, c.legalName], words) : words();
}

const companyWordSets: DerivedCache<Company, Set<string>> = new WeakMap();
