import type { Rule } from '../rule';
import type { RuleContext } from '../context';
import type { Person } from '../brand/model';
import { speakerIs } from '../context';
import { type Raw, channelSource, fromProfile, num, orList, profileOf, requiredElements, str, strs } from '../channels/profile';
import { type PressRelease, pressRelease } from '../channels/press';
import { appendBlock, bodyNodes, firstLine, headingKey, lastLine } from '../channels/structure';
import { nodeRange } from '../channels/text';

/**
 * The elements a release must carry, from the profile's `required_elements`: `quote` (at least `min`
 * attributed quotes; with `speaker: spokesperson`, from people marked `spokesperson: true`), `boilerplate`
 * (a section headed by the entry's `heading`), `media_contact` (a contact section with the listed `fields`
 * of name, email and phone) and `end_mark` (one of `one_of` on its own line). Missing quote, boilerplate
 * and contact are reported together on the headline; missing contact fields on the contact heading; a
 * missing end mark just after the last line.
 *
 * A boilerplate entry whose own `required_in` lists the channel is left to `boilerplate.missing`, so the
 * same absence is never reported twice.
 */
export const rule: Rule = {
  id: 'pr.required',
  description: 'A press release missing a required element: a spokesperson quote, the boilerplate, the media contact or the end mark.',
  severity: 'error',
  check(ctx) {
    const profile = profileOf(ctx);
    if (!profile) return;
    const { channel, raw } = profile;
    const release = pressRelease(ctx);
    const where = fromProfile(channel, 'required_elements');
    const source = channelSource(channel, 'required_elements');
    const atHead = release.headline ? nodeRange(release.headline) : firstLine(ctx.doc);

    // Elements missing from the release as a whole share one finding on the headline: the engine keeps one
    // finding per rule and span, so separate findings there would hide all but one.
    const absent: Array<{ has: string; needs: string }> = [];
    let contactInsert: { title: string; text: string; start: number; end: number } | undefined;

    for (const e of requiredElements(raw, 'quote')) {
      const min = num(e, 'min') ?? 1;
      const spokespeople = str(e, 'speaker') === 'spokesperson' ? ctx.brand.people.filter((p) => p.spokesperson && p.status === 'current') : undefined;
      const count = ctx.quotes.filter((q) => q.speaker && (!spokespeople || spokespeople.some((p) => speakerIs(q.speaker ?? '', p)))).length;
      if (count >= min) continue;
      const who = spokespeople ? `from a company spokesperson (${names(spokespeople)})` : 'attributed to a named person';
      const have = count === 0 ? 'no quote' : `only ${count} quote${count === 1 ? '' : 's'}`;
      absent.push({ has: `${have} ${who}`, needs: `at least ${min} such quote${min === 1 ? '' : 's'}` });
    }

    for (const e of requiredElements(raw, 'boilerplate')) {
      const ref = str(e, 'ref');
      const entry = ref ? ctx.brand.boilerplate.find((b) => b.id === ref) : undefined;
      if (entry?.requiredIn.includes(channel.id)) continue;
      const heading = entry?.heading ?? (ctx.brand.company ? `About ${ctx.brand.company.name}` : undefined);
      // sameHeading(title, heading) is headingKey equality: the heading keyed once, not once per section.
      const key = heading ? headingKey(heading) : undefined;
      if (!heading || release.sections.some((s) => headingKey(s.title) === key)) continue;
      const what = entry ? `boilerplate '${entry.id}'` : 'the boilerplate';
      absent.push({ has: `no '${heading}' section`, needs: `${what} under the heading '${heading}'` });
    }

    for (const e of requiredElements(raw, 'media_contact')) {
      const fields = strs(e, 'fields');
      const wanted = fields.length > 0 ? fields : ['name', 'email', 'phone'];
      const contact = release.contact;
      if (!contact) {
        absent.push({ has: 'no media contact', needs: `a 'Media contact' section with ${describe(wanted)}` });
        const person = ctx.brand.people.find((p) => p.mediaContact?.email && p.mediaContact.phone && p.status === 'current');
        if (person) contactInsert = contactFix(ctx, person, endMarks(raw));
        continue;
      }
      // The contact's text once for all its fields, not once per field.
      const text = contactText(ctx, release);
      const missing = wanted.filter((f) => !hasField(ctx, text, f));
      if (missing.length === 0) continue;
      const at = contact.heading ? nodeRange(contact.heading) : lineAt(ctx.doc.source, contact.start);
      ctx.reportAt({
        ...at,
        message: `The media contact has no ${missing.map((f) => FIELD_NAMES[f] ?? f).join(' or ')}: ${where} requires ${describe(wanted)}.`,
        source,
      });
    }

    if (absent.length > 0) {
      ctx.reportAt({
        ...atHead,
        message: `The release has ${absent.map((a) => a.has).join(' and ')}: ${where} requires ${absent.map((a) => a.needs).join(' and ')}.`,
        source,
        // A fix must resolve its whole finding: the contact is inserted only when it is all that is missing.
        ...(contactInsert && absent.length === 1 ? { fix: contactInsert } : {}),
      });
    }

    for (const e of requiredElements(raw, 'end_mark')) {
      const accepted = marksOf(e);
      if (hasEndMark(ctx, accepted)) continue;
      const insert = appendBlock(ctx.doc.source, accepted[0]);
      ctx.reportAt({
        ...afterLastLine(ctx.doc.source, lastLine(ctx.doc).end),
        message: `The release has no end mark: ${where} requires ${orList(accepted)} on its own line at the end.`,
        source,
        fix: { title: `Add '${accepted[0]}' at the end`, ...insert },
      });
    }
  },
};

