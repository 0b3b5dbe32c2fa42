/**
 * Protocol tests: the real dist/server.js, spoken to over stdio exactly as an editor does. Each suite
 * builds its workspace in a temp folder; tests in a suite run in order against one server.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  CodeActionRequest,
  CodeActionResolveRequest,
  DefinitionRequest,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidChangeWorkspaceFoldersNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExecuteCommandRequest,
  FileChangeType,
  HoverRequest,
  type CodeAction,
  type Diagnostic,
  type Hover,
} from 'vscode-languageserver-protocol/node';
import { BASIC_BRAND } from './basic-protocol';
import { Editor, applyEdit, uri } from './harness';

const BRAND = `${BASIC_BRAND}people:
  - id: jane
    name: Jane Doe
    title: CEO
`;

const LAUNCH = `# Launch

Our clients love LumoraPulse.
  > Ask clients first.
`;

const STATUS = 'onMessage/status';
const REFRESH = 'workspace/diagnostic/refresh';
const APPLY_EDIT = 'workspace/applyEdit';

function tempWorkspace(files: Record<string, string>): string {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'on-message-lsp-')));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), text);
  }
  return root;
}

function open(editor: Editor, documentUri: string, text: string, languageId = 'markdown', version = 1): Promise<void> {
  return editor.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: documentUri, languageId, version, text } });
}

function byRule(diagnostics: Diagnostic[], rule: string): Diagnostic {
  const found = diagnostics.find((d) => d.code === rule);
  assert.ok(found, `no ${rule} diagnostic in ${JSON.stringify(diagnostics.map((d) => d.code))}`);
  return found;
}

suite('lsp: server over stdio', () => {
  let root: string;
  let editor: Editor;
  let brandUri: string;
  let docUri: string;
  let firstDiagnostics: Diagnostic[];

  suiteSetup(() => {
    root = tempWorkspace({ 'brand-messaging.yaml': BRAND, 'press/launch.md': LAUNCH });
    brandUri = uri(path.join(root, 'brand-messaging.yaml'));
    docUri = uri(path.join(root, 'press/launch.md'));
    editor = Editor.stdio();
  });

  suiteTeardown(() => {
    editor.kill();
    fs.rmSync(root, { recursive: true, force: true });
  });

  test('initialize declares pull diagnostics, incremental sync, code actions, hover and definition', async () => {
    const result = await editor.initialize([root]);
    assert.deepEqual(result.capabilities, {
      textDocumentSync: { openClose: true, change: 2, save: { includeText: false } },
      diagnosticProvider: { identifier: 'on-message', interFileDependencies: false, workspaceDiagnostics: true },
      codeActionProvider: { codeActionKinds: ['quickfix', 'source.fixAll.onMessage'], resolveProvider: true },
      hoverProvider: true,
      definitionProvider: true,
      executeCommandProvider: { commands: ['onMessage.server.fixAll'] },
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    });
    assert.equal(result.serverInfo?.name, 'on-message');
  });

  test('didOpen then a diagnostic pull returns the findings, with the brand entry as related information', async () => {
    await open(editor, docUri, LAUNCH);
    firstDiagnostics = await editor.diagnostics(docUri);
    assert.deepEqual(
      firstDiagnostics.map((d) => d.code),
      ['term.deprecated', 'name.variant', 'term.deprecated'],
    );
    assert.deepEqual(byRule(firstDiagnostics, 'name.variant'), {
      range: { start: { line: 2, character: 17 }, end: { line: 2, character: 28 } },
      severity: 1,
      code: 'name.variant',
      codeDescription: { href: 'https://github.com/on-message/on-message#namevariant' },
      source: 'on-message',
      message: "Use 'Lumora Pulse' instead of 'LumoraPulse': the brand file lists 'LumoraPulse' as a wrong form of this name.",
      relatedInformation: [
        {
          location: { uri: brandUri, range: { start: { line: 4, character: 4 }, end: { line: 9, character: 37 } } },
          message: 'Brand file entry: names › pulse',
        },
      ],
      data: {
        rule: 'name.variant',
        version: 1,
        fix: { title: "Replace with 'Lumora Pulse'", start: 27, end: 38, text: 'Lumora Pulse' },
      },
    });
  });

  test('each pull is followed by a status notification for the document', async () => {
    const status = await editor.inbox.take(STATUS, (p) => p.uri === docUri);
    assert.deepEqual(status, { uri: docUri, state: 'ok', brandFile: brandUri, brandProblems: 0, counts: { error: 1, warning: 2, info: 0 } });
  });

  test('hover on a flagged span explains it and names the brand entry and its owner', async () => {
    const hover: Hover | null = await editor.connection.sendRequest(HoverRequest.type, { textDocument: { uri: docUri }, position: { line: 2, character: 20 } });
    assert.ok(hover && typeof hover.contents === 'object' && 'kind' in hover.contents);
    assert.deepEqual(hover.range, { start: { line: 2, character: 17 }, end: { line: 2, character: 28 } });
    assert.equal(hover.contents.kind, 'markdown');
    assert.equal(
      hover.contents.value,
      [
        '**On Message** · `name.variant` · error',
        "Use 'Lumora Pulse' instead of 'LumoraPulse': the brand file lists 'LumoraPulse' as a wrong form of this name.",
        "Fix: Replace with 'Lumora Pulse'",
        'Brand file: names › pulse · owner: Corporate Communications',
        '[Rule documentation](https://github.com/on-message/on-message#namevariant)',
      ].join('\n\n'),
    );
  });

  test('hover outside any finding is null', async () => {
    const hover = await editor.connection.sendRequest(HoverRequest.type, { textDocument: { uri: docUri }, position: { line: 0, character: 2 } });
    assert.equal(hover, null);
  });

  test('go to definition from a flagged span lands on its brand file entry', async () => {
    const location = await editor.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri: docUri }, position: { line: 2, character: 6 } });
    assert.deepEqual(location, { uri: brandUri, range: { start: { line: 11, character: 4 }, end: { line: 14, character: 24 } } });
  });

  test('code actions: the quick fix (preferred), disable-for-line, allow-as-variant (edits the brand file), and fix-all resolved lazily', async () => {
    const variant = byRule(firstDiagnostics, 'name.variant');
    const actions = (await editor.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: docUri },
      range: variant.range,
      context: { diagnostics: [variant] },
    })) as CodeAction[];
    const versioned = (edits: unknown[]) => ({ documentChanges: [{ textDocument: { uri: docUri, version: 1 }, edits }] });
    assert.deepEqual(actions, [
      {
        title: "Replace with 'Lumora Pulse'",
        kind: 'quickfix',
        diagnostics: [variant],
        isPreferred: true,
        edit: versioned([{ range: variant.range, newText: 'Lumora Pulse' }]),
      },
      {
        title: 'Disable name.variant for this line',
        kind: 'quickfix',
        diagnostics: [variant],
        edit: versioned([{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, newText: '<!-- on-message-disable-next-line name.variant -->\n' }]),
      },
      {
        title: "Allow 'LumoraPulse' as a variant of 'Lumora Pulse'",
        kind: 'quickfix',
        diagnostics: [variant],
        edit: {
          // The brand file is not open in the editor: version null, the edit is for the file as it is on disk.
          documentChanges: [{ textDocument: { uri: brandUri, version: null }, edits: [{ range: { start: { line: 9, character: 25 }, end: { line: 9, character: 36 } }, newText: '' }] }],
        },
      },
      { title: 'Fix all On Message problems', kind: 'source.fixAll.onMessage', data: { uri: docUri, version: 1 } },
    ]);
    assert.equal(applyEdit(BRAND, actions[2].edit!), BRAND.replace('forbidden_variants: [LumoraPulse]', 'forbidden_variants: []'));
    const resolved = await editor.connection.sendRequest(CodeActionResolveRequest.type, actions[3]);
    assert.ok(resolved.edit);
    assert.equal(applyEdit(LAUNCH, resolved.edit), '# Launch\n\nOur customers love Lumora Pulse.\n  > Ask customers first.\n');
  });

  test('disable-for-line keeps the indentation and blockquote markers of the line', async () => {
    const quoted = firstDiagnostics[2];
    assert.equal(quoted.range.start.line, 3);
    const actions = (await editor.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: docUri },
      range: quoted.range,
      context: { diagnostics: [quoted], only: ['quickfix'] },
    })) as CodeAction[];
    const disable = actions.find((a) => a.title === 'Disable term.deprecated for this line');
    assert.ok(disable?.edit);
    assert.equal(applyEdit(LAUNCH, disable.edit), '# Launch\n\nOur clients love LumoraPulse.\n  > <!-- on-message-disable-next-line term.deprecated -->\n  > Ask clients first.\n');
  });

  test('the fix-all command applies every fix through workspace/applyEdit', async () => {
    const result = await editor.connection.sendRequest(ExecuteCommandRequest.type, { command: 'onMessage.server.fixAll', arguments: [{ uri: docUri, version: 1 }] });
    const request = await editor.inbox.take(APPLY_EDIT);
    assert.equal(request.label, 'Fix all On Message problems');
    assert.equal(applyEdit(LAUNCH, request.edit), '# Launch\n\nOur customers love Lumora Pulse.\n  > Ask customers first.\n');
    assert.deepEqual(result, { applied: true });
  });

  test('the fix-all command is refused for a stale version', async () => {
    const result = await editor.connection.sendRequest(ExecuteCommandRequest.type, { command: 'onMessage.server.fixAll', arguments: [{ uri: docUri, version: 0 }] });
    assert.deepEqual(result, { applied: false });
  });

  test('an incremental edit that removes a violation removes its diagnostic', async () => {
    // "clients" on line 2 → "customers"
    await editor.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: docUri, version: 2 },
      contentChanges: [{ range: { start: { line: 2, character: 4 }, end: { line: 2, character: 11 } }, text: 'customers' }],
    });
    const diagnostics = await editor.diagnostics(docUri);
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character, (d.data as { version: number }).version]),
      [
        ['name.variant', 2, 19, 2],
        ['term.deprecated', 3, 8, 2],
      ],
    );
  });

  test('code actions for diagnostics of an older version are refused', async () => {
    const stale = byRule(firstDiagnostics, 'name.variant');
    const actions = await editor.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: docUri },
      range: stale.range,
      context: { diagnostics: [stale], only: ['quickfix'] },
    });
    assert.deepEqual(actions, []);
    const resolved = await editor.connection.sendRequest(CodeActionResolveRequest.type, {
      title: 'Fix all On Message problems',
      kind: 'source.fixAll.onMessage',
      data: { uri: docUri, version: 1 },
    });
    assert.equal(resolved.edit, undefined);
  });

  test('a brand file change on disk asks the editor to pull again, and the new rules apply', async () => {
    editor.inbox.discard(REFRESH);
    fs.writeFileSync(path.join(root, 'brand-messaging.yaml'), BRAND.replace('deprecated: [clients]', 'deprecated: [clients, love]'));
    await editor.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: brandUri, type: FileChangeType.Changed }] });
    await editor.inbox.take(REFRESH);
    const diagnostics = await editor.diagnostics(docUri);
    assert.deepEqual(
      diagnostics.map((d) => d.message.split(':')[0]),
      ["Use 'customers' instead of 'love'", "Use 'Lumora Pulse' instead of 'LumoraPulse'", "Use 'customers' instead of 'clients'"],
    );
  });

  test('the open brand file gets its own problems as diagnostics, from the editor text', async () => {
    const failing = BRAND.replace('    reason: House style.\n', '    reason: House style.\n    examples:\n      flag: ["Our customers are happy."]\n');
    editor.inbox.discard(REFRESH);
    await open(editor, brandUri, failing, 'brand-messaging');
    await editor.inbox.take(REFRESH);
    const diagnostics = await editor.diagnostics(brandUri);
    assert.deepEqual(diagnostics, [
      {
        range: { start: { line: 16, character: 13 }, end: { line: 16, character: 39 } },
        severity: 1,
        code: 'brandfile.example',
        source: 'on-message',
        message: diagnostics[0]?.message,
      },
    ]);
    assert.match(diagnostics[0].message, /should be flagged by terms › customers/);
  });

  test('while the open brand file is unusable, its last good version stays in force and the status says so', async () => {
    editor.inbox.discard(REFRESH);
    editor.inbox.discard(STATUS);
    await editor.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: brandUri, version: 2 },
      contentChanges: [{ text: '- just\n- a list\n' }],
    });
    await editor.inbox.take(REFRESH);
    const brandDiagnostics = await editor.diagnostics(brandUri);
    assert.deepEqual(brandDiagnostics.map((d) => [d.code, d.severity]), [['brandfile.schema', 1]]);
    // The editor's last usable text (without 'love') is in force, not the disk's.
    const diagnostics = await editor.diagnostics(docUri);
    assert.deepEqual(diagnostics.map((d) => d.code), ['name.variant', 'term.deprecated']);
    const status = await editor.inbox.take(STATUS, (p) => p.uri === docUri);
    assert.equal(status.state, 'stale');
    assert.match(status.message, /^brand-messaging\.yaml cannot be used as it is \(.*\); its last good version is in force\.$/);
  });

  test('closing the brand file returns to the text on disk', async () => {
    editor.inbox.discard(REFRESH);
    editor.inbox.discard(STATUS);
    await editor.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: brandUri } });
    await editor.inbox.take(REFRESH);
    await editor.diagnostics(docUri);
    const status = await editor.inbox.take(STATUS, (p) => p.uri === docUri);
    assert.equal(status.state, 'ok');
  });

  test('settings: a severity override and "off" apply after a configuration change', async () => {
    editor.inbox.discard(REFRESH);
    editor.settings = { severity: { 'name.variant': 'info', 'term.deprecated': 'off' } };
    await editor.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { onMessage: editor.settings } });
    await editor.inbox.take(REFRESH);
    const diagnostics = await editor.diagnostics(docUri);
    assert.deepEqual(diagnostics.map((d) => [d.code, d.severity]), [['name.variant', 3]]);
  });

  test('settings: ignored documents and disabled checking produce no diagnostics', async () => {
    editor.settings = { ignore: ['press/**'] };
    await editor.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { onMessage: editor.settings } });
    assert.deepEqual(await editor.diagnostics(docUri), []);
    assert.equal((await editor.inbox.take(STATUS, (p) => p.uri === docUri && p.state === 'ignored')).state, 'ignored');
    editor.settings = { enable: false };
    await editor.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { onMessage: editor.settings } });
    assert.deepEqual(await editor.diagnostics(docUri), []);
    editor.settings = {};
    await editor.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { onMessage: editor.settings } });
    assert.equal((await editor.diagnostics(docUri)).length, 3);
  });

  test('shutdown then exit ends the process with code 0', async () => {
    assert.equal(await editor.shutdown(), 0);
  });
});

suite('lsp: brand file resolution', () => {
  let root: string;
  let editor: Editor;

  suiteSetup(async () => {
    root = tempWorkspace({
      'web/brand-messaging.yml': BRAND,
      'web/home.md': 'Our clients love it.\n',
      'social/brand-messaging.yaml': BRAND.replace('deprecated: [clients]', 'deprecated: [users]'),
      'social/post.md': 'Our clients and users love it.\n',
      'orphans/notes.md': 'Our clients love it.\n',
      'custom/rules.yaml': BRAND.replace('deprecated: [clients]', 'deprecated: [love]'),
    });
    editor = Editor.stdio();
    await editor.initialize([path.join(root, 'web'), path.join(root, 'social'), path.join(root, 'orphans')]);
  });

  suiteTeardown(() => {
    editor.kill();
    fs.rmSync(root, { recursive: true, force: true });
  });

  const check = async (file: string): Promise<string[]> => {
    const documentUri = uri(path.join(root, file));
    await open(editor, documentUri, fs.readFileSync(path.join(root, file), 'utf8'));
    return (await editor.diagnostics(documentUri)).map((d) => d.message.split(':')[0]);
  };

  test('each workspace folder uses its own brand file (.yml too)', async () => {
    assert.deepEqual(await check('web/home.md'), ["Use 'customers' instead of 'clients'"]);
    assert.deepEqual(await check('social/post.md'), ["Use 'customers' instead of 'users'"]);
  });

  test('a deleted brand file is no longer used; a created one is used at once', async () => {
    const social = path.join(root, 'social');
    const postUri = uri(path.join(social, 'post.md'));
    const brandPath = path.join(social, 'brand-messaging.yaml');
    editor.inbox.discard(REFRESH);
    editor.inbox.discard(STATUS);
    fs.rmSync(brandPath);
    await editor.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uri(brandPath), type: FileChangeType.Deleted }] });
    await editor.inbox.take(REFRESH);
    assert.deepEqual(await editor.diagnostics(postUri), []);
    assert.equal((await editor.inbox.take(STATUS, (p) => p.uri === postUri)).state, 'missing');
    fs.writeFileSync(path.join(social, 'brand-messaging.yml'), BRAND);
    await editor.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uri(path.join(social, 'brand-messaging.yml')), type: FileChangeType.Created }] });
    await editor.inbox.take(REFRESH);
    assert.deepEqual((await editor.diagnostics(postUri)).map((d) => d.message.split(':')[0]), ["Use 'customers' instead of 'clients'"]);
  });

  test('the search stops at the workspace folder: a brand file beside the folder is not used', async () => {
    fs.writeFileSync(path.join(root, 'brand-messaging.yaml'), BRAND);
    assert.deepEqual(await check('orphans/notes.md'), []);
    const status = await editor.inbox.take(STATUS, (p) => p.uri.endsWith('/orphans/notes.md'));
    assert.equal(status.state, 'missing');
  });

  test('when a folder leaves the workspace, its documents search up to the file system root, as the CLI does', async () => {
    editor.inbox.discard(REFRESH);
    const orphans = path.join(root, 'orphans');
    await editor.connection.sendNotification(DidChangeWorkspaceFoldersNotification.type, {
      event: { added: [], removed: [{ uri: uri(orphans), name: 'orphans' }] },
    });
    await editor.inbox.take(REFRESH);
    assert.deepEqual(
      (await editor.diagnostics(uri(path.join(orphans, 'notes.md')))).map((d) => d.message.split(':')[0]),
      ["Use 'customers' instead of 'clients'"],
    );
  });

  test('the brandFile setting wins over the search, relative to the workspace folder', async () => {
    editor.settings = { brandFile: '../custom/rules.yaml' };
    await editor.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { onMessage: editor.settings } });
    const homeUri = uri(path.join(root, 'web/home.md'));
    assert.deepEqual((await editor.diagnostics(homeUri)).map((d) => d.message.split(':')[0]), ["Use 'customers' instead of 'love'"]);
    editor.settings = { brandFile: '${workspaceFolder}/brand-messaging.yml' };
    await editor.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { onMessage: editor.settings } });
    assert.deepEqual((await editor.diagnostics(homeUri)).map((d) => d.message.split(':')[0]), ["Use 'customers' instead of 'clients'"]);
  });

  test('a brandFile setting that names a missing file reports it in the status', async () => {
    editor.inbox.discard(STATUS);
    editor.settings = { brandFile: 'nope.yaml' };
    await editor.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { onMessage: editor.settings } });
    const documentUri = uri(path.join(root, 'web/home.md'));
    assert.deepEqual(await editor.diagnostics(documentUri), []);
    const status = await editor.inbox.take(STATUS, (p) => p.uri === documentUri);
    assert.equal(status.state, 'invalid');
    assert.equal(status.message, `Cannot read ${path.join(root, 'web/nope.yaml')}: the file does not exist.`);
  });
});

suite('lsp: transports', () => {
  test('the server also speaks over Node IPC (--node-ipc), as the VS Code client starts it', async () => {
    const editor = Editor.nodeIpc();
    try {
      const result = await editor.initialize([]);
      assert.equal(result.capabilities.hoverProvider, true);
      assert.equal(await editor.shutdown(), 0);
    } finally {
      editor.kill();
    }
  });
});
