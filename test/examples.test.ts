/**
 * The bundled examples against their answer key (test/fixtures/examples.expected.md): every planted
 * violation is found, once, with its rule on its line; nothing else in the examples is flagged, so every
 * trap in the key stays quiet; and the example brand file passes its own self-tests.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { check, lineStarts, loadBrand, offsetToLineColumn } from '../server/src/core/index';

const ROOT = path.resolve(__dirname, '..', '..');
const EXAMPLES = path.join(ROOT, 'examples');
const KEY = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'examples.expected.md'), 'utf8');

interface Row {
  file: string;
  line: number;
  column: number;
  text: string;
  rule?: string;
}

/** Rows of the key's tables: | V1 | `file` | line | col | text | `rule` | … and | T1 | `file` | line | col | text | why |. */
function rows(prefix: 'V' | 'T'): Row[] {
  const out: Row[] = [];
  for (const line of KEY.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    if (!new RegExp(`^${prefix}\\d+$`).test(cells[1] ?? '')) continue;
    const row: Row = { file: cells[2].replace(/`/g, ''), line: Number(cells[3]), column: Number(cells[4]), text: cells[5].replace(/^`+ ?| ?`+$/g, '') };
    if (prefix === 'V') row.rule = cells[6].replace(/`/g, '');
    out.push(row);
  }
  return out;
}

suite('examples', () => {
  const brand = loadBrand(fs.readFileSync(path.join(EXAMPLES, 'brand-messaging.yaml'), 'utf8'));
  const violations = rows('V');
  const traps = rows('T');
  const files = [...new Set([...violations, ...traps].map((r) => r.file))].sort();

  test('the brand file loads with no problems and its examples pass', () => {
    assert.ok(brand.usable);
    assert.deepEqual(brand.problems.map((p) => p.message), []);
  });

  test('the key lists 53 violations and 76 traps', () => {
    assert.equal(violations.length, 53);
    assert.equal(traps.length, 76);
  });

  for (const file of files) {
    test(`${file}: exactly the planted violations`, () => {
      const text = fs.readFileSync(path.join(EXAMPLES, file), 'utf8');
      const result = check(text, brand.brand, { path: file });
      const starts = lineStarts(text);
      const found = result.findings.map((f) => `${offsetToLineColumn(starts, f.start).line} ${f.rule}`).sort();
      const expected = violations.filter((v) => v.file === file).map((v) => `${v.line} ${v.rule}`).sort();
      assert.deepEqual(found, expected);
      for (const trap of traps.filter((t) => t.file === file)) {
        const lineText = text.split('\n')[trap.line - 1];
        assert.ok(lineText.includes(trap.text.replace(/^`|`$/g, '')), `trap text "${trap.text}" is on line ${trap.line}`);
      }
    });
  }
});
