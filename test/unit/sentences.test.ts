import * as assert from 'node:assert/strict';
import { splitSentences } from '../../server/src/core/text/sentences';

const split = (text: string): string[] => splitSentences(text).map((s) => text.slice(s.start, s.end));

suite('sentences', () => {
  test('splits at sentence ends', () => {
    assert.deepEqual(split('Pulse is fast. It is also cheap! Try it?'), ['Pulse is fast.', 'It is also cheap!', 'Try it?']);
  });

  test('abbreviations, initials and "No. 1" do not end a sentence', () => {
    assert.deepEqual(split('Lumora Systems Inc. today announced it. On Sept. 16 J. Smith said it is No. 1 at 10 a.m. Then it ended.'), [
      'Lumora Systems Inc. today announced it.',
      'On Sept. 16 J. Smith said it is No. 1 at 10 a.m. Then it ended.',
    ]);
  });

  test('closing quotes stay with their sentence', () => {
    assert.deepEqual(split('“It works.” Okafor said so.'), ['“It works.”', 'Okafor said so.']);
  });
});
