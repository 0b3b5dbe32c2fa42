import * as assert from 'node:assert/strict';
import { loadBrand } from '../../server/src/core/index';
import { allowVariant, proposeClaim, type TextChange } from '../../server/src/lsp/brand-edits';

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

suite('brand file edits: propose a claim', () => {
  const WITH_CLAIMS = `version: 1
names:
  - {id: pulse, name: Lumora Pulse, kind: product}
claims:
    # Finance owns these.
    - id: customers
      kind: count
      subject: customers
      value: 4000
      qualifier: more-than   # board deck
voice: {}
`;

  function proposal(text: string): { brandAfter: string; findings: string[] } {
    const { check } = require('../../server/src/core/index') as typeof import('../../server/src/core/index');
    const before = loadBrand(WITH_CLAIMS);
    const [finding] = check(text, before.brand).findings;
    assert.equal(finding.rule, 'claim.unverified');
    assert.ok(finding.figure);
    const brandAfter = apply(WITH_CLAIMS, proposeClaim(WITH_CLAIMS, finding.figure, { where: 'press/launch.md:3' }));
    const after = loadBrand(brandAfter);
    assert.deepEqual(after.problems.map((p) => p.message), [], brandAfter);
    return { brandAfter, findings: check(text, after.brand).findings.map((f) => f.rule) };
  }

  test('appends a proposed claim after the last entry, in the list’s own indentation, keeping every other byte', () => {
    const { brandAfter, findings } = proposal('Pulse Copilot resolves incidents 3x faster with Lumora Pulse.');
    assert.ok(brandAfter.startsWith(WITH_CLAIMS.slice(0, WITH_CLAIMS.indexOf('voice:'))));
    assert.match(brandAfter, /\n {4}- id: proposed-faster\n {6}status: proposed {2,}# proposed from press\/launch\.md:3; an owner approves it as current\n {6}kind: performance\n {6}subject: "faster"\n {6}value: 3\n {6}unit: x\n {6}qualifier: exact\n/);
    assert.ok(brandAfter.endsWith('voice: {}\n'));
    assert.deepEqual(findings, ['claim.unverified'], 'a proposed claim is not approved: the figure stays flagged');
  });

  test('reads the subject of a percentage from its verb: "cuts cloud costs by 35%"', () => {
    const { brandAfter } = proposal('Lumora Pulse cuts cloud costs by 35%.');
    assert.match(brandAfter, /subject: "cloud costs"\n {6}value: 35\n {6}unit: percent/);
  });

  test('adds a claims section when the brand file has none, and fills an empty list', () => {
    const bare = 'version: 1\nnames:\n  - {id: pulse, name: Lumora Pulse, kind: product}';
    const figure = { text: '4,000+', value: 4000, unit: 'count' as const, qualifier: 'more-than' as const, kind: 'count' as const, subject: 'teams' };
    const added = apply(bare, proposeClaim(bare, figure, { where: 'a.md:1' }));
    assert.match(added, /\n\nclaims:\n {2}- id: proposed-teams\n/);
    assert.deepEqual(loadBrand(added).problems, []);
    const empty = 'version: 1\nclaims: []\n';
    const filled = apply(empty, proposeClaim(empty, figure, { where: 'a.md:1' }));
    assert.deepEqual(loadBrand(filled).brand.claims.map((c) => [c.id, c.status, c.value]), [['proposed-teams', 'proposed', 4000]]);
  });
});
