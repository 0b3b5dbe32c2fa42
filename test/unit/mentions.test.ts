/**
 * The mention scan (context.ts) walks a copy of the match trie split by glue, in tables that compare keys
 * with === instead of hashing them, and folds a mention's white space only when it must. These hold it to the definitions it
 * restates: the trie walked key by key (`' ' + key` after a space), and `slice(start, end).replace(/\s+/g, ' ')`.
 */
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import type { Brand } from '../../server/src/core/brand/model';
import { analyse, contextFor, surfaceOf, type FormHit, type Mention } from '../../server/src/core/context';
import type { MatchIndex, TrieNode } from '../../server/src/core/match/index-builder';
import { parseProse } from '../../server/src/core/markdown/prose';
import { formKeys, tokenize, type Token } from '../../server/src/core/text/tokenize';

const PIECES = ['Lumora', 'lumora', 'Pulse', 'pulse', 'LUMORA', 'the', 'only', 'No', '1', '.', '-', '‑', "'", '’', 's', '#', 'best', 'in', 'x', 'é', 'Émile', '😀', 'a.example', '`code`', '{{x}}'];
const GLUE = [' ', '', '  ', '\n', '\u00a0', ' \t'];

const text = fc
  .array(fc.tuple(fc.constantFrom(...PIECES), fc.constantFrom(...GLUE)), { maxLength: 30 })
  .map((parts) => parts.map(([p, g]) => p + g).join(''));
const form = fc.array(fc.tuple(fc.constantFrom(...PIECES), fc.constantFrom(' ', '')), { minLength: 1, maxLength: 4 }).map((parts) => parts.map(([p, g]) => p + g).join('').trim());

function indexOf(forms: string[]): MatchIndex {
  const root: TrieNode = { children: new Map(), roles: [] };
  for (const f of forms) {
    let node = root;
    for (const key of formKeys(f)) {
      let next = node.children.get(key);
      if (!next) node.children.set(key, (next = { children: new Map(), roles: [] }));
      node = next;
    }
    node.roles.push({ kind: 'exception', text: f });
  }
  return { root, regexPhrases: [] };
}

/** The scan as first written: the trie itself, a new `' ' + key` per step, the surface by replace. */
function mentionsByDefinition(tokens: Token[], blockText: string, block: number, root: TrieNode): Mention[] {
  const out: Mention[] = [];
  let i = 0;
  while (i < tokens.length) {
    let node = root.children.get(tokens[i].key);
    let best = -1;
    let bestNode: TrieNode | undefined;
    for (let j = i; node; ) {
      if (node.roles.length > 0) {
        best = j;
        bestNode = node;
      }
      j++;
      if (j >= tokens.length) break;
      node = node.children.get(tokens[j].glued ? tokens[j].key : ' ' + tokens[j].key);
    }
    const prev = tokens[i - 1];
    const startsWord = !(tokens[i].glued && prev && prev.kind === 'punct' && prev.key === "'" && tokens[i - 2]?.kind === 'word');
    if (bestNode && startsWord) {
      const start = tokens[i].start;
      const end = tokens[best].end;
      out.push({ block, first: i, last: best, start, end, surface: blockText.slice(start, end).replace(/\s+/g, ' '), roles: bestNode.roles });
      i = best + 1;
    } else i++;
  }
  return out;
}

function formsByDefinition(tokens: Token[], root: TrieNode, start: number, end: number): FormHit[] {
  const hits: FormHit[] = [];
  for (let i = 0; i < tokens.length && tokens[i].start < end; i++) {
    if (tokens[i].start < start) continue;
    let node = root.children.get(tokens[i].key);
    for (let j = i; node && tokens[j].end <= end; ) {
      for (const role of node.roles) hits.push({ role, start: tokens[i].start, end: tokens[j].end });
      j++;
      if (j >= tokens.length) break;
      node = node.children.get(tokens[j].glued ? tokens[j].key : ' ' + tokens[j].key);
    }
  }
  return hits;
}

const brand = { people: [] } as unknown as Brand;

suite('mentions', () => {
  test('the scan finds what a walk of the trie itself finds', () => {
    fc.assert(
      fc.property(fc.array(form, { minLength: 1, maxLength: 8 }), fc.array(text, { minLength: 1, maxLength: 3 }), fc.nat(), fc.nat(), (forms, paragraphs, a, b) => {
        const index = indexOf(forms);
        const doc = parseProse(paragraphs.join('\n\n'));
        const analysis = analyse(doc, brand, index, undefined, '2026-01-01');
        const expected = analysis.blocks.flatMap((ba, i) => mentionsByDefinition(ba.tokens, ba.block.text, i, index.root));
        assert.deepEqual(analysis.mentions, expected);
        const ctx = contextFor(analysis, 'test', 'warning', []);
        analysis.blocks.forEach((ba, i) => {
          const n = ba.block.text.length + 1;
          const [start, end] = [a % n, b % n].sort((x, y) => x - y);
          assert.deepEqual(ctx.formsWithin(i, start, end), formsByDefinition(ba.tokens, index.root, start, end));
        });
      }),
      { numRuns: 1500, seed: 21 },
    );
  });

  test('a surface is its slice with white space folded to single spaces', () => {
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(), (s, a, b) => {
        const tokens = tokenize(s);
        fc.pre(tokens.length > 0);
        const [first, last] = [a % tokens.length, b % tokens.length].sort((x, y) => x - y);
        assert.equal(surfaceOf(s, tokens, first, last), s.slice(tokens[first].start, tokens[last].end).replace(/\s+/g, ' '));
      }),
      { numRuns: 4000, seed: 22 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), fc.nat(), fc.nat(), (s, a, b) => {
        const tokens = tokenize(s);
        fc.pre(tokens.length > 0);
        const [first, last] = [a % tokens.length, b % tokens.length].sort((x, y) => x - y);
        assert.equal(surfaceOf(s, tokens, first, last), s.slice(tokens[first].start, tokens[last].end).replace(/\s+/g, ' '));
      }),
      { numRuns: 2000, seed: 23 },
    );
  });
});
