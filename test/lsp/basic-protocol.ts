/**
 * The basic protocol test every build of the language server must pass, whatever carries it: the Node
 * server (dist/server.js --stdio), the standalone `on-message-ls` bin, and the web server
 * (dist/web/server.js) in a worker. A generic LSP client: initialize, didOpen, a pulled diagnostic
 * report, the status notification, a hover, the quick fix, Go to Definition, shutdown. The editor answers
 * `workspace/configuration` with defaults and `onMessage/readFile` from the workspace folder, as the web
 * extension does through the workspace file system.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  CodeActionRequest,
  ConfigurationRequest,
  DefinitionRequest,
  DiagnosticRefreshRequest,
  DidOpenTextDocumentNotification,
  DocumentDiagnosticRequest,
  ExitNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  RegistrationRequest,
  ShutdownRequest,
  type CodeAction,
  type Diagnostic,
  type Hover,
  type MessageConnection,
} from 'vscode-languageserver-protocol/node';
import { EDITOR_CAPABILITIES } from './harness';

export const BASIC_BRAND = `version: 1
company:
  name: Lumora
names:
  - id: pulse
    name: Lumora Pulse
    kind: product
    mark: none
    owner: Corporate Communications
    forbidden_variants: [LumoraPulse]
terms:
  - id: customers
    preferred: customers
    deprecated: [clients]
    reason: House style.
`;

export const BASIC_DOCUMENT = `# Launch

Our clients love LumoraPulse.
`;

export interface Session {
  connection: MessageConnection;
  /** Resolves with the exit code once the server has gone (a process); undefined: it never exits by itself (a worker). */
  exited?: Promise<number | null>;
  dispose(): void;
}

export interface Carrier {
  /** Starts a server for the workspace folder `root`. */
  start(root: string): Session;
  /** The URI the editor gives a file of the workspace (`file:` on the desktop; any scheme on the web). */
  uri(root: string, relative: string): string;
  /** Whether the server reads brand files through the editor (`onMessage/readFile`). */
  readsThroughEditor: boolean;
}

export function basicProtocolSuite(title: string, carrier: Carrier): void {
  suite(title, () => {
    let root: string;
    let session: Session;
    let docUri: string;
    let brandUri: string;
    let diagnostics: Diagnostic[];
    const reads: string[] = [];
    const statuses: any[] = [];

    suiteSetup(() => {
      root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'on-message-basic-')));
      fs.mkdirSync(path.join(root, 'press'));
      fs.writeFileSync(path.join(root, 'brand-messaging.yaml'), BASIC_BRAND);
      fs.writeFileSync(path.join(root, 'press', 'launch.md'), BASIC_DOCUMENT);
      docUri = carrier.uri(root, 'press/launch.md');
      brandUri = carrier.uri(root, 'brand-messaging.yaml');
      session = carrier.start(root);
      const c = session.connection;
      c.onRequest(ConfigurationRequest.type, (params) => params.items.map(() => ({})));
      c.onRequest(RegistrationRequest.type, () => undefined);
      c.onRequest(DiagnosticRefreshRequest.type, () => undefined);
      c.onRequest('onMessage/readFile', ({ uri }: { uri: string }) => {
        reads.push(uri);
        const base = carrier.uri(root, '');
        if (!uri.startsWith(base)) return null;
        const file = path.join(root, ...decodeURIComponent(uri.slice(base.length)).split('/'));
        return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null;
      });
      c.onNotification('onMessage/status', (params) => statuses.push(params));
      c.listen();
    });

    suiteTeardown(() => {
      session.dispose();
      fs.rmSync(root, { recursive: true, force: true });
    });

    test('initialize: pull diagnostics, incremental sync, code actions, hover, definition', async () => {
      const result = await session.connection.sendRequest(InitializeRequest.type, {
        processId: process.pid,
        rootUri: carrier.uri(root, '').replace(/\/$/, ''),
        workspaceFolders: [{ uri: carrier.uri(root, '').replace(/\/$/, ''), name: 'workspace' }],
        capabilities: EDITOR_CAPABILITIES,
      });
      await session.connection.sendNotification(InitializedNotification.type, {});
      const caps = result.capabilities;
      assert.deepEqual(caps.textDocumentSync, { openClose: true, change: 2, save: { includeText: false } });
      assert.equal((caps.diagnosticProvider as { identifier: string }).identifier, 'on-message');
      assert.deepEqual(caps.codeActionProvider, { codeActionKinds: ['quickfix', 'source.fixAll.onMessage'], resolveProvider: true });
      assert.equal(caps.hoverProvider, true);
      assert.equal(caps.definitionProvider, true);
      assert.equal(result.serverInfo?.name, 'on-message');
    });

    test('didOpen, then a pulled diagnostic report with the findings and their brand entries', async () => {
      await session.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: docUri, languageId: 'markdown', version: 1, text: BASIC_DOCUMENT } });
      const report = await session.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: docUri } });
      assert.equal(report.kind, 'full');
      diagnostics = (report as { items: Diagnostic[] }).items;
      assert.deepEqual(
        diagnostics.map((d) => d.code),
        ['term.deprecated', 'name.variant'],
      );
      assert.deepEqual(diagnostics[1], {
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
        data: { rule: 'name.variant', version: 1, fix: { title: "Replace with 'Lumora Pulse'", start: 27, end: 38, text: 'Lumora Pulse' } },
      });
      if (carrier.readsThroughEditor) assert.ok(reads.includes(brandUri), `the brand file was read through the editor: ${JSON.stringify(reads)}`);
      else assert.deepEqual(reads, []);
    });

    test('the status notification names the brand file and the counts', async () => {
      const status = statuses.find((s) => s.uri === docUri);
      assert.deepEqual(status, { uri: docUri, state: 'ok', brandFile: brandUri, brandProblems: 0, counts: { error: 1, warning: 1, info: 0 } });
    });

    test('hover, the quick fix and Go to Definition', async () => {
      const hover: Hover | null = await session.connection.sendRequest(HoverRequest.type, { textDocument: { uri: docUri }, position: { line: 2, character: 20 } });
      assert.ok(hover && typeof hover.contents === 'object' && 'value' in hover.contents);
      assert.match(hover.contents.value, /^\*\*On Message\*\* · `name\.variant` · error/);
      const variant = diagnostics[1];
      const actions = (await session.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: docUri }, range: variant.range, context: { diagnostics: [variant] } })) as CodeAction[];
      assert.deepEqual(actions[0], {
        title: "Replace with 'Lumora Pulse'",
        kind: 'quickfix',
        diagnostics: [variant],
        isPreferred: true,
        edit: { documentChanges: [{ textDocument: { uri: docUri, version: 1 }, edits: [{ range: variant.range, newText: 'Lumora Pulse' }] }] },
      });
      const location = await session.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri: docUri }, position: { line: 2, character: 20 } });
      assert.deepEqual(location, { uri: brandUri, range: { start: { line: 4, character: 4 }, end: { line: 9, character: 37 } } });
    });

    test('shutdown, then exit', async () => {
      assert.equal(await session.connection.sendRequest(ShutdownRequest.type), null);
      await session.connection.sendNotification(ExitNotification.type);
      if (session.exited) assert.equal(await session.exited, 0);
    });
  });
}
