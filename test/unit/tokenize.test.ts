import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { foldKey, formKeys, MACHINE_TEXT, machineTextRanges, OPAQUE, tokenize, type Token } from '../../server/src/core/text/tokenize';

/** The definition machineTextRanges restates: MACHINE_TEXT's matches, scanning from the start. */
function machineTextRangesByScan(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  const scan = new RegExp(MACHINE_TEXT.source, 'gu');
  for (let m = scan.exec(text); m; m = scan.exec(text)) {
    let end = m.index + m[0].length;
    while (end > m.index + 1 && /[.,;:!?'"’”]/.test(text[end - 1])) end--;
    ranges.push([m.index, end]);
  }
  return ranges;
}

/**
 * The definition tokenize restates with its ASCII fast paths and per-character classes: one Unicode test
 * per character, one run of word characters per word.
 */
function tokenizeByDefinition(text: string, opaqueRanges: Array<[number, number]> = machineTextRangesByScan(text)): Token[] {
  const tokens: Token[] = [];
  let r = 0;
  let i = 0;
  let glued = false;
  while (i < text.length) {
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
    if (/\s/u.test(ch)) {
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
    const first = String.fromCodePoint(text.codePointAt(i)!);
    if (/[\p{L}\p{M}\p{N}]/u.test(first)) {
      const run = /[\p{L}\p{M}\p{N}]+/uy;
      run.lastIndex = i;
      const runEnd = run.exec(text) ? run.lastIndex : i + first.length;
      const limit = r < opaqueRanges.length ? opaqueRanges[r][0] : text.length;
      const j = Math.max(i + first.length, Math.min(runEnd, limit));
      const word = text.slice(i, j);
      tokens.push({ kind: 'word', start: i, end: j, text: word, key: word.toLowerCase(), glued });
      i = j;
    } else {
      tokens.push({ kind: 'punct', start: i, end: i + first.length, text: first, key: foldKey(first), glued });
      i += first.length;
    }
    glued = true;
  }
  return tokens;
}

suite('tokenize', () => {
  test('words, punctuation and glue', () => {
    const tokens = tokenize('Lumora-Pulse and Lumora Pulse');
    assert.deepEqual(
      tokens.map((t) => [t.text, t.glued]),
      [['Lumora', false], ['-', true], ['Pulse', true], ['and', false], ['Lumora', false], ['Pulse', false]],
    );
  });

  test('form keys carry the glue, so "Lumora-Pulse" and "Lumora Pulse" differ', () => {
    assert.deepEqual(formKeys('Lumora Pulse'), ['lumora', ' pulse']);
    assert.deepEqual(formKeys('Lumora-Pulse'), ['lumora', '-', 'pulse']);
    assert.deepEqual(formKeys('No. 1'), ['no', '.', ' 1']);
  });

  test('typographic apostrophes and hyphens fold to ASCII keys', () => {
    assert.deepEqual(tokenize('Pulse’s on‑prem').map((t) => t.key), ['pulse', "'", 's', 'on', '-', 'prem']);
  });

  test('URLs, e-mail addresses, domains, paths, hashtags and handles are opaque', () => {
    const text = 'See https://x.example/LumoraPulse, lumora.example/pulse, press@lumora.example, #LumoraPulse @LumoraPulse and docs/LumoraPulse.md.';
    const opaque = tokenize(text).filter((t) => t.kind === 'opaque').map((t) => t.text);
    assert.deepEqual(opaque, ['https://x.example/LumoraPulse', 'lumora.example/pulse', 'press@lumora.example', '#LumoraPulse', '@LumoraPulse', 'docs/LumoraPulse.md']);
  });

  test('"#1" and a sentence-final period are not machine text', () => {
    assert.deepEqual(machineTextRanges('We are #1. Really.'), []);
    assert.deepEqual(machineTextRanges('Visit lumora.example.').map(([a, b]) => 'Visit lumora.example.'.slice(a, b)), ['lumora.example']);
  });

  test('emoji and astral letters stay whole', () => {
    const tokens = tokenize('Ship it 🚀 𝒜bc');
    assert.deepEqual(tokens.map((t) => t.text), ['Ship', 'it', '🚀', '𝒜bc']);
  });

  test('the OPAQUE stand-in is its own token', () => {
    assert.deepEqual(tokenize(`Run ${OPAQUE} now`).map((t) => t.kind), ['word', 'opaque', 'word']);
  });

  test('tokens are what one Unicode test per character makes of the text', () => {
    const piece = fc.constantFrom('a', 'Zq', '7', 'Lumora', ' ', '  ', '\t', '\n', '\u00a0', '\u2009', '\u3000', '.', ',', '-', '`', "'", '’', '‘', '´', '“', '”', '—', '–', '‑', '™', '®', 'é', 'É', 'e\u0301', 'Σ', 'İ', 'ß', 'Ⓐ', '日本', '٣', '😀', '𝒜', '\ud835', '\udc00', OPAQUE, 'https://x.example/a', 'a@b.example', '#tag', '{{x}}', 'docs/a.md', 'lumora.example');
    const check = (s: string): void => {
      assert.deepEqual(tokenize(s), tokenizeByDefinition(s));
      assert.deepEqual(tokenize(s, []), tokenizeByDefinition(s, []));
    };
    fc.assert(fc.property(fc.array(piece, { maxLength: 30 }).map((p) => p.join('')), check), { numRuns: 4000, seed: 31 });
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 40 }), check), { numRuns: 3000, seed: 32 });
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), check), { numRuns: 2000, seed: 33 });
  });

  test('every BMP character is classified as one Unicode test classifies it', () => {
    let text = '';
    for (let c = 0; c < 0x10000; c++) text += String.fromCharCode(c) + (c % 7 === 0 ? ' ' : 'a');
    assert.deepEqual(tokenize(text, []), tokenizeByDefinition(text, []));
  });

  test('machine text is what a scan with MACHINE_TEXT finds', () => {
    const piece = fc.constantFrom('a', 'Zq', '7', '_', ' ', '  ', '\n', '\u00a0', '.', ',', ':', '/', '//', '@', '#', '{', '}', '{{', '}}', '-', '+', '&', '<', '(', ')', '’', '”', '"', 'é', '😀', '\ud835', '\udc00',
      'http', 'https:', 'mailto:', 'ftp', 'www', 'www.', '.com', '.example', 'co', '.io', 'x.example', 'a@b', 'posthog#12', '#tag', 'docs/a.md', '../up', 'lumora');
    const check = (s: string): void => assert.deepEqual(machineTextRanges(s), machineTextRangesByScan(s));
    fc.assert(fc.property(fc.array(piece, { maxLength: 30 }).map((p) => p.join('')), check), { numRuns: 10000, seed: 34 });
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 40 }), check), { numRuns: 2000, seed: 35 });
    check('a:'.repeat(5000) + ' a/b ' + 'x.'.repeat(5000) + 'com');
  });
});
