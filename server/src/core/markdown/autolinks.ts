/**
 * GFM's literal autolinks in a text node's value: "www.example.com", "https://example.com/path",
 * "press@example.com" and "mailto:press@example.com". The engine parses without micromark's
 * autolink-literal extension (gfm.ts says why); the prose model makes these spans opaque, as it makes
 * an autolink node opaque, and newsletter.unsubscribe reads a bare unsubscribe URL through them.
 *
 * The spans follow the GFM spec's extended autolinks as micromark reads them:
 * - "www." or "http://" / "https://", then a domain: characters other than white space and punctuation
 *   (but "-", "." and "_"), with no "_" in its last two segments; "www." only at the start, after white
 *   space or after one of `(*_[]~`; "http" not after an ASCII letter.
 * - then a path up to white space or "<", less trailing punctuation (`!"'*,.:;?]_~`), an entity-like
 *   "&name;" at its end, and a ")" that closes no "(" of the link.
 * - e-mail: atext (ASCII letters, digits, "+", "-", ".", "_") not after atext or "/", "@", then ASCII
 *   letters, digits, "-" and "_" in dot-separated labels, at least one dot, not ending in "-" or "_";
 *   optionally after "mailto:" or "xmpp:".
 * Differences from micromark at the edges change only which characters of a URL count as prose; the
 * tokenizer masks every URL and address as machine text anyway (tokenize.ts, MACHINE_TEXT).
 */

/** What every literal autolink holds; most text values hold none of these and cost one test. */
const HINT = /[@:]|www\./i;
const URL_START = /(?:https?:\/\/|www\.)/gi;
const EMAIL = /(?:(?:mailto|xmpp):)?[A-Za-z0-9+\-._]+@[A-Za-z0-9\-_]+(?:\.[A-Za-z0-9\-_]+)+/g;
const ATEXT = /[A-Za-z0-9+\-._/]/;
const ASCII_LETTER = /[A-Za-z]/;
const WWW_AFTER = /[\s(*_[\]~]/;
/** Ends a domain: white space, or punctuation other than "-", "." and "_" (Unicode, as micromark's). */
const DOMAIN_END = /[\s\p{P}\p{S}]/u;
const TRAILING = /[!"'*,.:;?\]_~]/;
const WHITE = /\s/;
const TRAILING_ENTITY = /&[A-Za-z0-9]+;$/;
const EMPTY: ReadonlyArray<readonly [number, number]> = [];

/** Offsets [start, end) of the literal autolinks in `value`, sorted and disjoint. */
export function literalAutolinks(value: string): ReadonlyArray<readonly [number, number]> {
  if (!HINT.test(value)) return EMPTY;
  const out: Array<[number, number]> = [];
  URL_START.lastIndex = 0;
  for (let m = URL_START.exec(value); m; m = URL_START.exec(value)) {
    const start = m.index;
    const www = m[0].length === 4;
    const before = start > 0 ? value[start - 1] : '';
    if (before && (www ? !WWW_AFTER.test(before) : ASCII_LETTER.test(before))) continue;
    const end = linkEnd(value, start + m[0].length, www);
    if (end === undefined) continue;
    out.push([start, end]);
    URL_START.lastIndex = end;
  }
  if (!value.includes('@')) return out;
  const urls = out.length;
  EMAIL.lastIndex = 0;
  for (let m = EMAIL.exec(value); m; m = EMAIL.exec(value)) {
    const start = m.index;
    const end = start + m[0].length;
    if (start > 0 && ATEXT.test(value[start - 1])) {
      // Inside a longer run of atext: the address starts at the run's start or not at all.
      continue;
    }
    const last = value[end - 1];
    if (last === '-' || last === '_') continue;
    // A dot right after the domain ends the sentence, not the address; a letter or digit after it would
    // have been part of the domain.
    if (end < value.length && /[A-Za-z0-9]/.test(value[end])) continue;
    if (overlaps(out, urls, start, end)) continue;
    out.push([start, end]);
  }
  return out.length > urls ? out.sort((a, b) => a[0] - b[0]) : out;
}

/** The end of a URL whose domain starts at `from`, or undefined when no valid domain follows. */
function linkEnd(value: string, from: number, www: boolean): number | undefined {
  let i = from;
  while (i < value.length && isDomainChar(value[i])) i++;
  // A domain's trailing dots and underscores are the sentence's, as the trail is trimmed below.
  const domain = value.slice(from, i).replace(/[._]+$/, '');
  if (domain === '' || (!www && (domain[0] === '-' || domain[0] === '.' || domain[0] === '_'))) return undefined;
  if (domain.split('.').slice(-2).some((label) => label.includes('_'))) return undefined;
  let end = i;
  while (end < value.length && !WHITE.test(value[end]) && value[end] !== '<') end++;
  return trimTrail(value, from, end);
}

/** Domain characters: anything but white space and punctuation, except "-", "." and "_". */
function isDomainChar(c: string): boolean {
  return c === '-' || c === '.' || c === '_' || !DOMAIN_END.test(c);
}

function trimTrail(value: string, start: number, end: number): number {
  for (;;) {
    const c = value[end - 1];
    if (end <= start) return end;
    if (c === ';') {
      const entity = TRAILING_ENTITY.exec(value.slice(start, end));
      if (entity) {
        end -= entity[0].length;
        continue;
      }
    }
    if (TRAILING.test(c)) {
      end--;
      continue;
    }
    if (c === ')') {
      const link = value.slice(start, end);
      if (count(link, ')') > count(link, '(')) {
        end--;
        continue;
      }
    }
    return end;
  }
}

function count(s: string, c: string): number {
  let n = 0;
  for (let i = s.indexOf(c); i >= 0; i = s.indexOf(c, i + 1)) n++;
  return n;
}

function overlaps(spans: ReadonlyArray<[number, number]>, n: number, start: number, end: number): boolean {
  for (let k = 0; k < n; k++) if (spans[k][0] < end && start < spans[k][1]) return true;
  return false;
}
