import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { type Segment, alignText, isBlank, isVerbatim, parseProse, readFrontMatter, readFrontMatterInFull, simpleFrontMatter, sourceEnd, sourceStart, textSegments } from '../../server/src/core/markdown/prose';
import { OPAQUE } from '../../server/src/core/text/tokenize';

suite('prose model', () => {
  test('checks see prose only', () => {
    const doc = parseProse([
      '---',
      'title: LumoraPulse in front matter',
      '---',
      '# Heading with `code`',
      '',
      'Text with [link text](https://x.example/LumoraPulse) and <https://auto.example> and <b>html</b>.',
      '',
      '```',
      'LumoraPulse in a fence',
      '```',
      '',
      '<!-- LumoraPulse in a comment -->',
      '',
      '| cell one | cell two |',
      '|---|---|',
      '| a | b |',
      '',
      '![LumoraPulse alt](x.png)',
    ].join('\n'));
    const texts = doc.blocks.map((b) => b.text);
    assert.deepEqual(texts, [
      `Heading with ${OPAQUE}`,
      `Text with link text and ${OPAQUE} and ${OPAQUE}html${OPAQUE}.`,
      'cell one',
      'cell two',
      'a',
      'b',
      OPAQUE,
    ].filter((t) => t !== OPAQUE));
    assert.equal(doc.frontMatter.title, 'LumoraPulse in front matter');
    assert.deepEqual(doc.comments.map((c) => c.body), ['LumoraPulse in a comment']);
    assert.ok(!texts.join(' ').includes('LumoraPulse'));
  });

  test('offsets map back through escapes, entities and blockquote markers', () => {
    const source = '> First line with \\*stars\\* &amp; more\n> second line ends here.';
    const doc = parseProse(source);
    const block = doc.blocks[0];
    for (const word of ['more', 'second', 'stars', 'here']) {
      const t = block.text.indexOf(word);
      assert.equal(source.slice(sourceStart(block, t), sourceEnd(block, t + word.length)), word);
      assert.ok(isVerbatim(block, t, t + word.length), `${word} is verbatim`);
    }
    assert.equal(doc.blockquotes.length, 1);
    assert.equal(block.blockquote, 0);
  });

  test('a span across emphasis is mapped but not verbatim, so no fix can eat the markup', () => {
    const source = 'Try **Lumora** Pulse now.';
    const block = parseProse(source).blocks[0];
    const t = block.text.indexOf('Lumora Pulse');
    assert.equal(source.slice(sourceStart(block, t), sourceEnd(block, t + 12)), 'Lumora** Pulse');
    assert.ok(!isVerbatim(block, t, t + 12));
  });

  test('MDX import lines are not prose', () => {
    const doc = parseProse("import Foo from './foo'\n\nReal text.");
    assert.deepEqual(doc.blocks.map((b) => b.text), ['Real text.']);
  });

  test('list items and link text are marked', () => {
    const block = parseProse('- see [the docs](https://x.example) now').blocks[0];
    assert.ok(block.inList);
    assert.deepEqual(block.links.map(([a, b]) => block.text.slice(a, b)), ['the docs']);
  });

  test('CRLF line endings keep exact offsets', () => {
    const source = 'One line here\r\nand another line.';
    const block = parseProse(source).blocks[0];
    const t = block.text.indexOf('another');
    assert.equal(source.slice(sourceStart(block, t), sourceEnd(block, t + 7)), 'another');
  });

  test('front matter of simple lines reads as the yaml library reads it', () => {
    // The short road (simpleFrontMatter) must equal the library wherever it answers; elsewhere it declines.
    const key = fc.oneof(
      { arbitrary: fc.constantFrom('channel', 'date', 'title', 'a', 'A_b-c', 'subject', 'x1', 'on', 'yes'), weight: 4 },
      fc.constantFrom('true', 'null', 'False', '__proto__', 'constructor', '1x', '<<', '-a', 'a b'),
    );
    const value = fc.array(
      fc.constantFrom('press', '-', 'release', ' ', '  ', '2026-03-10', '2026', '-03', '12', '1', '0x1', '.', '.5', 'e3', ',', '_', '/', "'", '"', '(', ')', ':', ': ', '#', ' #', '|', '>', '[', ']', '{', '}', '%', '@', '`', '?', '~', 'null', 'Null', 'NULL', 'true', 'TRUE', 'False', 'yes', 'No', 'inf', '.inf', 'NaN', 'é', '\t', '\r', 'Ü'),
      { maxLength: 8 },
    ).map((p) => p.join(''));
    const simple = fc.array(fc.constantFrom('press', 'Release', 'press', ' ', '-', '2026-03-10', '12', '.', ',', '_', '/', "'", '(', ')', 'null', 'true', 'é'), { minLength: 1, maxLength: 5 }).map((p) => p.join(''));
    const line = fc.tuple(key, fc.oneof({ arbitrary: fc.constant(': '), weight: 4 }, fc.constantFrom(':', ':  ', ':\t', ' :')), fc.oneof({ arbitrary: simple, weight: 3 }, value)).map(([k, sep, v]) => `${k}${sep}${v}`);
    const doc = fc.array(line, { maxLength: 4 }).chain((lines) => fc.constantFrom('\n', '\n', '\n', '\r\n').map((nl) => lines.join(nl)));
    let answered = 0;
    fc.assert(
      fc.property(doc, (text) => {
        const full = readFrontMatterInFull(text);
        const short = simpleFrontMatter(text);
        if (short !== undefined) {
          answered++;
          assert.deepEqual(short, full);
          assert.equal(Object.getPrototypeOf(short), Object.prototype);
        }
        assert.deepEqual(readFrontMatter(text), full);
      }),
      { numRuns: 4000, seed: 6 },
    );
    assert.ok(answered > 100, `the short road answered ${answered} times`);
    assert.deepEqual(parseProse('---\nchannel: press-release\ndate: 2026-03-10\n---\n\nText.\n').frontMatter, { channel: 'press-release', date: '2026-03-10' });
  });

  test('a text node that is its source verbatim is aligned as reading it character by character aligns it', () => {
    // textSegments' one comparison must give alignText's segments, whether or not it applies: values equal
    // to their source, and values that differ from it by an escape, an entity, a U+0000, a marker or a cut.
    const piece = fc.constantFrom('a', 'Z', ' ', '\n', '> ', '  ', '\\', '*', '&', '&amp;', '&#39;', 'amp;', '\0', '\ufffd', 'é', '’', '😀', '\ud835');
    const text = fc.array(piece, { maxLength: 12 }).map((p) => p.join(''));
    const change = fc.constantFrom('none', 'none', 'none', 'drop', 'replace', 'insert');
    const node = fc.tuple(text, text, text, change, fc.nat(20), fc.integer({ min: -3, max: 3 }), fc.nat(40)).map(([before, value, after, how, at, stretch, base]) => {
      const src = `${before}${value}${after}`;
      const start = before.length;
      const end = Math.max(start, Math.min(src.length + 2, start + value.length + stretch));
      const k = value.length === 0 ? 0 : at % value.length;
      const written = how === 'drop' ? value.slice(0, k) + value.slice(k + 1) : how === 'replace' ? `${value.slice(0, k)}&${value.slice(k + 1)}` : how === 'insert' ? `${value.slice(0, k)}x${value.slice(k)}` : value;
      return { src, value: written, r: { start, end }, base };
    });
    let verbatim = 0;
    fc.assert(
      fc.property(node, ({ src, value, r, base }) => {
        const fast: Segment[] = [];
        const full: Segment[] = [];
        textSegments(value, src, r, base, fast);
        alignText(value, src, r, base, full);
        assert.deepEqual(fast, full);
        if (value !== '' && src.slice(r.start, r.end) === value) verbatim++;
      }),
      { numRuns: 5000, seed: 41 },
    );
    assert.ok(verbatim > 300, `verbatim values: ${verbatim}`);
  });

  test('isBlank is splitting out OPAQUE and trimming', () => {
    const reference = (s: string) => s.split(OPAQUE).join('').trim() === '';
    for (let u = 0; u <= 0xffff; u++) {
      const c = String.fromCharCode(u);
      for (const s of [c, ` ${c}${OPAQUE}`, `${OPAQUE}${c}\n`]) assert.equal(isBlank(s), reference(s), `U+${u.toString(16)}`);
    }
    const text = fc.array(fc.constantFrom(' ', '\n', '\t', '\u00a0', '\u3000', '\ufeff', '\u200b', OPAQUE, 'a', '\ud835', '😀'), { maxLength: 8 }).map((p) => p.join(''));
    fc.assert(fc.property(text, (s) => assert.equal(isBlank(s), reference(s))), { numRuns: 3000, seed: 42 });
  });
});
