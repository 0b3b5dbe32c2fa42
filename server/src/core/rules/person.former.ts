import type { Rule } from '../rule';
import type { Person } from '../brand/model';
import type { RuleContext } from '../context';
import { brandSource, speakerIs } from '../context';
import { isTitle, writtenTitle } from '../match/people';
import { q } from '../match/explain';

/** Marks that a title is historical: "former CTO", "then-CTO", "ex-CTO". */
const HISTORICAL = /\b(?:former|formerly|then|ex|previously|retired|emeritus)\b/i;
/** Founding is for life: "co-founder Tom Lindqvist" is not a current role. */
const FOUNDER = /\b(?:co-?founder|founder|founding)\b/gi;

/** A former executive presented as current: given a current title, or quoted as a spokesperson. */
export const rule: Rule = {
  id: 'person.former',
  description: 'A former executive given a current title or quoted as a current spokesperson.',
  severity: 'error',
  check(ctx) {
    for (const quote of ctx.quotes) {
      if (!quote.speaker || quote.speakerBlock === undefined || quote.speakerStart === undefined || quote.speakerEnd === undefined) continue;
      const person = ctx.brand.people.find((p) => p.status === 'former' && speakerIs(quote.speaker ?? '', p));
      if (!person || HISTORICAL.test(quote.speaker)) continue;
      report(ctx, quote.speakerBlock, quote.speakerStart, quote.speakerEnd, person, 'quoted as a current spokesperson');
    }
    for (const m of ctx.mentions) {
      const role = m.roles.find((r) => r.kind === 'person' && r.form === 'full');
      if (!role || role.kind !== 'person' || role.person.status !== 'former' || m.surface !== role.text) continue;
      const written = writtenTitle(ctx, m);
      if (!written || HISTORICAL.test(written.text) || !isTitle(written.text.replace(FOUNDER, ''))) continue;
      const alreadyAsSpeaker = ctx.quotes.some(
        (qt) => qt.speakerBlock === m.block && qt.speakerStart !== undefined && qt.speakerEnd !== undefined && qt.speakerStart <= m.start && qt.speakerEnd >= m.end,
      );
      if (alreadyAsSpeaker) continue;
      report(ctx, written.block, Math.min(written.start, m.start), Math.max(written.end, m.end), role.person, `given the current title ${q(written.text)}`);
    }
  },
};

function report(ctx: RuleContext, block: number, start: number, end: number, person: Person, how: string): void {
  const left = person.until ? ` left on ${person.until}` : ' has left';
  const now = person.title ? ` and is listed as ${q(person.title)}` : '';
  const successor = ctx.brand.people.find((p) => p.id === person.successor);
  const next = successor ? ` The successor is ${successor.name}${successor.title ? `, ${successor.title}` : ''}.` : '';
  ctx.report({
    block,
    start,
    end,
    message: `${person.name} is ${how}, but${left}${now} (people › ${person.id}).${next}`,
    severity: person.severity,
    source: brandSource('people', person),
    entryId: person.id,
  });
}
