/**
 * The language server outside VS Code: dist/server.js over stdio, and the standalone `on-message-ls` bin
 * (with --stdio, and with no transport named, which means stdio), each driven by a generic LSP client
 * through the same basic protocol test.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';
import { BASIC_BRAND, BASIC_DOCUMENT, basicProtocolSuite, type Carrier } from './basic-protocol';
import { SERVER } from './harness';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const BIN = path.join(ROOT, 'bin', 'on-message-ls.js');

function overStdio(script: string, args: string[]): Carrier {
  return {
    readsThroughEditor: false,
    uri: (root, relative) => `${pathToFileURL(root).href}/${relative.split('/').map(encodeURIComponent).join('/')}`,
    start: () => {
      const child = spawn(process.execPath, [script, ...args], { stdio: ['pipe', 'pipe', 'inherit'] });
      const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      return {
        connection,
        exited,
        dispose: () => {
          if (child.exitCode === null) child.kill();
          connection.dispose();
        },
      };
    },
  };
}

basicProtocolSuite('lsp: the Node server, dist/server.js --stdio', overStdio(SERVER, ['--stdio']));
basicProtocolSuite('lsp: the standalone server, on-message-ls --stdio', overStdio(BIN, ['--stdio']));
basicProtocolSuite('lsp: the standalone server, on-message-ls with no transport named', overStdio(BIN, []));

suite('lsp: on-message-ls', () => {
  test('is the package’s second bin; --version and --help', () => {
    const manifest = require(path.join(ROOT, 'package.json'));
    assert.deepEqual(manifest.bin, { 'on-message': './bin/on-message.js', 'on-message-ls': './bin/on-message-ls.js' });
    const version = spawnSync(process.execPath, [BIN, '--version'], { encoding: 'utf8' });
    assert.equal(version.stdout, `${manifest.version}\n`);
    const help = spawnSync(process.execPath, [BIN, '--help'], { encoding: 'utf8' });
    assert.match(help.stdout, /^Usage: on-message-ls \[--stdio/);
  });
});

suite('lsp: a client that does not pull diagnostics gets them pushed', () => {
  const carrier = overStdio(BIN, ['--stdio']);
  let root: string;
  let session: ReturnType<Carrier['start']>;
  const published: Array<{ uri: string; version?: number; diagnostics: Array<{ code: string }> }> = [];
  let waiting: Array<() => void> = [];
  const next = async (uri: string, version: number | undefined): Promise<string[]> => {
    for (;;) {
      const found = published.find((p) => p.uri === uri && p.version === version);
      if (found) return found.diagnostics.map((d) => d.code);
      await new Promise<void>((resolve) => waiting.push(resolve));
    }
  };

  suiteSetup(async () => {
    root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'on-message-push-')));
    fs.writeFileSync(path.join(root, 'brand-messaging.yaml'), BASIC_BRAND);
    session = carrier.start(root);
    session.connection.onNotification('textDocument/publishDiagnostics', (params) => {
      published.push(params);
      const wake = waiting;
      waiting = [];
      for (const w of wake) w();
    });
    session.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({})));
    session.connection.listen();
    // A minimal client: no textDocument.diagnostic, no workspace capabilities.
    await session.connection.sendRequest('initialize', { processId: null, rootUri: carrier.uri(root, ''), capabilities: {} });
    await session.connection.sendNotification('initialized', {});
  });

  suiteTeardown(() => {
    session.dispose();
    fs.rmSync(root, { recursive: true, force: true });
  });

  test('open, change and close: each version’s diagnostics are published, then cleared', async () => {
    const uri = carrier.uri(root, 'launch.md');
    await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: BASIC_DOCUMENT } });
    assert.deepEqual(await next(uri, 1), ['term.deprecated', 'name.variant']);
    await session.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: 'Our customers love Lumora Pulse.\n' }] });
    assert.deepEqual(await next(uri, 2), []);
    await session.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    assert.deepEqual(await next(uri, undefined), []);
  });
});
