import type { Rule } from '../rule';
import type { MarkStatus } from '../brand/model';
import type { Token } from '../text/tokenize';
import { brandSource } from '../context';
import { nameUse } from '../match/name-use';
import { q } from '../match/explain';

const EXPECTED: Record<MarkStatus, string> = { registered: '®', pending: '™', unregistered: '™', service: '℠', none: '' };
const TEXTUAL: Record<string, string> = { r: '®', tm: '™', sm: '℠' };
const MARK_STATUS: Record<MarkStatus, string> = {
  registered: 'is a registered trademark',
  pending: 'has a trademark application pending',
  unregistered: 'is an unregistered trademark',
  service: 'is a service mark',
  none: 'is not a trademark',
};

/** A trademark symbol written after a name: the symbol, and the token range it occupies. */
function symbolAfter(tokens: Token[], last: number): { symbol: string; first: number; last: number } | undefined {
  const t = tokens[last + 1];
  if (!t || !t.glued) return undefined;
  if (t.key === '®' || t.key === '™' || t.key === '℠') return { symbol: t.key, first: last + 1, last: last + 1 };
  const [mid, close] = [tokens[last + 2], tokens[last + 3]];
  if (t.key === '(' && mid?.glued && close?.glued && close.key === ')' && TEXTUAL[mid.key]) {
    return { symbol: TEXTUAL[mid.key], first: last + 1, last: last + 3 };
  }
  return undefined;
}

/** The wrong trademark symbol for the mark's legal status, e.g. ® on a mark whose application is pending. */
export const rule: Rule = {
  id: 'name.symbol',
  description: "A trademark symbol that does not match the mark's status (® is only for registered marks).",
  severity: 'error',
  check(ctx) {
    for (const m of ctx.mentions) {
      const role = m.roles.find((r) => r.kind === 'name' && (r.form === 'name' || r.form === 'short'));
      if (!role || role.kind !== 'name' || role.name.kind === 'competitor') continue;
      const use = nameUse(ctx, m, role.text);
      if (use !== 'exact' && use !== 'legal') continue;
      const tokens = ctx.blocks[m.block].tokens;
      const found = symbolAfter(tokens, m.last);
      if (!found) continue;
      const name = role.name;
      const expected = EXPECTED[name.mark];
      if (found.symbol === expected) continue;
      const start = tokens[found.first].start;
      const end = tokens[found.last].end;
      const written = ctx.blocks[m.block].block.text.slice(start, end);
      const status = MARK_STATUS[name.mark];
      const legal = found.symbol === '®' && name.mark !== 'registered';
      const message = expected
        ? `Use ${q(expected)} instead of ${q(written)} after ${q(m.surface)}: it ${status}${legal ? ', and ® is only lawful for registered marks' : ''}.`
        : `Remove ${q(written)} after ${q(m.surface)}: it ${status}, so it takes no symbol.`;
      ctx.report({
        block: m.block,
        start,
        end,
        message,
        severity: name.severity ?? (legal ? 'error' : 'warning'),
        fix: { title: expected ? `Replace with ${q(expected)}` : `Remove ${q(written)}`, text: expected },
        source: brandSource('names', name),
        entryId: name.id,
      });
    }
  },
};
