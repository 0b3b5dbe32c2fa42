/**
 * Word tokens for brand matching. Names, terms and phrases are tokenised the same way as the copy, so a
 * brand form matches wherever its token sequence appears with the same glue (no space inside
 * "Lumora-Pulse", a space inside "Lumora Pulse").
 */

export type TokenKind = 'word' | 'punct' | 'opaque';

export interface Token {
  kind: TokenKind;
  /** Offsets into the tokenised string, end exclusive. */
  start: number;
  end: number;
  /** The token as written. */
  text: string;
  /** Lower-cased, with typographic apostrophes and hyphens folded to ASCII: the matching key. */
  key: string;
  /** True when nothing (no white space) separates this token from the previous one. */
  glued: boolean;
}

/** Stands in for text the checks must not see (inline code, HTML, URLs); it never matches anything. */
export const OPAQUE = '\uFFFC';

const WORD = /[\p{L}\p{M}\p{N}]/u;
const WORD_RUN = /[\p{L}\p{M}\p{N}]+/uy;
const SPACE = /\s/u;

/**
 * Spans that read as machine text rather than prose: URLs, e-mail addresses, bare domains and paths,
 * hashtags and Slack channels, @handles, issue references ("posthog#123"), and template or JSX
 * expressions in braces ("{{unsubscribe_url}}"). Brand names inside them are not mentions.
 *
 * Linear time (issue 7): an alternative that opens with a repeated class starts only where a run of that
 * class starts (a look-behind for the class), so a 100 KB run such as "aaaa…b" or "a.a.a…" is scanned
 * once, not once from every position. Leftmost matches are unchanged: a match inside a run also matches
 * from the run's start.
 */
export const MACHINE_TEXT = new RegExp(
  [
    String.raw`\b(?:https?|ftp|mailto):[^\s<>()]+`,
    String.raw`\bwww\.[^\s<>()]+`,
    String.raw`(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+`,
    String.raw`(?<![\w.@-])(?:[\w-]+\.)+(?:com|org|net|io|ai|co|dev|app|example|cloud|tech|info|biz|gov|edu|me|sh|so|xyz|us|uk|de|fr|eu|ca|au|js)\b(?:/[^\s<>()]*)?`,
    String.raw`(?<![\w&])#[\p{L}_][\p{L}\p{N}_-]*[\p{L}\p{N}_]`,
    String.raw`(?<![\w.-])[\w.-]+#\d+\b`,
    String.raw`\{[^{}\n]*\}|\{\{[^{}\n]*\}\}`,
    String.raw`(?<![\w.])@[\p{L}_][\p{L}\p{N}_.-]*`,
    String.raw`(?<![\w.-])(?:\.{0,2}/)?[\w.-]+(?:/[\w.-]+)+/?`,
  ].join('|'),
  'gu',
);

/**
 * What every alternative of MACHINE_TEXT needs somewhere in its match: a ':' (a scheme), '@', '#', '{', '/',
 * "www." or a known top-level domain after a dot. Most paragraphs have none, and this scan is several times
 * cheaper than the full expression, which irregexp tries at every position (a profile of the 5 KB press
 * release put MACHINE_TEXT at 1.6% of a check).
 */
