// Brand files of any size for the brand-file growth bench: PostHog's real file (test/fixtures/brand),
// cut or grown to `n` names and terms. Grown entries look like a large company's catalogue: product
// names (a coined word and a common noun, "Zentrix Ledger") with a run-together forbidden variant, and
// terms whose deprecated form is a hyphenated pair of words from the corpus ("data-warehouse" for
// "data warehouse"); every entry has a flag and an ok example, as PostHog's do.
import * as fs from 'node:fs';
import { parse, stringify } from 'yaml';
import { POSTHOG_BRAND } from './lib.mjs';
import { corpusTexts } from './corpus.mjs';

const SYLLABLES = ['zen', 'trix', 'qua', 'lor', 'vex', 'nim', 'bus', 'kai', 'dro', 'phy', 'lum', 'ora', 'sy', 'nth', 'ax', 'iom', 'cor', 'tal', 'yx', 'ven'];

function coined(i) {
  let s = '';
  let k = i + 7;
  for (let j = 0; j < 3; j++) {
    s += SYLLABLES[k % SYLLABLES.length];
    k = Math.floor(k / SYLLABLES.length) + j * 3 + 1;
  }
  return s[0].toUpperCase() + s.slice(1);
}

function vocabulary() {
  const counts = new Map();
  for (const { text } of corpusTexts()) for (const w of text.toLowerCase().match(/\b[a-z]{4,10}\b/g) ?? []) counts.set(w, (counts.get(w) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 2000).map(([w]) => w);
}

/** PostHog's brand file with exactly `n` names and terms (n >= 50). */
export function brandWith(n) {
  const base = parse(fs.readFileSync(POSTHOG_BRAND, 'utf8'));
  const names = base.names ?? [];
  const terms = base.terms ?? [];
  const keepTerms = Math.max(0, Math.min(terms.length, n - names.length));
  const out = { ...base, names: [...names], terms: terms.slice(0, keepTerms) };
  let missing = n - out.names.length - out.terms.length;
  const vocab = vocabulary();
  const usedTerm = new Set(out.terms.map((t) => String(t.preferred).toLowerCase()));
  let i = 0;
  for (let g = 0; missing > 0; g++) {
    if (g % 2 === 0) {
      const noun = vocab[(g * 7) % vocab.length];
      const name = `${coined(g)} ${noun[0].toUpperCase()}${noun.slice(1)}`;
      out.names.push({
        id: `gen-name-${g}`,
        name,
        kind: 'product',
        mark: 'none',
        forbidden_variants: [name.replace(' ', '')],
        reason: 'Generated for the brand-file growth bench.',
        examples: { flag: [`Try ${name.replace(' ', '')} today.`], ok: [`Try ${name} today.`] },
      });
    } else {
      let a;
      let b;
      do {
        a = vocab[i % vocab.length];
        b = vocab[(Math.floor(i / vocab.length) * 37 + i * 11 + 3) % vocab.length];
        i++;
      } while (a === b || usedTerm.has(`${a} ${b}`));
      usedTerm.add(`${a} ${b}`);
      out.terms.push({
        id: `gen-term-${g}`,
        preferred: `${a} ${b}`,
        deprecated: [`${a}-${b}`],
        inflections: 'none',
        reason: 'Generated for the brand-file growth bench.',
        examples: { flag: [`We wrote about ${a}-${b} last week.`], ok: [`We wrote about ${a} ${b} last week.`] },
      });
    }
    missing--;
  }
  return stringify(out, { lineWidth: 0 });
}
