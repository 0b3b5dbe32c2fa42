/**
 * The subject of a figure that no approved claim covers: the noun phrase right after it ("2,500+
 * customers", "about 3,000 vendor invoices", "$30 billion in vendor payments", "99.9% uptime"). It is
 * what `claim.cross-doc` groups figures by when the brand file has no claim for them, so it errs towards
 * no subject: a figure whose subject is unclear is never compared.
 */
import type { Figure } from '../claims/numbers';

/** Words that end a noun phrase, or show that the figure is not a count of the following noun. */
const STOP = new Set(
  [
    'a an the this that these those its their our your his her my',
    'of in on at by for from to with without into onto over under across per than as via about around between among through within',
    'and or but nor so yet',
    'is are was were be been being am has have had do does did will would can could may might must shall should',
    'use uses used using trust trusts trusted rely relies run runs pay pays paid process processes processed serve serves served',
    'choose chooses chose join joins joined get gets got make makes made save saves saved',
    'more less fewer faster slower better worse higher lower greater bigger smaller cheaper off discount',
    'times percent per cent x',
    'who which that where when what',
  ]
    .join(' ')
    .split(' '),
);

/** Modifiers that make a figure an increment or a part, not a total: "12 new dashboards", "3 other teams". */
const PARTIAL = new Set(['new', 'additional', 'extra', 'further', 'other', 'more', 'first', 'last', 'next', 'top', 'own']);

/** Spans of time and repetition are not subjects a brand states once: "in 3 days", "5 years". */
const DURATION = /^(?:seconds?|minutes?|hours?|days?|nights?|weeks?|months?|quarters?|years?|decades?|times?|steps?|clicks?)$/;

const WORD = /^\s([\p{L}][\p{L}'’-]*)/u;

/**
 * The normalised subject of `figure` in `text` (block text), or undefined. Counts need a plural noun
 * within three words ("14 stores", "2,500 paying customers"); money and percentages take up to two
 * words ("$30 billion in vendor payments" → "vendor payments", "99.9% uptime" → "uptime").
 */
export function figureSubject(text: string, figure: Figure): string | undefined {
  if (figure.unit !== 'count' && figure.unit !== 'money' && figure.unit !== 'percent') return undefined;
  let at = figure.end;
  if (figure.unit === 'money') {
    const link = /^\s+(?:in|of)\b/i.exec(text.slice(at));
    if (link) at += link[0].length;
  }
  const words: string[] = [];
  for (let i = 0; i < 3; i++) {
    const m = WORD.exec(text.slice(at, at + 60));
    if (!m) break;
    const word = m[1].toLowerCase().replace(/['’]s$/, '');
    if (STOP.has(word)) break;
    words.push(word);
    at += m[0].length;
  }
  if (words.length === 0 || words.some((w) => PARTIAL.has(w))) return undefined;
  let phrase: string[];
  if (figure.unit === 'count') {
    const head = words.findIndex(isPlural);
    if (head < 0) return undefined;
    phrase = words.slice(0, head + 1);
  } else {
    phrase = words.slice(0, 2);
  }
  if (DURATION.test(phrase[phrase.length - 1])) return undefined;
  return phrase.join(' ').replace(/-/g, ' ');
}

function isPlural(word: string): boolean {
  if (word === 'people' || word === 'staff') return true;
  return word.length > 3 && /s$/.test(word) && !/(?:ss|us|is)$/.test(word);
}
