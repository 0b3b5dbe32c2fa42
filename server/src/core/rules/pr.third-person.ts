import type { Rule } from '../rule';
import { channelSource, fromProfile, profileOf, sub } from '../channels/profile';
import { isSetAside, pressRelease } from '../channels/press';
import { sourceStart } from '../markdown/prose';

/**
 * With `voice.person: third_outside_quotes`, the release speaks of the company in the third person: "we",
 * "our", "you" and their forms are allowed only inside quotations (the speaker's own words). The media
 * contact, the boilerplate section and a forward-looking-statements legend are set aside. One finding per
 * sentence, on its first such word. "US" in capitals is the country, not "us".
 */
const PRONOUN = /(?<![\p{L}\p{N}'’])(?:[Ww]e|[Uu]s|[Oo]urs?|[Oo]urselves|[Yy]ou|[Yy]ours?|[Yy]ourself|[Yy]ourselves)(?![\p{L}\p{N}])/gu;

export const rule: Rule = {
  id: 'pr.third-person',
  description: 'A press release speaking as "we" or "you" outside quotations, where the brand file asks for the third person.',
  severity: 'warning',
  check(ctx) {
    const profile = profileOf(ctx);
    if (!profile || sub(profile.raw, 'voice')?.person !== 'third_outside_quotes') return;
    const release = pressRelease(ctx);
    const where = fromProfile(profile.channel, 'voice', 'person');
    const source = channelSource(profile.channel, 'voice');
    const company = ctx.brand.company?.name;
    ctx.blocks.forEach(({ block }, b) => {
      if (isSetAside(release, block.start)) return;
      let lastSentence = -1;
      for (const m of block.text.matchAll(PRONOUN)) {
        const start = m.index ?? 0;
        if (ctx.scope(b, start).quote) continue;
        if (isSetAside(release, sourceStart(block, start))) continue;
        const sentence = ctx.sentenceAt(b, start);
        if (sentence.start === lastSentence) continue;
        lastSentence = sentence.start;
        const instead = /^y/i.test(m[0])
          ? "speak of the reader in the third person ('customers', 'teams')"
          : company
            ? `name the company ('${company}')`
            : 'name the company';
        ctx.report({
          block: b,
          start,
          end: start + m[0].length,
          message: `'${m[0]}' speaks in the first or second person: ${where} asks for the third person outside quotations. Rephrase to ${instead}, or put the words in an attributed quote.`,
          source,
        });
      }
    });
  },
};
