import type { Rule } from '../rule';
import type { Claim } from '../brand/model';
import { brandSource, escapeRegExp } from '../context';
import { type Asset, adAssets, assetName } from '../channels/ads';
import { num, profileOf, sub } from '../channels/profile';
import { charCount } from '../channels/text';

/**
 * Each asset of a pool the platform combines in any order (the profile's plural `fields`: headlines,
 * descriptions) must be true on its own. Conservative: an asset is flagged only when it states a
 * percentage or multiplier with a subject alias of a claim whose `qualifier` is `up-to`, without "up to" /
 * "as much as" right before the figure, while another asset carries that same figure with the qualifier —
 * the writer relied on the pairing. A figure qualified nowhere is `claim.qualifier`'s to report.
 *
 * The finding spans the figure and the claim's subject ("60% fewer alerts"), so it is not merged with
 * `claim.qualifier`'s finding on the figure alone. The fix rewrites the figure exactly as that rule's fix
 * does ("Up to 60%"), so applying both never doubles the qualifier; it is offered only where "up to" reads
 * well (the figure opens the asset or follows "by") and the asset still fits its `max_chars`.
 */
const FIGURE = /(?<![\p{L}\p{N}.,])(\d+(?:\.\d+)?)\s?(%|percent(?![\p{L}])|per cent(?![\p{L}])|[x×](?![\p{L}\p{N}])|times(?![\p{L}]))/giu;
const QUALIFIER = /(?:(?<![\p{L}])up[\s-]to|(?<![\p{L}])as much as)\s*$/iu;

type Kind = 'percent' | 'multiplier';

function kindOfUnit(unit: string): Kind {
  return /^(?:%|percent|per cent)$/i.test(unit) ? 'percent' : 'multiplier';
}

function claimKind(claim: Claim): Kind | undefined {
  const unit = (claim.unit ?? '').toLowerCase();
  if (unit === 'percent' || unit === '%' || unit === 'pct') return 'percent';
  if (unit === 'x' || unit === 'times' || unit === 'multiplier') return 'multiplier';
  return undefined;
}

interface Figure {
  asset: Asset;
  start: number;
  end: number;
  value: number;
  kind: Kind;
  qualified: boolean;
}

export const rule: Rule = {
  id: 'ad.asset-standalone',
  description: 'An ad asset that drops the "up to" of an approved claim and relies on another asset, which the platform may not show with it.',
  severity: 'warning',
  check(ctx) {
    const profile = profileOf(ctx);
    const fields = sub(profile?.raw, 'fields');
    if (!profile || !fields) return;
    const pools = new Set(Object.keys(fields).filter((k) => k.endsWith('s') && k !== 'paths'));
    if (pools.size === 0) return;
    const claims = ctx.brand.claims.filter((c) => c.qualifier === 'up-to' && c.status === 'current' && claimKind(c));
    if (claims.length === 0) return;
    const byAlias = new Map<string, Claim[]>();
    for (const c of claims) {
      for (const alias of new Set([c.subject, ...c.subjectAliases].map((a) => a.toLowerCase().trim()).filter(Boolean))) {
        byAlias.set(alias, [...(byAlias.get(alias) ?? []), c]);
      }
    }
    const aliases = new RegExp(
      `(?<![\\p{L}\\p{N}])(?:${[...byAlias.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`,
      'giu',
    );

    const figures: Figure[] = [];
    const assets = adAssets(ctx, fields).filter((a) => a.block >= 0);
    for (const asset of assets) {
      const text = ctx.blocks[asset.block].block.text;
      for (const m of text.matchAll(FIGURE)) {
        const start = m.index ?? 0;
        figures.push({ asset, start, end: start + m[0].length, value: Number(m[1]), kind: kindOfUnit(m[2]), qualified: QUALIFIER.test(text.slice(0, start)) });
      }
    }

    for (const f of figures) {
      if (f.qualified || !pools.has(f.asset.field)) continue;
      const same = (g: Figure): boolean => g.value === f.value && g.kind === f.kind;
      if (figures.some((g) => g.asset === f.asset && g.qualified && same(g))) continue;
      const partner = figures.find((g) => g.asset !== f.asset && g.qualified && same(g));
      if (!partner) continue;
      const text = ctx.blocks[f.asset.block].block.text;
      const found = [...text.matchAll(aliases)]
        .map((m) => ({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length, claim: (byAlias.get(m[0].toLowerCase()) ?? []).find((c) => claimKind(c) === f.kind) }))
        .find((a) => a.claim);
      const claim = found?.claim;
      if (!found || !claim) continue;

      const atStart = text.slice(0, f.start).trim() === '';
      const insert = atStart ? 'Up to ' : 'up to ';
      const max = num(f.asset.config, 'max_chars');
      // "Up to 60% fewer alerts", "cuts noise by up to 60%" read well; "noise down up to 60%" does not.
      const reads = atStart || /(?<![\p{L}])by\s+$/iu.test(text.slice(0, f.start));
      const fits = reads && (max === undefined || charCount(f.asset.text) + insert.length <= max);
      const figure = text.slice(f.start, f.end);
      const approved = `up to ${claim.value}${f.kind === 'percent' ? '%' : 'x'}`;
      ctx.report({
        block: f.asset.block,
        start: Math.min(f.start, found.start),
        end: Math.max(f.end, found.end),
        message:
          `${capitalise(assetName(f.asset))} states '${figure}' without 'up to': ads combine headlines and descriptions in any order, ` +
          `so it can run without ${assetName(partner.asset)} ('${partner.asset.text}'), which carries the qualifier. ` +
          `The brand file approves this claim only as '${approved}' (claims › ${claim.id}).`,
        source: brandSource('claims', claim),
        entryId: claim.id,
        ...(fits ? { fix: { title: `Write '${insert}${figure}'`, text: `${insert}${figure}`, start: f.start, end: f.end } } : {}),
      });
    }
  },
};

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
