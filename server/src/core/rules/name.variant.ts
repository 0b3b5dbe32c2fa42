import type { Rule } from '../rule';
import type { Mention, RuleContext } from '../context';
import type { BrandName } from '../brand/model';
import { brandSource } from '../context';
import { isApprovedSpelling, nameUse, variantIsUsed } from '../match/name-use';
import { because, q } from '../match/explain';

/** Forbidden variants and mis-cased spellings of product, feature and competitor names. */
export const rule: Rule = {
  id: 'name.variant',
  description: 'A product, feature or competitor name written in a form the brand file forbids, or with the wrong capitals.',
  severity: 'error',
  check(ctx) {
    for (const m of ctx.mentions) {
      if (isApprovedSpelling(ctx, m)) continue;
      for (const role of m.roles) {
        if (role.kind !== 'name') continue;
        if (role.form === 'forbidden' && variantIsUsed(ctx, m, role.text)) {
          report(ctx, m, role.name, role.name.name, `the brand file lists ${q(role.text)} as a wrong form of this name`);
          break;
        }
        if ((role.form === 'name' || role.form === 'short') && nameUse(ctx, m, role.text) === 'miscased') {
          report(ctx, m, role.name, role.text, `${q(role.text)} is always written with exactly these capitals`);
          break;
        }
      }
    }
  },
};

function report(ctx: RuleContext, m: Mention, name: BrandName, correct: string, fallback: string): void {
  const competitor = name.kind === 'competitor' ? ' (a competitor: spell it the way its owner does)' : '';
  ctx.report({
    block: m.block,
    start: m.start,
    end: m.end,
    message: `Use ${q(correct)} instead of ${q(m.surface)}${competitor}: ${because(name, fallback)}`,
    fix: { title: `Replace with ${q(correct)}`, text: correct },
    severity: name.severity,
    source: brandSource('names', name),
    entryId: name.id,
  });
}
