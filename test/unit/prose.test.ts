import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { isVerbatim, parseProse, readFrontMatter, readFrontMatterInFull, simpleFrontMatter, sourceEnd, sourceStart } from '../../server/src/core/markdown/prose';
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
});
