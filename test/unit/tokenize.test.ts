import * as assert from 'node:assert/strict';
import { formKeys, machineTextRanges, OPAQUE, tokenize } from '../../server/src/core/text/tokenize';

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
});
