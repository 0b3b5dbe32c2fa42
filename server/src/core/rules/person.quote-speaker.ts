import type { Rule } from '../rule';
import type { Company, Person } from '../brand/model';
import type { BrandSource } from '../types';
import { brandSource, escapeRegExp, speakerIs, type RuleContext } from '../context';
import { type DerivedCache, derived } from '../derived';

/** Words that make someone at an organisation its customer or partner rather than its employee. */
const OUTSIDER = /\b(?:customers?|clients?|users?|partners?|investors?|analysts?|resellers?|advis[eo]rs?|members?|fans?|board)\b/i;
const NAME = String.raw`\p{Lu}[\p{L}\p{M}'’.-]*(?:\s+\p{Lu}[\p{L}\p{M}'’.-]*)+`;

/**
 * In press releases, when `people_policy.quotes_require` is `spokesperson`: a quotation attributed to
 * someone at the company (listed in `people`, or introduced with the company's name: "Lumora engineer Alex
 * Kim", "Alex Kim, intern at Lumora") who is not a current `spokesperson: true` person. Customers,
 * partners and other third parties are never flagged; former executives are person.former's.
 */
export const rule: Rule = {
  id: 'person.quote-speaker',
  description: 'A press-release quote from someone at the company who is not an approved spokesperson.',
  severity: 'warning',
  check(ctx) {
    if (ctx.channel !== 'press-release' || ctx.brand.peoplePolicy.quotes_require !== 'spokesperson') return;
    const company = companyPatterns(ctx);
    const seen = new Set<string>();
    for (const quote of ctx.quotes) {
      const b = quote.speakerBlock;
      if (!quote.speaker || b === undefined || quote.speakerStart === undefined || quote.speakerEnd === undefined) continue;
      const text = ctx.blocks[b].block.text;
      let speaker = quote.speaker;
      let start = quote.speakerStart;
      let end = quote.speakerEnd;
      let ours = false;
      if (company) {
        // "said Lumora product marketing intern Alex Kim": the attribution caught only the company.
        const lead = company.lead.test(speaker);
        const named = lead ? NAMED_AFTER.exec(text.slice(end)) : null;
        if (named) {
          start = end + named[0].length - named[1].length;
          end = start + named[1].replace(/(?<![\s,.])[\s,.]+$/, '').length;
          speaker = text.slice(start, end);
        }
        ours = lead || worksForUs(text, start, end, speaker, company);
      }
      const person = ctx.brand.people.find((p) => speakerIs(speaker, p));
      if (person && (person.status === 'former' || (person.spokesperson && person.status === 'current'))) continue;
      if (!person && !ours) continue;
      const key = `${b}:${start}`;
      if (seen.has(key)) continue;
      seen.add(key);
      // Without a person the speaker is ours only by the company's patterns, so `company` is set here.
      const who = person ? person.name : company ? speaker.replace(company.opening, '') : speaker;
      ctx.report({
        block: b,
        start,
        end,
        message: `${who} is quoted in a press release but is not an approved spokesperson: the brand file allows press-release quotes only from spokespeople (people_policy › quotes_require: spokesperson). ${spokespeople(ctx, person)}`,
        source: source(person),
        ...(person ? { entryId: person.id, severity: person.severity } : {}),
      });
    }
  },
};

/** "said Lumora product marketing intern Alex Kim": the name after the company and its lower-case words. */
const NAMED_AFTER = new RegExp(String.raw`^(?:['’]s)?\s+(?:[\p{Ll}][\p{L}-]*\s+){1,6}(${NAME})`, 'u');

/** The company's names and the patterns built on them; none of them global or sticky, so they keep no state. */
interface CompanyPatterns {
  /** The names, longest first. */
  forms: string[];
  /** The speaker is the company alone ("Lumora", "Lumora's"). */
  lead: RegExp;
  /** The company opens the speaker ("Lumora engineer Alex Kim"); `opening` matches that opening, for removal. */
  inName: RegExp;
  opening: RegExp;
  /** The company and at most six lower-case words just before the speaker. */
  before: RegExp;
  /** ", intern at Lumora" after the speaker. */
  after: RegExp;
}

