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
const MACHINE_TEXT = new RegExp(
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
 * What every alternative of MACHINE_TEXT needs somewhere in the text: a ':' (a scheme), '@', '#', '{', '/',
 * "www." or a known top-level domain after a dot. Most paragraphs have none, and this test is several times
 * cheaper than the full expression, which irregexp tries at every position (a profile of the 5 KB press
 * release put MACHINE_TEXT at 1.6% of a check).
 */
const MACHINE_TEXT_HINT = /[:@#{/]|www\.|\.(?:com|org|net|io|ai|co|dev|app|example|cloud|tech|info|biz|gov|edu|me|sh|so|xyz|us|uk|de|fr|eu|ca|au|js)\b/u;

/** Offset ranges of machine text in `text`, sorted and disjoint. */
export function machineTextRanges(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  if (!MACHINE_TEXT_HINT.test(text)) return ranges;
  MACHINE_TEXT.lastIndex = 0;
  for (let m = MACHINE_TEXT.exec(text); m; m = MACHINE_TEXT.exec(text)) {
    let end = m.index + m[0].length;
    // Sentence punctuation after a URL belongs to the sentence, not to the URL.
    while (end > m.index + 1 && /[.,;:!?'"’”]/.test(text[end - 1])) end--;
    ranges.push([m.index, end]);
  }
  return ranges;
}

export function foldKey(s: string): string {
  return s.toLowerCase().replace(/[’‘`´]/g, "'").replace(/[‐‑‒–]/g, '-');
}

/**
 * Splits `text` into word, punctuation and opaque tokens. Machine text (see machineTextRanges) and the
 * OPAQUE character become single opaque tokens.
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
    const ch = text[i];
    const code = ch.charCodeAt(0);
    // ASCII first (most copy): the same answers as SPACE and WORD without a Unicode regex per character
    // (a profile of the 5 KB press release put tokenize at 4.5% of a check).
    if (code < 128 ? code === 32 || (code >= 9 && code <= 13) : SPACE.test(ch)) {
      glued = false;
      i++;
      continue;
    }
    if (ch === OPAQUE) {
      tokens.push({ kind: 'opaque', start: i, end: i + 1, text: ch, key: OPAQUE, glued });
      glued = true;
      i++;
      continue;
    }
    const limit = r < opaqueRanges.length ? opaqueRanges[r][0] : n;
    const first = code < 128 ? ch : charAt(text, i);
    if (code < 128 ? (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) : WORD.test(first)) {
      // The run of word characters from i (one regex step, not one test per character), up to the next
      // machine-text range. A word holds no apostrophe or dash, so its key is just its lower case.
      // An ASCII run is read by code, with no regex match: it ends the run at the first ASCII character that
      // is neither a letter nor a digit; a non-ASCII character (which may be a letter or a mark) hands the run
      // to WORD_RUN from i (the same end as before).
      let runEnd = i;
      let upper = false;
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
      if (runEnd === i || (runEnd < n && text.charCodeAt(runEnd) >= 128)) {
        ascii = false;
        WORD_RUN.lastIndex = i;
        runEnd = WORD_RUN.exec(text) ? WORD_RUN.lastIndex : i + first.length;
      }
      const j = Math.max(i + first.length, Math.min(runEnd, limit));
      const word = text.slice(i, j);
      // Lower-casing ASCII without a capital changes nothing.
      tokens.push({ kind: 'word', start: i, end: j, text: word, key: ascii && !upper ? word : word.toLowerCase(), glued });
      i = j;
    } else {
      const end = i + first.length;
      // ASCII punctuation folds to itself, but for the backtick.
      tokens.push({ kind: 'punct', start: i, end, text: first, key: code < 128 && code !== 96 ? first : foldKey(first), glued });
      i = end;
    }
    glued = true;
  }
  return tokens;
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
