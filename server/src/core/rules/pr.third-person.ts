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
/** PRONOUN tried at one offset only. */
const PRONOUN_AT = new RegExp(PRONOUN.source, 'uy');
/**
 * Where a PRONOUN match can start: each opens with one of these four stems, after a character that is no
 * ASCII letter, digit or apostrophe (PRONOUN's look-behind excludes every letter and digit, so this one
 * excludes less and every match start is a candidate). Without the `u` flag it is searched for far faster.
 */
const CANDIDATE = /(?<![A-Za-z0-9'’])(?:[Ww]e|[Uu]s|[Oo]ur|[Yy]ou)/g;

/**
 * The matches of PRONOUN in `text`, as `text.matchAll(PRONOUN)` gives them (offset and words; a property
 * test holds the two equal). A profile of the 5 KB press release showed the Unicode look-behind tried at
 * every position of every block at about half of pr.third-person's ~35 µs; PRONOUN now runs only at the
 * few candidates. After a candidate that is no match the search resumes one character on; after a match,
 * at its end, where matchAll resumes.
 */
export function pronounsIn(text: string): Array<{ index: number; text: string }> {
  const out: Array<{ index: number; text: string }> = [];
  CANDIDATE.lastIndex = 0;
  for (let c = CANDIDATE.exec(text); c; c = CANDIDATE.exec(text)) {
    PRONOUN_AT.lastIndex = c.index;
    const m = PRONOUN_AT.exec(text);
    if (m) {
      out.push({ index: c.index, text: m[0] });
      CANDIDATE.lastIndex = c.index + m[0].length;
    } else {
      CANDIDATE.lastIndex = c.index + 1;
    }
  }
  return out;
}

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
      for (const m of pronounsIn(block.text)) {
        const start = m.index;
        if (ctx.scope(b, start).quote) continue;
        if (isSetAside(release, sourceStart(block, start))) continue;
        const sentence = ctx.sentenceAt(b, start);
        if (sentence.start === lastSentence) continue;
        lastSentence = sentence.start;
        const instead = /^y/i.test(m.text)
          ? "speak of the reader in the third person ('customers', 'teams')"
          : company
            ? `name the company ('${company}')`
            : 'name the company';
        ctx.report({
          block: b,
          start,
          end: start + m.text.length,
          message: `'${m.text}' speaks in the first or second person: ${where} asks for the third person outside quotations. Rephrase to ${instead}, or put the words in an attributed quote.`,
          source,
        });
      }
    });
  },
};
