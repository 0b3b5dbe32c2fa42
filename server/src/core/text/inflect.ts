/**
 * The few English inflections the checks need: the plural of a form's last word, and "a" vs "an".
 * Deliberately small: forms that already look plural are left alone rather than guessed at.
 */

/** "monitoring tool" → "monitoring tools", "proxy" → "proxies"; forms ending in s are returned as they are. */
export function pluralize(form: string): string {
  const m = /(?<!\p{L})(\p{L}+)$/u.exec(form);
  if (!m) return form;
  const word = m[1];
  const head = form.slice(0, m.index);
  if (/s$/i.test(word)) return form;
  const upper = word === word.toUpperCase() && word.length > 1;
  let plural: string;
  if (/(x|z|ch|sh)$/i.test(word)) plural = word + 'es';
  else if (/[^aeiou]y$/i.test(word)) plural = word.slice(0, -1) + 'ies';
  else plural = word + 's';
  return head + (upper ? plural.toUpperCase() : plural);
}

/** Words whose first letter is a vowel but whose sound is not, and the reverse. */
const CONSONANT_SOUND = /^(?:one|once|uni(?!n)|use|usu|user|uti|euro|eu|ubiq|ure)/i;
const VOWEL_SOUND = /^(?:hour|honest|honou?r|heir)/i;
/** Initialisms read letter by letter: "an SRE", "an MTTR", "a UX". */
const VOWEL_LETTER_INITIAL = /^[AEFHILMNORSX][A-Z0-9]*\b/;

/** The indefinite article for `word`. */
export function articleFor(word: string): 'a' | 'an' {
  if (VOWEL_SOUND.test(word)) return 'an';
  if (/^[A-Z]{2,}/.test(word)) return VOWEL_LETTER_INITIAL.test(word) ? 'an' : 'a';
  if (CONSONANT_SOUND.test(word)) return 'a';
  return /^[aeiou]/i.test(word) ? 'an' : 'a';
}

/** Applies the capitalisation of `surface`'s first letter to `replacement`. */
export function matchInitialCase(surface: string, replacement: string): string {
  if (!replacement) return replacement;
  const first = surface.charAt(0);
  if (first && first === first.toUpperCase() && first !== first.toLowerCase()) {
    return replacement.charAt(0).toUpperCase() + replacement.slice(1);
  }
  return replacement;
}
