/**
 * "Propose a claim for this figure" over the protocol: an unverified figure in copy offers an edit to the
 * brand file that adds a `status: proposed` claim, and the proposal does not approve the figure.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CodeActionRequest, DidOpenTextDocumentNotification, type CodeAction } from 'vscode-languageserver-protocol/node';
import { loadBrand } from '../../server/src/core/index';
import { Editor, applyEdit, uri } from './harness';

const BRAND = `version: 1
company: {name: Lumora}
names:
  - {id: pulse, name: Lumora Pulse, kind: product}
`;
const COPY = '# Launch\n\nLumora Pulse resolves incidents 3x faster.\n';

suite('lsp: propose a claim for an unverified figure', () => {
  let root: string;
  let editor: Editor;

  suiteSetup(async () => {
    root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'on-message-propose-')));
    fs.writeFileSync(path.join(root, 'brand-messaging.yaml'), BRAND);
    fs.mkdirSync(path.join(root, 'press'));
    fs.writeFileSync(path.join(root, 'press', 'launch.md'), COPY);
    editor = Editor.stdio();
    await editor.initialize([root]);
  });

  suiteTeardown(() => {
    editor.kill();
    fs.rmSync(root, { recursive: true, force: true });
  });

  test('the action adds a proposed claim to the brand file, which then loads cleanly', async () => {
    const docUri = uri(path.join(root, 'press', 'launch.md'));
    await editor.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: docUri, languageId: 'markdown', version: 1, text: COPY } });
    const diagnostics = await editor.diagnostics(docUri);
    const unverified = diagnostics.find((d) => d.code === 'claim.unverified');
    assert.ok(unverified, JSON.stringify(diagnostics));
    const actions = (await editor.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: docUri },
      range: unverified.range,
      context: { diagnostics: [unverified], only: ['quickfix'] },
    })) as CodeAction[];
    const propose = actions.find((a) => a.title === "Propose a claim for '3x'");
    assert.ok(propose?.edit, JSON.stringify(actions.map((a) => a.title)));
    const brandUri = uri(path.join(root, 'brand-messaging.yaml'));
    const change = propose.edit.documentChanges?.[0];
    assert.ok(change && 'textDocument' in change && change.textDocument.uri === brandUri);
    const after = applyEdit(BRAND, propose.edit);
    assert.ok(after.startsWith(BRAND));
    const loaded = loadBrand(after);
    assert.deepEqual(loaded.problems, []);
    assert.deepEqual(
      loaded.brand.claims.map((c) => ({ id: c.id, status: c.status, kind: c.kind, subject: c.subject, value: c.value, unit: c.unit })),
      [{ id: 'proposed-faster', status: 'proposed', kind: 'performance', subject: 'faster', value: 3, unit: 'x' }],
    );
    assert.match(after, /# proposed from press\/launch\.md:3;/);
  });
});
