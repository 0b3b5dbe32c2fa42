import type { Rule } from '../rule';
import { channelSource, fromProfile, profileOf, str, sub } from '../channels/profile';
import { apDateline, datelineProblems } from '../channels/dateline';
import { pressRelease } from '../channels/press';
import { formatAp } from '../channels/dates';
import { firstLine } from '../channels/structure';
import { nodeRange } from '../channels/text';

/**
 * The lead paragraph opens with an AP dateline: city in capitals, the state's AP form unless the city stands
 * alone (or exactly the profile's `dateline.city`), the date without ordinals ("Sept. 16, 2025"), a dash.
 * Applies where the channel profile has `dateline`; a missing dateline is reported only with `required: true`.
 */
export const rule: Rule = {
  id: 'pr.dateline',
  description: 'A press release whose lead paragraph does not open with an AP dateline ("AUSTIN, Texas, June 10, 2025 — ").',
  severity: 'warning',
  check(ctx) {
    const profile = profileOf(ctx);
    const config = sub(profile?.raw, 'dateline');
    if (!profile || !config) return;
    const city = str(config, 'city');
    const release = pressRelease(ctx);
    const where = fromProfile(profile.channel, 'dateline');
    const source = channelSource(profile.channel, 'dateline');
    const d = release.dateline;
    const lead = release.lead;

    if (!d || !lead) {
      if (config.required !== true) return;
      const date = release.date;
      const example = `${city ?? 'CITY, State'}, ${date ? formatAp(date.month, date.day, date.year) : 'Sept. 16, 2025'} — `;
      const dated = date ? '' : " (with the release's own date)";
      const message = `The release should open with a dateline such as '${example}'${dated}: ${where} requires an AP dateline at the start of the first paragraph.`;
      if (lead) {
        const text = ctx.blocks[lead.block].block.text;
        const firstWord = /^\S+/.exec(text)?.[0].length ?? text.length;
        // Inserting is safe only when nothing is guessed (the city from the brand file, the date from the
        // release) and nothing is doubled (a place already written without a date).
        const fix = city && date && !PLACE_ONLY.test(text) ? { title: `Insert the dateline '${example.trim()}'`, text: example, start: 0, end: 0 } : undefined;
        ctx.report({ block: lead.block, start: 0, end: firstWord, message, source, ...(fix ? { fix } : {}) });
      } else {
        const at = release.headline ? nodeRange(release.headline) : firstLine(ctx.doc);
        ctx.reportAt({ start: at.start, end: at.end, message, source });
      }
      return;
    }

    const { problems, place } = datelineProblems(d, city);
    if (problems.length === 0) return;
    const corrected = place && !d.wire ? apDateline(place, d) : undefined;
    const opening = corrected ? `Write the dateline as '${corrected.trim()}'` : 'Fix the dateline';
    const message = `${opening}: ${problems.join('; ')}. ${capitalise(where)} asks for an AP dateline.`;
    ctx.report({
      block: lead.block,
      start: d.start,
      end: d.end,
      message,
      source,
      ...(corrected ? { fix: { title: `Rewrite the dateline as '${corrected.trim()}'`, text: corrected } } : {}),
    });
  },
};

/** A place in capitals already opening the paragraph ("AUSTIN, Texas — …"), a dateline without its date. */
const PLACE_ONLY = /^\p{Lu}{2,}[\p{Lu} .'’-]*(?:,|\s[—–-])/u;

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
