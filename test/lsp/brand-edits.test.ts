import * as assert from 'node:assert/strict';
import { loadBrand } from '../../server/src/core/index';
import { allowVariant, type TextChange } from '../../server/src/lsp/brand-edits';

const apply = (text: string, change: TextChange | undefined): string => {
  assert.ok(change, 'expected an edit');
  return text.slice(0, change.start) + change.text + text.slice(change.end);
};

const FLOW = `version: 1
names:
  - id: pulse
    name: Lumora Pulse   # the product
    forbidden_variants: [LumoraPulse, "Lumora-Pulse", Lumora PULSE]   # reviewed 2025
  - id: other
    name: Other
    forbidden_variants: [LumoraPulse]
`;

const BLOCK = `version: 1
names:
  - id: pulse
    name: Lumora Pulse
    forbidden_variants:
      # the common ones
      - LumoraPulse     # seen in ads
      - Lumora-Pulse
    kind: product
`;

suite('lsp: brand file edits', () => {
  test('allowing a variant removes it from a flow list of the right entry, and nothing else changes', () => {
    assert.equal(
      apply(FLOW, allowVariant(FLOW, 'pulse', 'LumoraPulse')),
      FLOW.replace('[LumoraPulse, "Lumora-Pulse", Lumora PULSE]', '["Lumora-Pulse", Lumora PULSE]'),
    );
    assert.equal(apply(FLOW, allowVariant(FLOW, 'pulse', 'Lumora PULSE')), FLOW.replace(', Lumora PULSE]', ']'));
    assert.equal(apply(FLOW, allowVariant(FLOW, 'pulse', 'Lumora-Pulse')), FLOW.replace(' "Lumora-Pulse",', ''));
    assert.equal(apply(FLOW, allowVariant(FLOW, 'other', 'LumoraPulse')), FLOW.replace('    forbidden_variants: [LumoraPulse]\n', '    forbidden_variants: []\n'));
  });

  test('allowing a variant removes its line from a block list, keeping the comments around it', () => {
    assert.equal(apply(BLOCK, allowVariant(BLOCK, 'pulse', 'LumoraPulse')), BLOCK.replace('      - LumoraPulse     # seen in ads\n', ''));
    assert.equal(apply(BLOCK, allowVariant(BLOCK, 'pulse', 'Lumora-Pulse')), BLOCK.replace('      - Lumora-Pulse\n', ''));
  });

  test('the last block item leaves an empty list, and the file still loads', () => {
    const one = 'version: 1\nnames:\n  - id: pulse\n    name: Lumora Pulse\n    forbidden_variants:\n    - LumoraPulse\n    kind: product\n';
    const edited = apply(one, allowVariant(one, 'pulse', 'LumoraPulse'));
    assert.equal(edited, 'version: 1\nnames:\n  - id: pulse\n    name: Lumora Pulse\n    forbidden_variants: []\n    kind: product\n');
    assert.deepEqual(loadBrand(edited).problems, []);
  });

  test('the listed form is found ignoring case and spacing; unknown entries or forms give no edit', () => {
    assert.equal(apply(FLOW, allowVariant(FLOW, 'pulse', 'lumora pulse')), FLOW.replace(', Lumora PULSE]', ']'));
    assert.equal(allowVariant(FLOW, 'pulse', 'Pulsar'), undefined);
    assert.equal(allowVariant(FLOW, 'nope', 'LumoraPulse'), undefined);
    assert.equal(allowVariant('version: 1\n', 'pulse', 'LumoraPulse'), undefined);
    assert.equal(allowVariant(': : :\n  - [', 'pulse', 'LumoraPulse'), undefined);
  });
});
