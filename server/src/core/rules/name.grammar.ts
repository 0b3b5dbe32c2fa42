import type { Rule } from '../rule';
import type { Mention, RuleContext } from '../context';
import type { BrandName } from '../brand/model';
import { brandSource } from '../context';
import { nameUse } from '../match/name-use';
import { q } from '../match/explain';
import { pluralize } from '../text/inflect';

/** Words that, right after a name at the start of a sentence, make the name a verb: "Pulse your logs". */
const OBJECTS = new Set(['your', 'the', 'it', 'them', 'this', 'that', 'these', 'those', 'our', 'my', 'his', 'her', 'their', 'every', 'all', 'any']);
/** After "to Name", only a pronoun or possessive makes a verb ("to Pulse your fleet"); "to Pulse this month" is a place. */
const OBJECTS_AFTER_TO = new Set(['your', 'it', 'them', 'our', 'my', 'his', 'her', 'their', 'every']);

type Misuse = 'plural' | 'possessive' | 'verb';

/** INTA "ACID": a trademark is an adjective — never a plural, a possessive or a verb (pattern-based only). */
export const rule: Rule = {
  id: 'name.grammar',
  description: 'A trademark used as a plural, a possessive or a verb instead of an adjective.',
  severity: 'warning',
  check(ctx) {
    for (const m of ctx.mentions) {
      for (const role of m.roles) {
        if (role.kind !== 'name') continue;
        const name = role.name;
        if (name.kind === 'competitor' || name.mark === 'none') continue;
        if (role.form === 'plural') {
          const base = pluralize(name.name) === role.text ? name.name : name.shortForm ?? name.name;
          if (m.surface === role.text) report(ctx, m, name, 'plural', base);
          break;
        }
        if (role.form !== 'name' && role.form !== 'short') continue;
        const use = nameUse(ctx, m, role.text);
        if (use !== 'exact' && use !== 'legal') continue;
        const misuse = misuseAfter(ctx, m);
        if (misuse && !name.allow[misuse]) report(ctx, m, name, misuse, role.text);
        break;
      }
    }
  },
};

function misuseAfter(ctx: RuleContext, m: Mention): Misuse | undefined {
  const tokens = ctx.blocks[m.block].tokens;
  const [a, b] = [tokens[m.last + 1], tokens[m.last + 2]];
  if (a?.glued && a.key === "'" && b?.glued && b.key === 's') return 'possessive';
  const prev = tokens[m.first - 1];
  const next = a && !a.glued && a.kind === 'word' ? a.key : undefined;
  if (next === undefined) return undefined;
  if (OBJECTS.has(next) && ctx.isSentenceStart(m.block, m.start)) return 'verb';
  if (OBJECTS_AFTER_TO.has(next) && prev?.key === 'to') return 'verb';
  return undefined;
}

function report(ctx: RuleContext, m: Mention, name: BrandName, misuse: Misuse, form: string): void {
  const noun = name.genericNoun ?? 'product';
  const advice: Record<Misuse, string> = {
    plural: `write "${form} ${pluralNoun(noun)}" instead`,
    possessive: `write "the ${form} ${noun}" instead`,
    verb: `say what people do with the ${form} ${noun} instead`,
  };
  ctx.report({
    block: m.block,
    start: m.start,
    end: misuse === 'possessive' ? ctx.blocks[m.block].tokens[m.last + 2].end : m.end,
    message: `Don't use ${q(form)} as a ${misuse}: a trademark is an adjective, never a noun, verb, plural or possessive; ${advice[misuse]}.`,
    severity: name.severity,
    source: brandSource('names', name),
    entryId: name.id,
  });
}

function pluralNoun(noun: string): string {
  return /s$/.test(noun) ? noun : noun.replace(/y$/, 'ie') + 's';
}
