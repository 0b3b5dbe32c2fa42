import * as assert from 'node:assert/strict';
import { isVerbatim, parseProse, sourceEnd, sourceStart } from '../../server/src/core/markdown/prose';
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
});
