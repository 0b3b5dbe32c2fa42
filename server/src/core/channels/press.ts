/**
 * The parts of a press release (C2 Markdown convention): the H1 is the headline; the first paragraph after
 * it opens with the dateline; "## About …" introduces the boilerplate; "## Media contact" the contact; the
 * end mark stands on its own line. Computed once per document (RuleContext.memo) and shared by the pr.* rules.
 */
import type { Heading, Paragraph, RootContent } from 'mdast';
import type { RuleContext } from '../context';
import type { Boilerplate } from '../brand/model';
import { type CalendarDate, isValidDate, parseIsoDate } from './dates';
import { type Dateline, parseDateline } from './dateline';
import { type Section, blockIndexOf, headingKey, headline, sections } from './structure';
import { nodeRange, plainText } from './text';
import { type DerivedCache, derived } from '../derived';

export interface PressRelease {
  headline?: Heading;
  /** The paragraph that should open with the dateline, and its prose block. */
  lead?: { node: Paragraph; block: number };
  dateline?: Dateline;
  /** The release's date: the dateline's when it has a year, else the front matter's `date`. */
  date?: CalendarDate;
  sections: Section[];
  /** Source range of the media-contact section or paragraph, if any. */
  contact?: { start: number; end: number; heading?: Heading };
  /** Source ranges whose wording is not the release's own voice: contact, boilerplate, legal legend. */
  setAside: Array<{ start: number; end: number }>;
}

/** "Media contact", "Press contacts", "Media inquiries", "Contact". */
const CONTACT_HEADING = /^(?:(?:media|press|news)\s+(?:contacts?|inquiries|enquiries|relations)|contacts?|for more information)\s*:?$/i;
/** A contact given as a labelled paragraph: "Media contact: Priya Natarajan, …". */
const CONTACT_LABEL = /^(?:media|press)\s+contacts?\s*:/i;
/** The safe-harbor legend is Legal's text, written in the first person by convention. */
const LEGAL_HEADING = /forward-looking\s+statements|safe\s+harbor/i;
/** Lines printed above the lead that are not the lead. */
const NOT_LEAD = /^(?:for\s+immediate\s+release|embargoed\b|news\s+release\b|press\s+release\b)/i;

export function pressRelease(ctx: RuleContext): PressRelease {
  return ctx.memo('channels.press-release', () => read(ctx));
}

function read(ctx: RuleContext): PressRelease {
  const doc = ctx.doc;
  const h1 = headline(doc.tree);
  const all = sections(doc);
  const release: PressRelease = { sections: all, setAside: [] };
  if (h1) release.headline = h1;

  // Keyed once each (sameHeading is equality of headingKey), not once per section and heading.
  const boilerplateHeadings = boilerplateHeadingKeys(ctx.brand.boilerplate);
  for (const s of all) {
    if (CONTACT_HEADING.test(s.title)) {
      release.contact ??= { start: s.start, end: s.end, heading: s.heading };
      release.setAside.push({ start: s.start, end: s.end });
    } else if (LEGAL_HEADING.test(s.title) || (boilerplateHeadings.size > 0 && boilerplateHeadings.has(headingKey(s.title)))) {
      release.setAside.push({ start: s.start, end: s.end });
    }
  }
  if (!release.contact) {
    const nodes = doc.tree.children;
    const i = nodes.findIndex((n) => n.type === 'paragraph' && CONTACT_LABEL.test(plainText(n, doc.source)));
    if (i >= 0) {
      let j = i + 1;
      while (j < nodes.length && nodes[j].type !== 'heading') j++;
      const range = { start: nodeRange(nodes[i]).start, end: j < nodes.length ? nodeRange(nodes[j]).start : doc.source.length };
      release.contact = range;
      release.setAside.push(range);
    }
  }

  // The lead is the release's own first paragraph, never one of a set-aside section: a release with no body
  // but its boilerplate would otherwise get a dateline inserted into the boilerplate, which the boilerplate
  // fix then takes out again, on every run of --fix (issue 7: found by the fixed-point property).
  const lead = leadParagraph(doc.tree.children, h1, doc.source, (node) => isSetAside(release, nodeRange(node).start));
  if (lead) {
    const block = blockIndexOf(doc, lead);
    if (block >= 0) {
      release.lead = { node: lead, block };
      const dateline = parseDateline(doc.blocks[block].text);
      if (dateline) release.dateline = dateline;
    }
  }
  const d = release.dateline;
  const fromDateline = d?.year !== undefined ? { year: d.year, month: d.month, day: d.day } : undefined;
  const date = fromDateline && isValidDate(fromDateline) ? fromDateline : parseIsoDate(doc.frontMatter.date);
  if (date) release.date = date;
  return release;
}

/**
 * `new Set(boilerplate.map((b) => b.heading).filter(Boolean).map(headingKey))`, once per boilerplate list
 * (derived.ts): building it was the costliest line of reading the release in a profile of the 5 KB press
 * release.
 */
function boilerplateHeadingKeys(boilerplate: readonly Boilerplate[]): Set<string> {
  const headings = boilerplate.map((b) => b.heading);
  return derived(headingKeySets, boilerplate, headings, () => new Set(headings.filter(Boolean).map(headingKey)));
}

const headingKeySets: DerivedCache<readonly Boilerplate[], Set<string>> = new WeakMap();

/**
 * The first paragraph after the headline that carries copy: a subhead (a paragraph that is all bold or
 * italic), a "FOR IMMEDIATE RELEASE" line, images and the paragraphs of set-aside sections are skipped.
 */
function leadParagraph(nodes: RootContent[], h1: Heading | undefined, source: string, setAside: (node: RootContent) => boolean): Paragraph | undefined {
  const from = h1 ? nodes.indexOf(h1) + 1 : 0;
  for (const node of nodes.slice(from)) {
    if (node.type !== 'paragraph' || setAside(node)) continue;
    const copy = node.children.filter((c) => !(c.type === 'text' && !c.value.trim()));
    if (copy.length === 0 || copy.every((c) => c.type === 'image' || c.type === 'imageReference' || c.type === 'html')) continue;
    if (copy.length === 1 && (copy[0].type === 'emphasis' || copy[0].type === 'strong')) continue;
    if (NOT_LEAD.test(plainText(node, source))) continue;
    return node;
  }
  return undefined;
}

/** Whether a source offset lies in a part of the release that is not its own narrative voice. */
export function isSetAside(release: PressRelease, offset: number): boolean {
  return release.setAside.some((r) => offset >= r.start && offset < r.end);
}
