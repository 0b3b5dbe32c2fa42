/**
 * An editor as the server sees it: spawns dist/server.js and speaks LSP over its stdio (or Node IPC),
 * answers the server's requests the way VS Code does, and records every message from the server so that
 * tests wait on messages, never on the clock (a test that waits forever fails on mocha's timeout).
 */
import { fork, spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  ApplyWorkspaceEditRequest,
  ConfigurationRequest,
  createMessageConnection,
  DiagnosticRefreshRequest,
  DocumentDiagnosticRequest,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  IPCMessageReader,
  IPCMessageWriter,
  RegistrationRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type Diagnostic,
  type InitializeResult,
  type MessageConnection,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';

export const SERVER = path.resolve(__dirname, '../../../dist/server.js');

/** What VS Code (via vscode-languageclient 9) declares, trimmed to what this server looks at. */
export const EDITOR_CAPABILITIES: ClientCapabilities = {
  workspace: {
    configuration: true,
    workspaceFolders: true,
    didChangeWatchedFiles: { dynamicRegistration: true },
    diagnostics: { refreshSupport: true },
    workspaceEdit: { documentChanges: true },
    applyEdit: true,
  },
  textDocument: {
    synchronization: { didSave: true, dynamicRegistration: true },
    diagnostic: { dynamicRegistration: true, relatedDocumentSupport: false },
    codeAction: {
      codeActionLiteralSupport: { codeActionKind: { valueSet: ['', 'quickfix', 'source', 'source.fixAll'] } },
      isPreferredSupport: true,
      dataSupport: true,
      resolveSupport: { properties: ['edit'] },
    },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    definition: { linkSupport: false },
  },
};

interface Received {
  method: string;
  params: any;
}

/** Messages from the server, taken in arrival order by whoever waits for them. */
class Inbox {
  private readonly messages: Received[] = [];
  private readonly waiters: Array<{ method: string; match: (params: any) => boolean; resolve: (params: any) => void }> = [];

  push(method: string, params: unknown): void {
    const waiter = this.waiters.findIndex((w) => w.method === method && w.match(params));
    if (waiter >= 0) this.waiters.splice(waiter, 1)[0].resolve(params);
    else this.messages.push({ method, params });
  }

  /** The first message of `method` (matching `match`) not taken yet, now or when it arrives. */
  take<T = any>(method: string, match: (params: any) => boolean = () => true): Promise<T> {
    const index = this.messages.findIndex((m) => m.method === method && match(m.params));
    if (index >= 0) return Promise.resolve(this.messages.splice(index, 1)[0].params);
    return new Promise((resolve) => this.waiters.push({ method, match, resolve }));
  }

  /** Whether a message of `method` has arrived and not been taken. */
  has(method: string): boolean {
    return this.messages.some((m) => m.method === method);
  }

  /** Drops every message of `method` received so far. */
  discard(method: string): void {
    for (let i = this.messages.length - 1; i >= 0; i--) if (this.messages[i].method === method) this.messages.splice(i, 1);
  }
}

export class Editor {
  readonly inbox = new Inbox();
  /** The `onMessage` section the editor answers `workspace/configuration` with. */
  settings: Record<string, unknown> = {};
  /** What the editor answers for the `files.exclude` section. */
  filesExclude: Record<string, boolean> = {};
  /** How the editor answers `workspace/applyEdit`. */
  applyEditResult = { applied: true };
  private readonly exited: Promise<number | null>;

  private constructor(
    readonly connection: MessageConnection,
    /** The server's process; absent for a server in this process (`Editor.over`). */
    readonly process?: ChildProcess,
  ) {
    this.exited = process ? new Promise((resolve) => process.once('exit', (code) => resolve(code))) : Promise.resolve(null);
    connection.onNotification((method, params) => this.inbox.push(method, params));
    connection.onRequest(ConfigurationRequest.type, (params) => {
      this.inbox.push(ConfigurationRequest.method, params);
      return params.items.map((item) => (item.section === 'files.exclude' ? this.filesExclude : this.settings));
    });
    connection.onRequest(DiagnosticRefreshRequest.type, () => {
      this.inbox.push(DiagnosticRefreshRequest.method, null);
    });
    connection.onRequest(ApplyWorkspaceEditRequest.type, (params) => {
      this.inbox.push(ApplyWorkspaceEditRequest.method, params);
      return this.applyEditResult;
    });
    connection.onRequest(RegistrationRequest.type, () => undefined);
    connection.listen();
  }

  /** `nodeArgs` go before the server's path (a `--require` preload, say); `env` is added to this process's. */
  static stdio(options: { nodeArgs?: string[]; env?: Record<string, string> } = {}): Editor {
    const env = options.env ? { ...process.env, ...options.env } : undefined;
    const child = spawn(process.execPath, [...(options.nodeArgs ?? []), SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'], env });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    return new Editor(connection, child);
  }

  static nodeIpc(): Editor {
    const child = fork(SERVER, ['--node-ipc'], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    const connection = createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    return new Editor(connection, child);
  }

  /** An editor over a connection the test made (a server started in this process, to patch the engine). */
  static over(connection: MessageConnection): Editor {
    return new Editor(connection);
  }

  async initialize(folders: string[], capabilities: ClientCapabilities = EDITOR_CAPABILITIES): Promise<InitializeResult> {
    const result = await this.connection.sendRequest(InitializeRequest.type, {
      // A server in this process must not watch this process (its watchdog timer would keep mocha alive).
      processId: this.process ? process.pid : null,
      rootUri: folders.length ? uri(folders[0]) : null,
      workspaceFolders: folders.map((f) => ({ uri: uri(f), name: path.basename(f) })),
      capabilities,
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
    return result;
  }

  /** Pulls the document's diagnostics (full report expected). */
  async diagnostics(documentUri: string): Promise<Diagnostic[]> {
    const report = await this.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: documentUri } });
    if (report.kind !== 'full') throw new Error(`expected a full report, got ${report.kind}`);
    return report.items;
  }

  async shutdown(): Promise<number | null> {
    await this.connection.sendRequest(ShutdownRequest.type);
    await this.connection.sendNotification(ExitNotification.type);
    const code = await this.exited;
    this.connection.dispose();
    return code;
  }

  kill(): void {
    if (this.process && this.process.exitCode === null) this.process.kill();
    this.connection.dispose();
  }
}

export function uri(file: string): string {
  return pathToFileURL(file).href;
}

/** The text after applying a single-document workspace edit's text edits (non-overlapping, any order). */
export function applyEdit(text: string, edit: WorkspaceEdit): string {
  const change = edit.documentChanges?.[0];
  if (!change || !('edits' in change)) throw new Error('expected one TextDocumentEdit');
  const starts = lineStarts(text);
  const at = (p: { line: number; character: number }) => starts[p.line] + p.character;
  return [...change.edits]
    .sort((a, b) => at(b.range.start) - at(a.range.start))
    .reduce((t, e) => t.slice(0, at(e.range.start)) + e.newText + t.slice(at(e.range.end)), text);
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}
