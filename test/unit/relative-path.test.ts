import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as fc from 'fast-check';
import { RelativeTo } from '../../server/src/cli/files';

/** The definition RelativeTo restates with its folders worked out once. */
function relativeByDefinition(from: string, file: string): string {
  return path.relative(from, file).split(path.sep).join('/');
}

const segment = fc.constantFrom('a', 'b', 'docs', '.', '..', '', 'é x', 'a.md', '.hidden');
const absolute = fc.array(segment, { maxLength: 5 }).map((parts) => path.sep + parts.join(path.sep));

suite('cli: relative paths', () => {
  test('RelativeTo.path equals path.relative with forward slashes, for resolved files', () => {
    fc.assert(
      fc.property(absolute, fc.array(fc.tuple(absolute, fc.array(segment, { maxLength: 3 })), { minLength: 1, maxLength: 8 }), (from, files) => {
        const relative = new RelativeTo(from);
        for (const [base, below] of files) {
          // Asked in turn, several files of one folder share its worked-out part.
          for (const file of [path.resolve(base, ...below), path.resolve(from, ...below), path.resolve(from, ...below, 'x.md')]) {
            assert.equal(relative.path(file), relativeByDefinition(from, file), `${from} → ${file}`);
          }
        }
      }),
      { numRuns: 2000 },
    );
  });

  test('files below, beside and above the folder', () => {
    const relative = new RelativeTo(path.resolve('/work/site'));
    assert.equal(relative.path(path.resolve('/work/site/blog/post.md')), 'blog/post.md');
    assert.equal(relative.path(path.resolve('/work/site/post.md')), 'post.md');
    assert.equal(relative.path(path.resolve('/work/other/post.md')), '../other/post.md');
    assert.equal(relative.path(path.resolve('/post.md')), '../../post.md');
  });
});
