/**
 * Quotations and who said them. A quotation attributed to someone who is not in the brand file's
 * `people` is a third-party quote: the brand does not put words in a customer's mouth, so terms and
 * phrases may ignore it (`ignore_in: [third_party_quote]`). Names are still checked there.
 */
import type { ProseDocument } from './prose';

export interface Quote {
  block: number;
  /** Text offsets of the quoted words, quotation marks included. */
  start: number;
  end: number;
  /** The attribution as written ("Jane Doe", "Lumora CFO Daniel Reyes"), when one was found. */
  speaker?: string;
  /** Text offsets of `speaker` in the block that holds the attribution. */
  speakerBlock?: number;
  speakerStart?: number;
  speakerEnd?: number;
  /** The attribution verb, lower-cased ("said", "says", "according to"). */
  verb?: string;
  thirdParty: boolean;
}

const VERBS = String.raw`said|says|added|adds|explained|explains|noted|notes|continued|continues|wrote|writes|commented|comments|stated|states|shared|shares|recalled|recalls|told`;
const NAME = String.raw`[\p{Lu}][\p{L}\p{M}'’.-]*(?:\s+(?:[\p{Lu}][\p{L}\p{M}'’.-]*|of|and|at|de|van|von))*`;
const AFTER_VERB_FIRST = new RegExp(String.raw`^[\s,]*(?:[—–-]{1,2}\s*)?(${VERBS}|according to)\s+(${NAME})`, 'u');
const AFTER_NAME_FIRST = new RegExp(String.raw`^[\s,]*(?:[—–-]{1,2}\s*)?(${NAME})\s+(${VERBS})\b`, 'u');
const AFTER_PRONOUN = new RegExp(String.raw`^[\s,]*(?:(?:he|she|they)\s+(?:${VERBS})|(?:${VERBS})\s+(?:he|she|they))\b`, 'iu');
const BEFORE = new RegExp(String.raw`(${NAME})\s+(${VERBS})[,:]?\s*$`, 'u');
/**
 * What BEFORE needs at the very end (white space trimmed): a verb. Tested on the last few characters, it
 * spares the search for a name at every capital of the 1,000 characters before a quotation, most of
 * which end in no verb (a profile of the 5 KB press release put findQuotes at 2% of a check).
 */
const BEFORE_END = new RegExp(String.raw`(?:${VERBS})[,:]?$`, 'u');
const ACCORDING_BEFORE = new RegExp(String.raw`according to\s+(${NAME})[,:]?\s*$`, 'iu');
/** What ACCORDING_BEFORE holds, with the same flags. */
const ACCORDING_HINT = /according to/iu;
const DASH_ATTRIBUTION = new RegExp(String.raw`^\s*(?:[—–]|--?)\s*(${NAME})`, 'u');

/**
 * Quotation marks that open and close; straight double quotes alternate. An opening “ closes only at ”
 * (a " inside it is not a mark), an opening " only at the next ". A quote left open runs to the end of
 * the paragraph (press-release multi-paragraph quotes).
 *
 * Jumps from mark to mark with indexOf rather than reading every character: block text is built by
 * concatenation (prose.ts), and a character read from such a string costs far more than indexOf's scan: on
 * the 5 KB press release findQuotes was a quarter of analyse() (117 µs of 480), most of it this loop, and
 * 70 µs after. The per-character loop is kept in test/unit/quotes.test.ts as the definition, held equal by a
 * property test.
 */
export function quoteSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  // The next “ and the next " at or after `from`, each searched again only once passed.
  let curly = text.indexOf('“');
  let straight = text.indexOf('"');
  let from = 0;
  for (;;) {
    if (curly >= 0 && curly < from) curly = text.indexOf('“', from);
    if (straight >= 0 && straight < from) straight = text.indexOf('"', from);
    const open = curly < 0 ? straight : straight < 0 ? curly : Math.min(curly, straight);
    if (open < 0) return spans;
    const close = text.indexOf(open === curly ? '”' : '"', open + 1);
    if (close < 0) {
      spans.push([open, text.length]);
      return spans;
    }
    spans.push([open, close + 1]);
    from = close + 1;
  }
}

/**
 * Finds quotations in every block and blockquote. `isOurs` says whether an attribution names one of the
 * brand's people.
 */