const MACHINE_TEXT_HINT = /[:@#{/]|www\.|\.(?:com|org|net|io|ai|co|dev|app|example|cloud|tech|info|biz|gov|edu|me|sh|so|xyz|us|uk|de|fr|eu|ca|au|js)\b/gu;

/** MACHINE_TEXT tried at one position only. */
const MACHINE_TEXT_AT = new RegExp(MACHINE_TEXT.source, 'uy');

/**
 * Offset ranges of machine text in `text`, sorted and disjoint: the matches of a MACHINE_TEXT scan from the
 * start, each cut before any sentence punctuation it ends with.
 *
 * MACHINE_TEXT is tried only where a match can start. Every match holds a hint (MACHINE_TEXT_HINT), and
 * every match but a brace expression, which starts at its '{' (itself a hint), holds no white space; so a
 * match starts between the last white space before the first hint at or after its start and that hint.
 * Trying those positions in order, each once, finds the scan's leftmost matches, in linear time (issue 7).
 * A profile of the 5 KB press release put the scan of its two paragraphs with a domain at a tenth of
 * analyse(): 600 positions tried where 20 can start a match. The scan this restates is kept in
 * test/unit/tokenize.test.ts and held equal by a property test.
 */
export function machineTextRanges(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let pos = 0;
  // Every start before `untried` has been tried (or lies inside a match, where the scan does not try it).
  let untried = 0;
  for (;;) {
    MACHINE_TEXT_HINT.lastIndex = pos;
    const hint = MACHINE_TEXT_HINT.exec(text);
    if (!hint) return ranges;
    const h = hint.index;
    let s = h;
    while (s > untried && !isSpaceAt(text, s - 1)) s--;
    let m: RegExpExecArray | null = null;
    for (; s <= h; s++) {
      // A unicode scan never starts inside a surrogate pair; a sticky match there would start before it.
      if (isTrailSurrogateOfPair(text, s)) continue;
      MACHINE_TEXT_AT.lastIndex = s;
      if ((m = MACHINE_TEXT_AT.exec(text))) break;
    }
    if (m) {
      let end = s + m[0].length;
      // Sentence punctuation after a URL belongs to the sentence, not to the URL.
      while (end > s + 1 && /[.,;:!?'"’”]/.test(text[end - 1])) end--;
      ranges.push([s, end]);
      pos = untried = s + m[0].length;
    } else {
      pos = untried = h + 1;
    }
  }
}

/** Whether the UTF-16 unit at `i` is white space (SPACE). */
function isSpaceAt(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  return !(code >= 0xd800 && code <= 0xdfff) && nonAsciiClass(code) === SPACE_CLASS;
}

function isTrailSurrogateOfPair(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code < 0xdc00 || code > 0xdfff || i === 0) return false;
  const lead = text.charCodeAt(i - 1);
  return lead >= 0xd800 && lead <= 0xdbff;
}

export function foldKey(s: string): string {
  return s.toLowerCase().replace(/[’‘`´]/g, "'").replace(/[‐‑‒–]/g, '-');
}

/**
 * Splits `text` into word, punctuation and opaque tokens. Machine text (see machineTextRanges) and the
 * OPAQUE character become single opaque tokens.
 *
 * Read by character code, with ASCII first (most copy): a profile of the 5 KB press release put tokenize
 * at 4.5% of a check, then at two fifths of analyse(). White space, letters and digits are answered by
 * code, with no Unicode regex; an ASCII punctuation mark is its own key (the backtick folds to "'"). Any
 * other character is classified once per process by the same expressions as before (SPACE, WORD,
 * foldKey; see nonAsciiClass): those tests were a regex or three per curly quote, dash or symbol, over a
 * microsecond each. The definition this restates, one character at a time, is kept in
 * test/unit/tokenize.test.ts and held equal by a property test.
 */
export function tokenize(text: string, opaqueRanges: Array<[number, number]> = machineTextRanges(text)): Token[] {
  const tokens: Token[] = [];
  let r = 0;
  let i = 0;
  let glued = false;
  const n = text.length;
  while (i < n) {
    if (r < opaqueRanges.length && opaqueRanges[r][0] === i) {
      const end = opaqueRanges[r][1];
      tokens.push({ kind: 'opaque', start: i, end, text: text.slice(i, end), key: OPAQUE, glued });
      glued = true;
      i = end;
      r++;
      continue;
    }
    while (r < opaqueRanges.length && opaqueRanges[r][1] <= i) r++;
    const code = text.charCodeAt(i);
    if (code < 128) {
      if (code === 32 || (code >= 9 && code <= 13)) {
        glued = false;
        i++;
        continue;
      }
      if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90)) {
        // The run of ASCII letters and digits from i; a non-ASCII character after it (which may be a letter
        // or a mark) hands the run to WORD_RUN from i. Cut at the next machine-text range, never empty.
        let runEnd = i + 1;
        let upper = code <= 90 && code >= 65;
        for (; runEnd < n; runEnd++) {
          const c = text.charCodeAt(runEnd);
          if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) continue;
          if (c >= 65 && c <= 90) {
            upper = true;
            continue;
          }
          break;
        }
        let ascii = true;
        if (runEnd < n && text.charCodeAt(runEnd) >= 128) {
          ascii = false;
          WORD_RUN.lastIndex = i;
          runEnd = WORD_RUN.exec(text) ? WORD_RUN.lastIndex : i + 1;
        }
        const limit = r < opaqueRanges.length ? opaqueRanges[r][0] : n;
        const j = Math.max(i + 1, Math.min(runEnd, limit));
        const word = text.slice(i, j);
        // A word holds no apostrophe or dash, so its key is just its lower case; lower-casing ASCII without
        // a capital changes nothing.
        tokens.push({ kind: 'word', start: i, end: j, text: word, key: ascii && !upper ? word : word.toLowerCase(), glued });
        i = j;
      } else {
        const ch = text[i];
        tokens.push({ kind: 'punct', start: i, end: i + 1, text: ch, key: code === 96 ? "'" : ch, glued });
        i++;
      }
      glued = true;
      continue;
    }
    const cls = code >= 0xd800 && code <= 0xdfff ? undefined : nonAsciiClass(code);
    if (cls === SPACE_CLASS) {
      glued = false;
      i++;
      continue;
    }
    if (code === 0xfffc) {
      tokens.push({ kind: 'opaque', start: i, end: i + 1, text: OPAQUE, key: OPAQUE, glued });
      glued = true;
      i++;
      continue;
    }
    // A surrogate (half of an astral character, or a lone one) is read as a whole code point.
    const first = cls === undefined ? charAt(text, i) : text[i];
    if (cls === undefined ? WORD.test(first) : cls.word) {
      WORD_RUN.lastIndex = i;
      const runEnd = WORD_RUN.exec(text) ? WORD_RUN.lastIndex : i + first.length;
      const limit = r < opaqueRanges.length ? opaqueRanges[r][0] : n;
      const j = Math.max(i + first.length, Math.min(runEnd, limit));
      const word = text.slice(i, j);
      tokens.push({ kind: 'word', start: i, end: j, text: word, key: word.toLowerCase(), glued });
      i = j;
    } else {
      tokens.push({ kind: 'punct', start: i, end: i + first.length, text: first, key: cls === undefined ? foldKey(first) : cls.key, glued });
      i += first.length;
    }
    glued = true;
  }
  return tokens;
}

/** What tokenize needs to know of a character outside ASCII that is not a surrogate. */
interface CharClass {
  /** WORD.test of the character. */
  word: boolean;
  /** foldKey of the character (read only when it is not a word character). */
  key: string;
}

const SPACE_CLASS: CharClass = { word: false, key: ' ' };

/**
 * The class of each non-ASCII, non-surrogate UTF-16 code unit seen so far: SPACE_CLASS when SPACE.test
 * holds of it, else its WORD.test and foldKey. All three depend on the character alone, so computing them
 * once per character is exact; at most 63,488 entries, a few hundred in practice.
 */
const nonAsciiClasses = new Map<number, CharClass>();

function nonAsciiClass(code: number): CharClass {
  let cls = nonAsciiClasses.get(code);
  if (cls === undefined) {
    const ch = String.fromCharCode(code);
    cls = SPACE.test(ch) ? SPACE_CLASS : { word: WORD.test(ch), key: foldKey(ch) };
    nonAsciiClasses.set(code, cls);
  }
  return cls;
}

/** The whole code point at `i` (one or two UTF-16 units), or '' past the end. */
function charAt(text: string, i: number): string {
  const cp = text.codePointAt(i);
  return cp === undefined ? '' : String.fromCodePoint(cp);
}

/** The matching keys of a brand form, e.g. "Lumora Pulse" → ["lumora", " pulse"]. */
export function formKeys(form: string): string[] {
  return tokenize(form, []).map((t, i) => (i === 0 || t.glued ? t.key : ' ' + t.key));
}