const DEFAULT_MARKS = ['###', '-30-'];

function marksOf(e: Raw): string[] {
  const marks = strs(e, 'one_of');
  return marks.length > 0 ? marks : DEFAULT_MARKS;
}

function endMarks(raw: Raw): string[] {
  const elements = requiredElements(raw, 'end_mark');
  return elements.length > 0 ? elements.flatMap(marksOf) : DEFAULT_MARKS;
}

const FIELD_NAMES: Record<string, string> = { name: 'name', email: 'email address', phone: 'phone number' };

function describe(fields: string[]): string {
  const parts = fields.map((f) => FIELD_NAMES[f] ?? f);
  if (parts.length <= 1) return `a ${parts.join('')}`;
  return `a ${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

function names(people: Person[]): string {
  return people.map((p) => p.name).join(', ');
}

const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/;
/** EMAIL, every occurrence; used only by `replace`, which starts a global pattern from 0 and leaves it there. */
const EMAILS = new RegExp(EMAIL.source, 'g');
const PHONE = /\+?\(?\d[\d\s().-]{5,}\d/g;
const NOT_DIGITS = /\D/g;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const COMMENTS = /<!--[\s\S]*?-->/g;
const PERSON_NAME = /\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}\.)?\s+\p{Lu}[\p{L}'’-]+/u;
const LABEL = /^\s*(?:\*\*|__)?(?:media|press)\s+contacts?\s*:?\s*(?:\*\*|__)?\s*:?/i;

/** The contact's own text: after its heading or label. */
function contactText(ctx: RuleContext, release: PressRelease): string {
  const contact = release.contact;
  if (!contact) return '';
  const from = contact.heading ? nodeRange(contact.heading).end : contact.start;
  const text = ctx.doc.source.slice(from, contact.end);
  // A comment opens with "<!--": without one, removing comments changes nothing.
  return (text.includes('<!--') ? text.replace(COMMENTS, ' ') : text).replace(LABEL, '');
}

/** Whether the contact's text (contactText) gives `field`. */
function hasField(ctx: RuleContext, text: string, field: string): boolean {
  switch (field) {
    case 'email':
      return EMAIL.test(text);
    case 'phone':
      return hasPhone(text);
    case 'name':
      return ctx.brand.people.some((p) => text.includes(p.name)) || PERSON_NAME.test(text.replace(EMAILS, ' '));
    default:
      return true;
  }
}

/**
 * Whether a text gives a phone number: a PHONE match of at least seven digits that is no ISO date. Stops at
 * the first. An exec loop on the shared global pattern, started from 0 on every call (PHONE is used here
 * only), rather than matchAll, which copies the pattern on every call (a profile of the 5 KB press release
 * put that line at a fifth of pr.required); held equal to the matchAll form by a property test.
 */
export function hasPhone(text: string): boolean {
  PHONE.lastIndex = 0;
  for (let m = PHONE.exec(text); m; m = PHONE.exec(text)) if (m[0].replace(NOT_DIGITS, '').length >= 7 && !ISO_DATE.test(m[0].trim())) return true;
  return false;
}

/** The end mark: a top-level block that is exactly a mark ("###" parses as an empty heading), or the last line of the last block. */
function hasEndMark(ctx: RuleContext, marks: string[]): boolean {
  const src = ctx.doc.source;
  const nodes = bodyNodes(ctx.doc);
  // Whether any block is a mark, asked from the last block back: a release's mark is its last block or
  // nearly, so most releases answer at once rather than after slicing every block.
  for (let i = nodes.length - 1; i >= 0; i--) {
    const { start, end } = nodeRange(nodes[i]);
    if (marks.includes(src.slice(start, end).trim())) return true;
  }
  const last = nodes.filter((n) => n.type !== 'html').pop();
  if (!last) return false;
  const { start, end } = nodeRange(last);
  const lines = src.slice(start, end).trim().split(/\r?\n/);
  return marks.includes(lines[lines.length - 1].trim());
}

/** Inserts the contact section from the brand file's media contact, before the end mark when the release ends with one. */
function contactFix(ctx: RuleContext, person: Person, marks: string[]): { title: string; text: string; start: number; end: number } {
  const lines = ['## Media contact', '', person.name, person.mediaContact?.email, person.mediaContact?.phone].filter((l): l is string => l !== undefined);
  const block = lines.join('\n');
  const title = `Add the media contact (${person.name})`;
  const last = bodyNodes(ctx.doc).filter((n) => n.type !== 'html').pop();
  if (last) {
    const { start, end } = nodeRange(last);
    if (marks.includes(ctx.doc.source.slice(start, end).trim())) return { title, text: `${block}\n\n`, start, end: start };
  }
  return { title, ...appendBlock(ctx.doc.source, block) };
}

/**
 * Where the end mark belongs: just after the last line of text. Not the last line itself, which other
 * document-level findings (boilerplate.missing) cover and which the engine would merge with this one.
 */
function afterLastLine(source: string, end: number): { start: number; end: number } {
  return { start: end, end: Math.min(source.length, end + (source[end] === '\r' ? 2 : 1)) };
}

function lineAt(source: string, offset: number): { start: number; end: number } {
  const nl = source.indexOf('\n', offset);
  return { start: offset, end: nl < 0 ? source.length : nl };
}
