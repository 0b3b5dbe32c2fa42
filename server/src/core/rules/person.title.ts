import type { Rule } from '../rule';
import { brandSource } from '../context';
import { companyWords, titleAgrees, writtenTitle } from '../match/people';
import { q } from '../match/explain';

/** A capital first letter; a word's lower-case first letter. Hoisted: the bundle the benchmark measures compiles a \p literal inside a function anew on every call. */
const UPPER_FIRST = /^\p{Lu}/u;
const LOWER_WORD_START = /\b\p{Ll}/gu;

/** A current person given a title that is not theirs: "Daniel Reyes, chief operating officer" for the CFO. */
export const rule: Rule = {
  id: 'person.title',
  description: "A person's title that does not match their `title` or `title_short` in the brand file.",
  severity: 'error',
  check(ctx) {
    const company = companyWords(ctx);
    for (const m of ctx.mentions) {
      const role = m.roles.find((r) => r.kind === 'person' && r.form === 'full');
      if (!role || role.kind !== 'person' || m.surface !== role.text) continue;
      const person = role.person;
      if (person.status !== 'current' || (!person.title && !person.titleShort)) continue;
      const written = writtenTitle(ctx, m);
      if (!written || titleAgrees(written.text, person, company)) continue;
      const correct = person.title ?? person.titleShort ?? '';
      const short = person.title && person.titleShort ? ` (${person.titleShort})` : '';
      const capitalised = UPPER_FIRST.test(written.text) && written.end <= m.start;
      const replacement = written.end <= m.start ? person.titleShort ?? correct : correct;
      ctx.report({
        block: written.block,
        start: written.start,
        end: written.end,
        message: `${possessive(person.name)} title is ${q(correct)}${short}, not ${q(written.text)} (people › ${person.id}).`,
        fix: { title: `Replace with ${q(replacement)}`, text: capitalised && replacement === correct ? replacement.replace(LOWER_WORD_START, (c) => c.toUpperCase()) : replacement },
        severity: person.severity,
        source: brandSource('people', person),
        entryId: person.id,
      });
    }
  },
};

/** AP style: "Reyes' title", "Okafor's title". */
function possessive(name: string): string {
  return /s$/i.test(name) ? `${name}'` : `${name}'s`;
}
