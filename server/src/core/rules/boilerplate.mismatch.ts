import type { Rule } from '../rule';
import { brandSource } from '../context';
import { q } from '../match/explain';
import { boilerplateUses } from '../messages/boilerplate';
import { wordDiff } from '../messages/diff';
import { approvedKey } from '../messages/normalize';

/**
 * The boilerplate paragraph (under its heading, or any paragraph very similar to it) must be the current
 * approved text after normalising white space, quotes and "(R)"/"®" (`match: exact-normalized`), or hold
 * it (`match: contains`). The fix replaces the paragraph when it maps to its source verbatim.
 */
export const rule: Rule = {
  id: 'boilerplate.mismatch',
  description: 'A boilerplate ("About …") paragraph that differs from the current approved text.',
  severity: 'error',
  check(ctx) {
    for (const use of boilerplateUses(ctx)) {
      const entry = use.entry;
      const version = entry.version ? `, version ${entry.version}` : '';
      const where = `boilerplate › ${entry.id}${version}`;
      const base = { severity: entry.severity, source: brandSource('boilerplate', entry), entryId: entry.id };
      for (const p of use.paragraphs) {
        if (p.current) continue;
        const approved = use.parts[p.part];
        const diff = entry.match === 'contains' ? '' : wordDiff(approvedKey(p.text), approvedKey(approved));
        const what =
          p.how === 'heading' ? `The ${q(entry.heading)} paragraph is not the current boilerplate` : `This paragraph looks like the ${q(entry.heading)} boilerplate but is not the current text`;
        const how = entry.match === 'contains' ? ' It must contain the approved text unchanged.' : ' Paste the approved text unchanged.';
        ctx.report({
          block: p.block,
          start: p.start,
          end: p.end,
          message: `${what} (${where}).${how}${diff ? ` Differences: ${diff}` : ''}`,
          fix: entry.match === 'contains' ? undefined : { title: `Replace with the current ${q(entry.heading)} text`, text: approved },
          ...base,
        });
      }
      if (use.heading !== undefined) {
        const under = use.paragraphs.filter((p) => p.how === 'heading').length;
        if (under < use.parts.length) {
          const block = ctx.blocks[use.heading].block;
          const missing = use.parts[under];
          const first = missing.split(/\s+/).slice(0, 8).join(' ');
          ctx.report({
            block: use.heading,
            start: 0,
            end: block.text.length,
            message: `The ${q(entry.heading)} section is missing the approved text starting ${q(`${first}…`)} (${where}).`,
            ...base,
          });
        }
      }
    }
  },
};
