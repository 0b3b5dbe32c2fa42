import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { BrandProblem, Finding } from '../../server/src/core/index';
import {
  brandEntryLocation,
  brandProblemToDiagnostic,
  findingsToHover,
  findingToDiagnostic,
  fixToTextEdit,
  ruleDocsHref,
  RULE_DOCS_BASE,
} from '../../server/src/lsp/convert';

const doc = TextDocument.create('file:///w/launch.md', 'markdown', 7, '# Launch\n\nTry 😀 LumoraPulse now.\n');
const brandDoc = TextDocument.create('file:///w/brand-messaging.yaml', 'brand-messaging', 0, 'version: 1\nnames:\n  - id: pulse\n    name: Lumora Pulse\n');
const brand = { uri: brandDoc.uri, document: brandDoc };

const finding: Finding = {
  rule: 'name.variant',
  severity: 'error',
  message: "Use 'Lumora Pulse' instead of 'LumoraPulse'.",
  start: 17,
  end: 28,
  fix: { title: "Replace with 'Lumora Pulse'", start: 17, end: 28, text: 'Lumora Pulse' },
  source: { label: 'names › pulse', start: 22, end: 54, owner: 'Comms', reference: 'Style guide §2' },
  entryId: 'pulse',
};

suite('lsp: convert', () => {
  test('rule documentation links are the README anchors, from one base', () => {
    assert.equal(RULE_DOCS_BASE, 'https://github.com/on-message/on-message');
    assert.equal(ruleDocsHref('phrase.needs-claim'), 'https://github.com/on-message/on-message#phraseneeds-claim');
  });

  test('a finding becomes a diagnostic with UTF-16 positions (an emoji counts two), its entry and its data', () => {
    assert.equal(doc.getText().slice(17, 28), 'LumoraPulse');
    assert.deepEqual(findingToDiagnostic(finding, doc, brand), {
      range: { start: { line: 2, character: 7 }, end: { line: 2, character: 18 } },
      severity: 1,
      code: 'name.variant',
      codeDescription: { href: 'https://github.com/on-message/on-message#namevariant' },
      source: 'on-message',
      message: "Use 'Lumora Pulse' instead of 'LumoraPulse'.",
      relatedInformation: [
        {
          location: { uri: 'file:///w/brand-messaging.yaml', range: { start: { line: 2, character: 4 }, end: { line: 3, character: 22 } } },
          message: 'Brand file entry: names › pulse',
        },
      ],
      data: { rule: 'name.variant', version: 7, fix: finding.fix },
    });
  });

  test('deprecated findings are tagged; severities map to LSP; no entry offsets, no related information', () => {
    const d = findingToDiagnostic({ ...finding, severity: 'info', deprecated: true, source: { label: 'names › pulse' }, fix: undefined }, doc, brand);
    assert.deepEqual(d.tags, [2]); // DiagnosticTag.Deprecated
    assert.equal(d.severity, 3);
    assert.equal(d.relatedInformation, undefined);
    assert.deepEqual(d.data, { rule: 'name.variant', version: 7 });
    assert.equal(findingToDiagnostic({ ...finding, severity: 'warning' }, doc).severity, 2);
    assert.equal(findingToDiagnostic(finding, doc).relatedInformation, undefined);
  });

  test('a brand problem becomes a diagnostic on the brand file', () => {
    const problem: BrandProblem = { code: 'brandfile.schema', severity: 'warning', message: 'Unknown key.', start: 11, end: 16 };
    assert.deepEqual(brandProblemToDiagnostic(problem, brandDoc), {
      range: { start: { line: 1, character: 0 }, end: { line: 1, character: 5 } },
      severity: 2,
      code: 'brandfile.schema',
      source: 'on-message',
      message: 'Unknown key.',
    });
  });

  test('fixes become text edits; entries become locations', () => {
    assert.deepEqual(fixToTextEdit(finding.fix!, doc), { range: { start: { line: 2, character: 7 }, end: { line: 2, character: 18 } }, newText: 'Lumora Pulse' });
    assert.deepEqual(brandEntryLocation(finding.source, brand)?.range.start, { line: 2, character: 4 });
    assert.equal(brandEntryLocation(finding.source, undefined), undefined);
  });

  test('a hover lists every finding at the position, escapes brand text, and shows claim details', () => {
    const claimFinding: Finding = { rule: 'phrase.needs-claim', severity: 'warning', message: 'Say *which* figure.', start: 17, end: 28, source: { label: 'claims › customers' }, entryId: 'customers' };
    const claim = { id: 'customers', value: 2000, unit: 'customers', qualifier: 'more-than', asOf: '2025-06-30', validUntil: '2025-12-31', source: 'CRM export' };
    const hover = findingsToHover([finding, claimFinding], doc, [claim as never]);
    assert.deepEqual(hover.range, { start: { line: 2, character: 7 }, end: { line: 2, character: 18 } });
    assert.deepEqual(hover.contents, {
      kind: 'markdown',
      value: [
        '**On Message** · `name.variant` · error',
        "Use 'Lumora Pulse' instead of 'LumoraPulse'.",
        "Fix: Replace with 'Lumora Pulse'",
        'Brand file: names › pulse · owner: Comms · source: Style guide §2',
        '[Rule documentation](https://github.com/on-message/on-message#namevariant)',
        '---',
        '**On Message** · `phrase.needs-claim` · warning',
        'Say \\*which\\* figure.',
        'Brand file: claims › customers',
        'approved value: more-than 2000 customers · as of: 2025-06-30 · valid until: 2025-12-31 · source: CRM export',
        '[Rule documentation](https://github.com/on-message/on-message#phraseneeds-claim)',
      ].join('\n\n'),
    });
  });
});
