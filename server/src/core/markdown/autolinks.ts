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
/** An address, starting only where a run of its characters (or "/") starts: micromark's previousEmail. */
const EMAIL = /(?<![A-Za-z0-9+\-._/])[A-Za-z0-9+\-._]+@[A-Za-z0-9\-_]+(?:\.[A-Za-z0-9\-_]+)+/g;
const ASCII_LETTER = /[A-Za-z]/;
/** White space or punctuation (Unicode, as micromark's): what "www." may follow, and what ends a domain. */
const SPACE_OR_PUNCTUATION = /[\s\p{P}\p{S}]/u;
const TRAILING = /[!"')*,.:;?_~]/;
const WHITE = /\s/;
const ENTITY_LIKE = /&[A-Za-z]+;/y;
const EMPTY: ReadonlyArray<readonly [number, number]> = [];

/**
 * Offsets [start, end) of the literal autolinks in `value`, sorted and disjoint.
 *
 * Linear time (issue 7): a URL's run (up to white space) is found once, the trailing-punctuation test
 * remembers how far its last answer holds, a start that fails skips the domain it read (a later start
 * inside it ends at the same last two labels, and fails the same way), and an address starts only where a
 * run of its characters starts.
 */
export function literalAutolinks(value: string): ReadonlyArray<readonly [number, number]> {
  if (!HINT.test(value)) return EMPTY;
  const out: Array<[number, number]> = [];
  const scan = new LinkScan(value);
  URL_START.lastIndex = 0;
  for (let m = URL_START.exec(value); m; m = URL_START.exec(value)) {
    const start = m.index;
    const www = m[0].length === 4;
    const before = start > 0 ? value[start - 1] : '';
    if (before && (www ? !SPACE_OR_PUNCTUATION.test(before) : ASCII_LETTER.test(before))) continue;
    const end = scan.linkEnd(start + m[0].length, www);
    if (end === undefined) {
      URL_START.lastIndex = Math.max(URL_START.lastIndex, scan.domainEnd);
      continue;
    }
    out.push([start, end]);
    URL_START.lastIndex = end;
  }
  if (!value.includes('@')) return out;
  const urls = out.length;
  let url = 0;
  EMAIL.lastIndex = 0;
  for (let m = EMAIL.exec(value); m; m = EMAIL.exec(value)) {
    const start = m.index;
    const end = start + m[0].length;
    // A trailing dot is never matched (the sentence's); a trailing "-" or "_" makes no address.
    const last = value[end - 1];
    if (last === '-' || last === '_') continue;
    while (url < urls && out[url][1] <= start) url++;
    if (url < urls && out[url][0] < end) continue;
    out.push([start, end]);
  }
  return out.length > urls ? out.sort((a, b) => a[0] - b[0]) : out;
}

/** The URL reading of one value: starts come in increasing order, and each remembers what it can. */
class LinkScan {
  /** Where the domain read by the last linkEnd stopped. */
  domainEnd = 0;
  /** The end of the current run (white space, "<" or the value's end), and the start it was found from. */
  private runFrom = -1;
  private runEnd = -1;
  /** onlyTrail's last answer, and the offsets [trailFrom, trailTo) from which it is the same. */
  private trailFrom = -1;
  private trailTo = -1;
  private trailOk = false;

  constructor(private readonly value: string) {}

  /**
   * The end of a URL whose domain starts at `from`, or undefined when no valid domain follows. Read left
   * to right as micromark does: at a character that may trail a link, the link ends there when nothing
   * but such characters follows before white space; a ")" while more "(" than ")" were read belongs to it.
   */
  linkEnd(from: number, www: boolean): number | undefined {
    const value = this.value;
    const stop = this.stopAfter(from);
    let i = from;
    for (; i < stop && isDomainChar(value[i]); i++) {
      if ((value[i] === '.' || value[i] === '_') && this.onlyTrail(i, stop)) break;
    }
    this.domainEnd = i;
    const domain = value.slice(from, i);
    if (domain === '' || (!www && (domain[0] === '-' || domain[0] === '.' || domain[0] === '_'))) return undefined;
    if (domain.split('.').slice(-2).some((label) => label.includes('_'))) return undefined;
    let open = 0;
    let close = 0;
    for (; i < stop; i++) {
      const c = value[i];
      if (c === '(') open++;
      else if (c === ')') {
        if (close >= open && this.onlyTrail(i, stop)) return i;
        close++;
      } else if ((TRAILING.test(c) || c === ']' || c === '&') && this.onlyTrail(i, stop)) return i;
    }
    return stop;
  }

  private stopAfter(from: number): number {
    if (from < this.runFrom || from >= this.runEnd) {
      let stop = from;
      while (stop < this.value.length && !WHITE.test(this.value[stop]) && this.value[stop] !== '<') stop++;
      this.runFrom = from;
      this.runEnd = stop;
    }
    return this.runEnd;
  }

  /**
   * Whether value[i, stop) is all characters that may trail a link (an entity-like "&name;" counts as one,
   * and "]" before "(" or "[" ends it). The answer holds from every offset the scan passed.
   */
  private onlyTrail(i: number, stop: number): boolean {
    if (i >= this.trailFrom && i < this.trailTo) return this.trailOk;
    const value = this.value;
    let k = i;
    let ok = true;
    while (k < stop) {
      const c = value[k];
      if (c === '&') {
        ENTITY_LIKE.lastIndex = k;
        const entity = ENTITY_LIKE.exec(value);
        if (!entity) {
          ok = false;
          break;
        }
        k += entity[0].length;
      } else if (c === ']') {
        k++;
        // After a bracket, "(" or "[" could start a link's resource or reference: the link ends there.
        if (value[k] === '(' || value[k] === '[') break;
      } else if (TRAILING.test(c)) {
        k++;
      } else {
        ok = false;
        break;
      }
    }
    this.trailFrom = i;
    this.trailTo = Math.max(k, i + 1);
    this.trailOk = ok;
    return ok;
  }
}

/** Domain characters: anything but white space and punctuation, except "-", "." and "_". */
function isDomainChar(c: string): boolean {
  return c === '-' || c === '.' || c === '_' || !SPACE_OR_PUNCTUATION.test(c);
}