export function findQuotes(doc: ProseDocument, isOurs: (speaker: string) => boolean): Quote[] {
  const quotes: Quote[] = [];
  let lastSpeaker: Pick<Quote, 'speaker' | 'thirdParty'> | undefined;
  let lastQuoteBlock = -1;
  doc.blocks.forEach((block, b) => {
    for (const [start, end] of quoteSpans(block.text)) {
      const quote: Quote = { block: b, start, end, thirdParty: false };
      const after = block.text.slice(end);
      // An attribution before a quotation ("Jane Doe, CEO of Lumora, said:") is a few words: look back at most
      // 1,000 characters, so that each quotation costs its neighbourhood, not the block before it (issue 7).
      const from = Math.max(0, start - 1000);
      const before = block.text.slice(from, start);
      let m: RegExpExecArray | null;
      if ((m = AFTER_VERB_FIRST.exec(after))) setSpeaker(quote, b, end + m.index + m[0].length - m[2].length, m[2], m[1]);
      else if ((m = AFTER_NAME_FIRST.exec(after))) setSpeaker(quote, b, end + after.indexOf(m[1], 0), m[1], m[2]);
      else if (endsWithVerb(before) && (m = BEFORE.exec(before))) setSpeaker(quote, b, from + m.index, m[1], m[2]);
      else if (ACCORDING_HINT.test(before) && (m = ACCORDING_BEFORE.exec(before))) setSpeaker(quote, b, from + m.index + m[0].indexOf(m[1]), m[1], 'according to');
      else if (lastSpeaker && (AFTER_PRONOUN.test(after) || continuesQuote(block.text, start, b, lastQuoteBlock))) {
        // "…,” said Jane Doe. “More words.” — the same speaker goes on, in this paragraph or the next.
        quote.speaker = lastSpeaker.speaker;
        quote.verb = 'said';
      }
      if (quote.speaker) {
        quote.thirdParty = !isOurs(quote.speaker);
        lastSpeaker = quote;
      }
      lastQuoteBlock = b;
      quotes.push(quote);
    }
  });
  return quotes;
}

/** Whether `text`, trailing white space aside, ends in an attribution verb (and "," or ":"): see BEFORE_END. */
function endsWithVerb(text: string): boolean {
  const trimmed = text.trimEnd();
  return BEFORE_END.test(trimmed.slice(Math.max(0, trimmed.length - 12)));
}

/**
 * An unattributed quotation that continues the previous speaker: a second quotation in the same paragraph,
 * or a paragraph that opens with a quotation right after a paragraph that quoted someone.
 */
function continuesQuote(text: string, start: number, block: number, lastQuoteBlock: number): boolean {
  if (lastQuoteBlock === block) return true;
  // Only white space before it: the first non-space is at or after `start` (found without copying the
  // text before the quotation, which would cost the block for every quotation in it; issue 7).
  if (lastQuoteBlock !== block - 1) return false;
  const first = /\S/.exec(text);
  return !first || first.index >= start;
}

function setSpeaker(quote: Quote, block: number, start: number, speaker: string, verb: string): void {
  const trimmed = speaker.replace(/(?<![\s,.])[\s,.]+$/, '');
  quote.speaker = trimmed;
  quote.speakerBlock = block;
  quote.speakerStart = start;
  quote.speakerEnd = start + trimmed.length;
  quote.verb = verb.toLowerCase();
}

/**
 * Whether each blockquote is a third-party quotation: attributed ("— Jane Doe, Acme") to someone
 * outside `people`, or not attributed at all (a blockquote quotes someone else by convention).
 */
export function blockquoteThirdParty(doc: ProseDocument, isOurs: (speaker: string) => boolean): boolean[] {
  return doc.blockquotes.map((bq) => {
    const inside = doc.blocks.filter((b) => b.start >= bq.start && b.end <= bq.end);
    const next = doc.blocks.find((b) => b.start >= bq.end);
    const candidates = [...inside.map((b) => b.text.split('\n')).flat(), ...(next ? [next.text] : [])];
    for (const line of candidates) {
      const m = DASH_ATTRIBUTION.exec(line);
      if (m) return !isOurs(m[1]);
    }
    return true;
  });
}
