/**
 * Ad assets (C2 Markdown convention): a heading names a field ("## Headlines", "## Descriptions",
 * "## Paths", "## Primary text") and each list item under it is one asset; a section without a list holds
 * one asset per paragraph. The heading maps to the profile's `fields` key by lower-casing it and joining
 * words with "_" ("Primary text" → primary_text), singular or plural. Sections of other headings
 * ("## Disclosures") are not assets.
 */
import type { ListItem, Paragraph, RootContent } from 'mdast';
import type { RuleContext } from '../context';
import { type Raw, isRaw } from './profile';
import { blockIndexOf, sections } from './structure';
import { nodeRange, visibleText } from './text';

export interface Asset {
  /** The `fields` key ("headlines"). */
  field: string;
  /** The field's settings (`max_chars`, `severity`, …). */
  config: Raw;
  /** The field's heading as written ("Headlines"). */
  heading: string;
  /** 1-based position among its field's assets. */
  index: number;
  node: ListItem | Paragraph;
  /** Visible text, trimmed. */
  text: string;
  /** The prose block of the asset's first paragraph, or -1 when it has no prose. */
  block: number;
  start: number;
  end: number;
}

/** The field key a heading names, if the profile has it. */
export function fieldKey(heading: string, fields: Raw): string | undefined {
  const key = heading.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '_').replace(/^_+|_+$/g, '');
  for (const k of [key, `${key}s`, key.replace(/s$/, '')]) if (isRaw(fields[k])) return k;
  return undefined;
}

export function adAssets(ctx: RuleContext, fields: Raw): Asset[] {
  return ctx.memo('channels.ad-assets', () => {
    const out: Asset[] = [];
    for (const section of sections(ctx.doc)) {
      const field = fieldKey(section.title, fields);
      if (!field) continue;
      const items = assetNodes(section.nodes);
      items.forEach((node, i) => {
        const text = visibleText(node.type === 'listItem' ? node.children : [node], ctx.doc.source).text.trim();
        if (!text) return;
        const first = node.type === 'listItem' ? node.children.find((c) => c.type === 'paragraph') : node;
        const { start, end } = nodeRange(node);
        out.push({
          field,
          config: fields[field] as Raw,
          heading: section.title,
          index: i + 1,
          node,
          text,
          block: first ? blockIndexOf(ctx.doc, first) : -1,
          start,
          end,
        });
      });
    }
    return out;
  });
}

function assetNodes(nodes: RootContent[]): Array<ListItem | Paragraph> {
  const items = nodes.flatMap((n) => (n.type === 'list' ? n.children : []));
  return items.length > 0 ? items : nodes.filter((n): n is Paragraph => n.type === 'paragraph');
}

/** "headline 3", "description 1": how a message names an asset. */
export function assetName(asset: Asset): string {
  const singular = asset.heading.toLowerCase().replace(/s$/, '');
  return `${singular} ${asset.index}`;
}