/**
 * The company's patterns, compiled once per company entry (derived.ts): a profile of the 5 KB press release
 * showed person.quote-speaker building the alternation and three to four RegExps per quotation, most of
 * its ~30 µs.
 */
const patternsByCompany: DerivedCache<Company, CompanyPatterns | undefined> = new WeakMap();

/** The company's patterns; undefined without a company entry, or with one whose names are all blank. */
function companyPatterns(ctx: RuleContext): CompanyPatterns | undefined {
  const c = ctx.brand.company;
  if (!c) return undefined;
  const names = [c.name, c.legalName, c.firstMention];
  return derived(patternsByCompany, c, names, () => patternsOf(names));
}

function patternsOf(names: ReadonlyArray<string | undefined>): CompanyPatterns | undefined {
  const forms = [...new Set(names.filter((s): s is string => !!s && !!s.trim()))].sort((a, b) => b.length - a.length);
  const company = forms.map(escapeRegExp).join('|');
  // An entry with no usable name matched nothing before either: the rule tested `if (company)` on "".
  return company === '' ? undefined : {
    forms,
    lead: new RegExp(String.raw`^(?:${company})(?:['’]s)?$`, 'u'),
    inName: new RegExp(String.raw`^(?:${company})(?:['’]s)?\s`, 'u'),
    opening: new RegExp(String.raw`^(?:${company})(?:['’]s)?\s+`, 'u'),
    before: new RegExp(String.raw`(?:^|[\s(“"])(?:${company})(?:['’]s)?\s+(?:[\p{Ll}][\p{L}-]*\s+){0,6}$`, 'u'),
    after: new RegExp(String.raw`^,\s+([^,;:“”"()]{1,80}?)\s+(?:at|of|for|with)\s+(?:${company})(?:['’]s)?(?![\p{L}\p{N}])`, 'u'),
  };
}

/** Whether the attribution ties the speaker to the company: before the name, in the name, or in a title after it. */
function worksForUs(text: string, start: number, end: number, speaker: string, company: CompanyPatterns): boolean {
  if (company.inName.test(speaker)) return true;
  // "Lumora's chief technology officer Jane Doe": the company and six words at most, so 1,000 characters
  // back are plenty; a quotation must not cost the whole block before it (issue 7).
  const back = text.slice(Math.max(0, start - 1000), start);
  const before = mayNameCompany(back, company) ? company.before.exec(back) : null;
  if (before && !OUTSIDER.test(before[0])) return true;
  const after = company.after.exec(text.slice(end));
  return !!after && !OUTSIDER.test(after[1]);
}

/**
 * Whether `text` may hold a match of `company.before`: each match holds one of the names verbatim (the
 * pattern is case-sensitive). The pattern ends in `$` but is tried at every position of up to 1,000
 * characters; a search for the names is cheaper, and where none is there the pattern need not run.
 */
function mayNameCompany(text: string, company: CompanyPatterns): boolean {
  return company.forms.some((f) => text.includes(f));
}

function spokespeople(ctx: RuleContext, person: Person | undefined): string {
  const list = ctx.brand.people.filter((p) => p.spokesperson && p.status === 'current');
  const where = person ? `the brand file lists ${person.name} without 'spokesperson: true'` : 'the brand file does not list them as a spokesperson';
  if (list.length === 0) return `No spokespeople are listed in the brand file (${where}).`;
  const names = list.map((p) => (p.titleShort ? `${p.name} (${p.titleShort})` : p.name)).join(', ');
  return `Quote one of ${names}, or ask Comms to approve this speaker (${where}).`;
}

function source(person: Person | undefined): BrandSource {
  return person ? brandSource('people', person) : { label: 'people_policy › quotes_require' };
}
