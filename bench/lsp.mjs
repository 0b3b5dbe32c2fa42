// The editor over LSP: dist/server.js spawned over stdio as VS Code does (test/lsp/harness.ts), diagnostics
// pulled (textDocument/diagnostic). The server has no debounce of its own (the client paces pulls), so
// didChange → pull answered is the whole latency the server adds.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './lib.mjs';

const require = createRequire(import.meta.url);
const rpc = require('vscode-languageserver-protocol/node');

const CAPABILITIES = {
  workspace: { configuration: true, workspaceFolders: true, diagnostics: { refreshSupport: true }, workspaceEdit: { documentChanges: true } },
  textDocument: { synchronization: { didSave: true }, diagnostic: { dynamicRegistration: false } },
};

export class Server {
  static start(server = path.join(ROOT, 'dist', 'server.js')) {
    const t0 = performance.now();
    const child = spawn(process.execPath, [server, '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
    const connection = rpc.createMessageConnection(new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
    connection.onRequest(rpc.ConfigurationRequest.type, (params) => params.items.map(() => ({})));
    connection.onRequest(rpc.DiagnosticRefreshRequest.type, () => null);
    connection.onRequest(rpc.RegistrationRequest.type, () => undefined);
    connection.onNotification(() => undefined);
    connection.listen();
    return new Server(child, connection, t0);
  }

  constructor(child, connection, t0) {
    this.child = child;
    this.connection = connection;
    this.t0 = t0;
    this.versions = new Map();
  }

  async initialize(folder) {
    const uri = pathToFileURL(folder).href;
    await this.connection.sendRequest(rpc.InitializeRequest.type, { processId: process.pid, rootUri: uri, workspaceFolders: [{ uri, name: 'bench' }], capabilities: CAPABILITIES });
    await this.connection.sendNotification(rpc.InitializedNotification.type, {});
    return performance.now() - this.t0;
  }

  open(file, text) {
    const uri = pathToFileURL(file).href;
    this.versions.set(uri, 1);
    void this.connection.sendNotification(rpc.DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    return uri;
  }

  /** An incremental change: replace [start, end) (line/character positions) with `text`. */
  change(uri, range, text) {
    const version = this.versions.get(uri) + 1;
    this.versions.set(uri, version);
    void this.connection.sendNotification(rpc.DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ range, text }] });
  }

  async diagnostics(uri) {
    const report = await this.connection.sendRequest(rpc.DocumentDiagnosticRequest.type, { textDocument: { uri } });
    return report.items ?? [];
  }

  async stop() {
    try {
      await this.connection.sendRequest(rpc.ShutdownRequest.type);
      await this.connection.sendNotification(rpc.ExitNotification.type);
    } catch {
      // Already gone.
    }
    await new Promise((resolve) => (this.child.exitCode !== null ? resolve() : this.child.once('exit', resolve)));
    this.connection.dispose();
  }
}

export function positionAt(text, offset) {
  let line = 0;
  let last = -1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    last = i;
  }
  return { line, character: offset - last - 1 };
}

/** Offsets inside prose words (a letter with letters on both sides), spread over the text. */
export function editPoints(text, count, seed = 1) {
  const points = [];
  let x = seed;
  for (let tries = 0; points.length < count && tries < count * 200; tries++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    const i = x % text.length;
    if (/[a-z]/.test(text[i]) && /[a-z]/.test(text[i - 1] ?? '') && /[a-z]/.test(text[i + 1] ?? '')) {
      // Skip front matter and code: the first 300 characters and lines that start with spaces or fences.
      const lineStart = text.lastIndexOf('\n', i) + 1;
      if (i < 300 || /^( {4}|\t|```|~~~|<|\||import |export )/.test(text.slice(lineStart))) continue;
      points.push(i);
    }
  }
  return points;
}

/** A workspace folder with the brand file and the documents, for the server. */
export function writeFolder(dir, brandText, documents) {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'brand-messaging.yaml'), brandText);
  const files = {};
  for (const [name, text] of Object.entries(documents)) {
    files[name] = path.join(dir, name);
    fs.writeFileSync(files[name], text);
  }
  return files;
}
