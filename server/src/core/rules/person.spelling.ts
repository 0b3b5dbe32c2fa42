import type { Rule } from '../rule';
import type { Person } from '../brand/model';
import type { RuleContext } from '../context';
import { brandSource } from '../context';
import { editDistance } from '../text/distance';
import { q } from '../match/explain';
import { type DerivedCache, derived } from '../derived';

/** Misspellings of a spokesperson's name: the right first name with a surname one or two letters off, or
 * the right surname with a first name one letter off. A different person who shares a first name
 * ("As Maya Angelou wrote") is too far from every known surname to be flagged. */
/** A capital first letter. Hoisted: the bundle the benchmark measures compiles a \p literal inside a function anew on every call. */
const UPPER_FIRST = /^\p{Lu}/u;

export const rule: Rule = {
  id: 'person.spelling',
  description: "A near-miss spelling of a person's name from the brand file.",
  severity: 'error',
  check(ctx) {
    const known = knownNameWords(ctx);
    for (const m of ctx.mentions) {
      const tokens = ctx.blocks[m.block].tokens;
      for (const role of m.roles) {
        if (role.kind !== 'person' || m.surface !== role.text) continue;
        const [first, last] = nameParts(role.person);
        if (role.form === 'first') {
          const next = tokens[m.last + 1];
          if (!next || next.glued || next.kind !== 'word' || !UPPER_FIRST.test(next.text) || known.has(next.key)) continue;
          if (near(next.key, last.toLowerCase(), last.length >= 6 ? 2 : 1)) report(ctx, m.block, m.start, next.end, role.person);
        } else if (role.form === 'last') {
          const prev = tokens[m.first - 1];
          if (!prev || tokens[m.first].glued || prev.kind !== 'word' || !UPPER_FIRST.test(prev.text) || known.has(prev.key)) continue;
          if (first.length >= 4 && near(prev.key, first.toLowerCase(), 1)) report(ctx, m.block, prev.start, m.end, role.person);
        }
      }
    }
  },
};

function near(written: string, expected: string, max: number): boolean {
  const d = editDistance(written, expected, max);
  return d >= 1 && d <= max;
}

function nameParts(p: Person): [string, string] {
  const parts = p.name.trim().split(/\s+/);
  return [parts[0], parts[parts.length - 1]];
}

/**
 * Every first name and surname in `people`: a word that is someone's real name is not a typo of another's.
 * Once per list of people (derived.ts): a profile of the 5 KB press release showed it at two thirds of
 * person.spelling's time, rebuilt on every check.
 */
function knownNameWords(ctx: RuleContext): Set<string> {
  const people = ctx.brand.people;
  const names = people.map((p) => p.name);
  return derived(knownNames, people, names, () => new Set(names.flatMap((n) => n.toLowerCase().split(/\s+/))));
}

const knownNames: DerivedCache<readonly Person[], Set<string>> = new WeakMap();

function report(ctx: RuleContext, block: number, start: number, end: number, person: Person): void {
  const written = ctx.blocks[block].block.text.slice(start, end);
  ctx.report({
    block,
    start,
    end,
    message: `Use ${q(person.name)} instead of ${q(written)}: that is how ${person.name} spells their name (people › ${person.id}).`,
    fix: { title: `Replace with ${q(person.name)}`, text: person.name },
    severity: person.severity,
    source: brandSource('people', person),
    entryId: person.id,
  });
}
