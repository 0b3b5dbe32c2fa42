/**
 * GFM's literal autolinks in a text node's value: "www.example.com", "https://example.com/path" and
 * "press@example.com". The engine parses without micromark's autolink-literal extension (gfm.ts says
 * why); the prose model makes these spans opaque, as it makes an autolink node opaque, and
 * newsletter.unsubscribe reads a bare unsubscribe URL through them.
 *
 * The spans follow the GFM spec's extended autolinks as micromark reads them:
 * - "www." or "http://" / "https://", then a domain: characters other than white space and punctuation
 *   (but "-", "." and "_"), with no "_" in its last two segments; "www." only at the start, after white
 *   space or after punctuation; "http" not after an ASCII letter. (micromark's tokenizer takes "www."
 *   only after one of `(*_[]~` or white space, and remark-gfm's transform links the rest.)
 * - then a path up to white space or "<", less the punctuation that trails it (`!"')*,.:;?_~`, "]", and
 *   an entity-like "&name;" of ASCII letters), read left to right as micromark reads it.
 * - e-mail: atext (ASCII letters, digits, "+", "-", ".", "_") not after atext or "/", "@", then ASCII
 *   letters, digits, "-" and "_" in dot-separated labels, at least one dot, not ending in "-" or "_"
 *   (after "mailto:", only the address is the link, as micromark reads it).
 * Differences from micromark at the edges change only which characters of a URL count as prose; the
 * tokenizer masks every URL and address as machine text anyway (tokenize.ts, MACHINE_TEXT).
 */

/** What every literal autolink holds; most text values hold none of these and cost one test. */
const HINT = /[@:]|www\./i;
const URL_START = /(?:https?:\/\/|www\.)/gi;
const EMAIL = /[A-Za-z0-9+\-._]+@[A-Za-z0-9\-_]+(?:\.[A-Za-z0-9\-_]+)+/g;
const ATEXT = /[A-Za-z0-9+\-._/]/;
const ASCII_LETTER = /[A-Za-z]/;
/** White space or punctuation (Unicode, as micromark's): what "www." may follow, and what ends a domain. */
const SPACE_OR_PUNCTUATION = /[\s\p{P}\p{S}]/u;
const TRAILING = /[!"')*,.:;?_~]/;
const WHITE = /\s/;
const ENTITY_LIKE = /^&[A-Za-z]+;/;
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
    if (before && (www ? !SPACE_OR_PUNCTUATION.test(before) : ASCII_LETTER.test(before))) continue;
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
    // A trailing dot is never matched (the sentence's); a trailing "-" or "_" makes no address.
    const last = value[end - 1];
    if (last === '-' || last === '_') continue;
    if (overlaps(out, urls, start, end)) continue;
    out.push([start, end]);
  }
  return out.length > urls ? out.sort((a, b) => a[0] - b[0]) : out;
}

/**
 * The end of a URL whose domain starts at `from`, or undefined when no valid domain follows. Read left to
 * right as micromark does: at a character that may trail a link, the link ends there when nothing but
 * such characters follows before white space; a ")" while more "(" than ")" were read belongs to it.
 */
function linkEnd(value: string, from: number, www: boolean): number | undefined {
  let stop = from;
  while (stop < value.length && !WHITE.test(value[stop]) && value[stop] !== '<') stop++;
  let i = from;
  for (; i < stop && isDomainChar(value[i]); i++) {
    if ((value[i] === '.' || value[i] === '_') && onlyTrail(value, i, stop)) break;
  }
  const domain = value.slice(from, i);
  if (domain === '' || (!www && (domain[0] === '-' || domain[0] === '.' || domain[0] === '_'))) return undefined;
  if (domain.split('.').slice(-2).some((label) => label.includes('_'))) return undefined;
  let open = 0;
  let close = 0;
  for (; i < stop; i++) {
    const c = value[i];
    if (c === '(') open++;
    else if (c === ')') {
      if (close >= open && onlyTrail(value, i, stop)) return i;
      close++;
    } else if ((TRAILING.test(c) || c === ']' || c === '&') && onlyTrail(value, i, stop)) return i;
  }
  return stop;
}

/** Whether value[i, stop) is all characters that may trail a link (an entity-like "&name;" counts as one). */
function onlyTrail(value: string, i: number, stop: number): boolean {
  while (i < stop) {
    const c = value[i];
    if (c === '&') {
      const entity = ENTITY_LIKE.exec(value.slice(i, stop));
      if (!entity) return false;
      i += entity[0].length;
    } else if (c === ']') {
      // After a bracket, "(" or "[" could start a link's resource or reference: the link ends there.
      if (value[i + 1] === '(' || value[i + 1] === '[') return true;
      i++;
    } else if (TRAILING.test(c)) {
      i++;
    } else {
      return false;
    }
  }
  return true;
}

/** Domain characters: anything but white space and punctuation, except "-", "." and "_". */
function isDomainChar(c: string): boolean {
  return c === '-' || c === '.' || c === '_' || !SPACE_OR_PUNCTUATION.test(c);
}

function overlaps(spans: ReadonlyArray<[number, number]>, n: number, start: number, end: number): boolean {
  for (let k = 0; k < n; k++) if (spans[k][0] < end && start < spans[k][1]) return true;
  return false;
}
