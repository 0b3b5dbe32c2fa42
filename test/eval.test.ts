/**
 * The labelled evaluation set (test/eval: 21 documents of a fictional company, every rule planted at
 * least once, and more than a hundred traps) gates precision and recall per rule family: precision at
 * least 0.95 and recall at least 0.90, the targets of the claims issue. `npm run eval` prints the table.
 */
import * as assert from 'node:assert/strict';
import { evaluate } from './eval/run';

const PRECISION = 0.95;
const RECALL = 0.9;

suite('evaluation set', () => {
  const { result, brandProblems, failures } = evaluate();

  test('the evaluation brand file has no problems and no rule fails', () => {
    assert.deepEqual(brandProblems, []);
    assert.deepEqual(failures, []);
  });

  for (const [family, counts] of Object.entries(result.perFamily)) {
    test(`${family}: precision ≥ ${PRECISION} and recall ≥ ${RECALL}`, () => {
      assert.ok(counts.tp + counts.fn > 0, `${family} has labelled violations`);
      assert.ok((counts.precision ?? 0) >= PRECISION, `precision ${counts.precision} (unexpected: ${JSON.stringify(result.unexpected.filter((f) => f.rule.startsWith(family + '.')))})`);
      assert.ok((counts.recall ?? 0) >= RECALL, `recall ${counts.recall} (missed: ${JSON.stringify(result.missed.filter((v) => v.rule.startsWith(family + '.')))})`);
    });
  }
});
