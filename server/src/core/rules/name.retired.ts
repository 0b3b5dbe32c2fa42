import type { Rule } from '../rule';
import { brandSource } from '../context';
import { isApprovedSpelling, variantIsUsed } from '../match/name-use';
import { q } from '../match/explain';

/** A sentence that explains the rename may use the old name: "Lumora Pulse, formerly Lumora Watch, …". */
const RENAME_CONTEXT =
  /\b(?:formerly|previously|renamed|renaming|rename[sd]?|rebrand(?:ed|ing|s)?|was called|were called|once called|used to be called|known as|new name|successor to|replaces|replaced|retired|sunset)\b/i;

/** A retired product name used as if it were current. */
export const rule: Rule = {
  id: 'name.retired',
  description: 'A retired product name used as if it were still current.',
  severity: 'error',
  check(ctx) {
    for (const m of ctx.mentions) {
      if (isApprovedSpelling(ctx, m)) continue;
      for (const role of m.roles) {
        if (role.kind !== 'name' || role.form !== 'retired' || !role.retired) continue;
        if (!variantIsUsed(ctx, m, role.text)) continue;
        const sentence = ctx.sentenceAt(m.block, m.start);
        if (RENAME_CONTEXT.test(ctx.blocks[m.block].block.text.slice(sentence.start, sentence.end))) continue;
        const { name, retired } = { name: role.name, retired: role.retired };
        const when = retired.retiredOn ? ` on ${retired.retiredOn}` : '';
        const note = retired.note ? ` ${retired.note.trim().replace(/([^.!?])$/, '$1.')}` : '';
        ctx.report({
          block: m.block,
          start: m.start,
          end: m.end,
          message: `Use ${q(name.name)} instead of ${q(m.surface)}: ${q(retired.name)} was retired${when}.${note}`,
          fix: { title: `Replace with ${q(name.name)}`, text: name.name },
          severity: name.severity,
          source: brandSource('names', name),
          entryId: name.id,
          deprecated: true,
        });
        break;
      }
    }
  },
};
