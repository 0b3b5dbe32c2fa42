/**
 * GitHub Flavored Markdown for the engine's parse: remark-gfm's tables, footnotes, strikethrough and task
 * list items, without its literal autolinks ("www.example.com", "press@example.com"), which the prose
 * model finds itself (autolinks.ts).
 *
 * Why: micromark's autolink-literal extension tries an e-mail address at every word of every paragraph,
 * reading the word through its state machine and backing out. On the 5 KB press release of `npm run
 * bench` it cost 60% of remark-gfm's parse (2.1 of 3.4 ms), more than every rule together, and its
 * mdast transform made link nodes without positions. The engine needs only where those spans are (they
 * are not prose), and the few text values holding "@", ":" or "www." answer that cheaply.
 */
import type { Processor } from 'unified';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';

/** A unified plugin, used as remark-gfm is (`.use(gfmWithoutLiteralAutolinks)`), with remark-gfm's defaults. */
export function gfmWithoutLiteralAutolinks(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmFootnote(), gfmStrikethrough(), gfmTable(), gfmTaskListItem());
  (data.fromMarkdownExtensions ??= []).push(gfmFootnoteFromMarkdown(), gfmStrikethroughFromMarkdown(), gfmTableFromMarkdown(), gfmTaskListItemFromMarkdown());
}
