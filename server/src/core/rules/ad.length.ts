import type { Rule } from '../rule';
import type { Tagline } from '../brand/model';
import { type Asset, adAssets, assetName } from '../channels/ads';
import { channelSource, fromProfile, num, profileOf, severityOf, sub } from '../channels/profile';
import { charCount } from '../channels/text';
import { normalizeText } from '../text/normalize';
import { OPAQUE } from '../text/tokenize';

/**
 * Each ad asset against its field's `max_chars` (visible characters, counted as code points). The
 * severity is the field's own `severity`, else error: platforms reject over-limit assets. When the asset
 * holds a current tagline that has a short form which brings it within the limit, the message offers the
 * short form and the fix swaps it in.
 */
export const rule: Rule = {
  id: 'ad.length',
  description: 'An ad headline, description, path or text longer than the channel allows.',
  severity: 'error',
  check(ctx) {
    const profile = profileOf(ctx);
    const fields = sub(profile?.raw, 'fields');
    if (!profile || !fields) return;
    const taglines = ctx.brand.taglines.filter((t) => t.status === 'current' && t.shortForms.length > 0 && allowedIn(t, profile.channel.id));
    for (const asset of adAssets(ctx, fields)) {
      const max = num(asset.config, 'max_chars');
      const count = charCount(asset.text);
      if (max === undefined || count <= max) continue;
      const where = fromProfile(profile.channel, 'fields', asset.field);
      const name = assetName(asset);
      let message = `${capitalise(name)} is ${count} characters long: ${where} allows at most ${max}.`;
      const shorter = shortForm(asset, taglines, count, max);
      let fix: { title: string; text: string; start: number; end: number } | undefined;
      if (shorter) {
        message += ` The tagline's approved short form '${shorter.short}' fits (messages › taglines › ${shorter.tagline.id}).`;
        const text = asset.block >= 0 ? ctx.blocks[asset.block].block.text : '';
        const at = text.indexOf(shorter.tagline.text);
        if (at >= 0) fix = { title: `Use the short form '${shorter.short}'`, text: shorter.short, start: at, end: at + shorter.tagline.text.length };
      }
      const severity = severityOf(asset.config);
      const common = { message, source: channelSource(profile.channel, 'fields', asset.field), ...(severity ? { severity } : {}) };
      if (asset.block >= 0) {
        const end = ctx.blocks[asset.block].block.text.replace(TRAILING_HIDDEN, '').length;
        ctx.report({ block: asset.block, start: 0, end, ...common, ...(fix ? { fix } : {}) });
      } else {
        ctx.reportAt({ start: asset.start, end: asset.end, ...common });
      }
    }
  },
};

/** White space and hidden text (comments, markup) after the asset's last visible character. */
const TRAILING_HIDDEN = new RegExp(`[\\s${OPAQUE}]+$`, 'u');

/** Tagline `channels` name channel ids or their family ("ad" covers "ad-google-rsa"). */
function allowedIn(t: Tagline, channel: string): boolean {
  return t.channels.length === 0 || t.channels.includes(channel) || t.channels.includes(channel.split('-')[0]);
}

function shortForm(asset: Asset, taglines: Tagline[], count: number, max: number): { tagline: Tagline; short: string } | undefined {
  const text = normalizeText(asset.text);
  for (const tagline of taglines) {
    if (!text.includes(normalizeText(tagline.text))) continue;
    const short = tagline.shortForms.find((s) => count - charCount(tagline.text) + charCount(s) <= max);
    if (short) return { tagline, short };
  }
  return undefined;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
