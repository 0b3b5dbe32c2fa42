import * as assert from 'node:assert/strict';
import { parseProse } from '../../server/src/core/markdown/prose';
import { isSuppressed, suppressions } from '../../server/src/core/markdown/suppress';

function regions(source: string) {
  return suppressions(source, parseProse(source).comments);
}

suite('suppression comments', () => {
  test('disable-next-line covers the next line only, for the named rules', () => {
    const source = 'a\n<!-- on-message-disable-next-line phrase.risky, term.deprecated -->\nnext line\nafter';
    const r = regions(source);
    const next = source.indexOf('next line');
    assert.ok(isSuppressed(r, 'phrase.risky', next));
    assert.ok(isSuppressed(r, 'term.deprecated', next));
    assert.ok(!isSuppressed(r, 'name.variant', next));
    assert.ok(!isSuppressed(r, 'phrase.risky', source.indexOf('after')));
  });

  test('disable … enable covers a region; no rule named means every rule', () => {
    const source = 'x\n<!-- on-message-disable -->\ninside\n<!-- on-message-enable -->\noutside';
    const r = regions(source);
    assert.ok(isSuppressed(r, 'anything', source.indexOf('inside')));
    assert.ok(!isSuppressed(r, 'anything', source.indexOf('outside')));
  });

  test('a region left open runs to the end; enabling one rule leaves the others off', () => {
    const source = '<!-- on-message-disable name.variant phrase.banned -->\none\n<!-- on-message-enable phrase.banned -->\ntwo';
    const r = regions(source);
    const two = source.indexOf('two');
    assert.ok(isSuppressed(r, 'name.variant', two));
    assert.ok(!isSuppressed(r, 'phrase.banned', two));
    assert.ok(isSuppressed(r, 'phrase.banned', source.indexOf('one')));
  });

  test('ordinary comments suppress nothing', () => {
    assert.deepEqual(regions('<!-- a note -->\ntext'), []);
  });
});
