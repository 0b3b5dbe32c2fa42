/**
 * VS Code for the Web: dist/web/server.js runs in a worker (a Node `worker_threads` Worker standing in
 * for the browser's web worker). Inside it, the bundle runs in a fresh V8 context whose globals are only
 * those a dedicated web worker has (`self`, `postMessage`, `onmessage`, timers, TextEncoder/TextDecoder,
 * URL, console…): no `require`, `process`, `Buffer` or `global`, so any Node API the bundle reached for
 * would fail. The test speaks LSP to it over postMessage, with documents in a non-`file:` scheme and the
 * brand file supplied by the editor through `onMessage/readFile`: the same protocol test as the Node
 * server's.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { AbstractMessageReader, AbstractMessageWriter, createMessageConnection, type DataCallback, type Disposable, type Message } from 'vscode-languageserver-protocol/node';
import { basicProtocolSuite } from '../lsp/basic-protocol';

const ROOT = path.resolve(__dirname, '..', '..', '..');
export const WEB_SERVER = path.join(ROOT, 'dist', 'web', 'server.js');

/** Runs in the worker thread: a web-worker global scope around the bundle. */
const ADAPTER = `
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const vm = require('node:vm');
const scope = {
  console, setTimeout, clearTimeout, setInterval, clearInterval, queueMicrotask, structuredClone,
  TextEncoder, TextDecoder, URL, URLSearchParams, AbortController, AbortSignal, performance, crypto: globalThis.crypto,
  atob, btoa, Event, EventTarget, MessageChannel, MessagePort,
  postMessage: (message) => parentPort.postMessage(message),
  onmessage: null, onerror: null, onmessageerror: null,
  addEventListener: (type, listener) => { if (type === 'message') listeners.push(listener); },
  removeEventListener: () => {},
  close: () => process.exit(0),
};
const listeners = [];
scope.self = scope;
const context = vm.createContext(scope);
// Messages arrive as objects of the worker's own realm, as a browser gives them.
const parse = vm.runInContext('JSON.parse', context);
parentPort.on('message', (data) => {
  const event = { data: parse(JSON.stringify(data)) };
  if (typeof context.onmessage === 'function') context.onmessage(event);
  for (const listener of listeners) listener(event);
});
vm.runInContext(fs.readFileSync(workerData.bundle, 'utf8'), context, { filename: workerData.bundle });
`;

class WorkerReader extends AbstractMessageReader {
  constructor(private readonly worker: Worker) {
    super();
    worker.on('error', (error) => this.fireError(error));
    worker.on('exit', () => this.fireClose());
  }

  listen(callback: DataCallback): Disposable {
    const handler = (data: Message) => callback(data);
    this.worker.on('message', handler);
    return { dispose: () => this.worker.off('message', handler) };
  }
}

class WorkerWriter extends AbstractMessageWriter {
  constructor(private readonly worker: Worker) {
    super();
  }

  async write(message: Message): Promise<void> {
    this.worker.postMessage(message);
  }

  end(): void {}
}

export function startWebWorker(): { worker: Worker; connection: ReturnType<typeof createMessageConnection> } {
  const worker = new Worker(ADAPTER, { eval: true, workerData: { bundle: WEB_SERVER } });
  return { worker, connection: createMessageConnection(new WorkerReader(worker), new WorkerWriter(worker)) };
}

const MOUNT = 'vscode-test-web://mount';

basicProtocolSuite('web: dist/web/server.js in a worker', {
  readsThroughEditor: true,
  // What VS Code for the Web gives the folder opened with @vscode/test-web: no file system on the server side.
  uri: (_root, relative) => `${MOUNT}/${relative.split('/').map(encodeURIComponent).join('/')}`,
  start: () => {
    const { worker, connection } = startWebWorker();
    return {
      connection,
      dispose: () => {
        connection.dispose();
        void worker.terminate();
      },
    };
  },
});

suite('web: brand files through the editor', () => {
  const BRAND = `version: 1\nnames:\n  - id: pulse\n    name: Lumora Pulse\n    kind: product\n    forbidden_variants: [LumoraPulse]\n`;
  const files = new Map<string, string>([[`${MOUNT}/site/brand-messaging.yaml`, BRAND]]);
  let worker: Worker;
  let connection: ReturnType<typeof createMessageConnection>;
  const statuses: any[] = [];
  let refreshes = 0;

  suiteSetup(async () => {
    ({ worker, connection } = startWebWorker());
    connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({})));
    connection.onRequest('workspace/diagnostic/refresh', () => {
      refreshes++;
      return null;
    });
    connection.onRequest('onMessage/readFile', ({ uri }: { uri: string }) => files.get(uri) ?? null);
    connection.onNotification('onMessage/status', (p) => statuses.push(p));
    connection.listen();
    await connection.sendRequest('initialize', {
      processId: null,
      rootUri: MOUNT,
      workspaceFolders: [{ uri: MOUNT, name: 'mount' }],
      capabilities: { workspace: { configuration: true, diagnostics: { refreshSupport: true } }, textDocument: { diagnostic: {} } },
    });
    await connection.sendNotification('initialized', {});
  });

  suiteTeardown(() => {
    connection.dispose();
    void worker.terminate();
  });

  const pull = async (uri: string) => ((await connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { items: Array<{ code: string }> }).items.map((d) => d.code);

  test('the nearest brand file above the document, found by asking the editor; none above: missing', async () => {
    const doc = `${MOUNT}/site/blog/post.md`;
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: doc, languageId: 'markdown', version: 1, text: 'Try LumoraPulse.\n' } });
    assert.deepEqual(await pull(doc), ['name.variant']);
    const outside = `${MOUNT}/other/readme.md`;
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: outside, languageId: 'markdown', version: 1, text: 'Try LumoraPulse.\n' } });
    assert.deepEqual(await pull(outside), []);
    assert.equal(statuses.find((s) => s.uri === outside)?.state, 'missing');
  });

  test('a brand file edited in the editor applies at once: refresh, then the new findings', async () => {
    const brand = `${MOUNT}/site/brand-messaging.yaml`;
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: brand, languageId: 'brand-messaging', version: 1, text: BRAND.replace('forbidden_variants: [LumoraPulse]', 'forbidden_variants: []\n    colour: blue') } });
    assert.deepEqual(await pull(`${MOUNT}/site/blog/post.md`), []);
    assert.ok(refreshes > 0, 'the server asked for a refresh (before it answered the pull)');
    assert.deepEqual(await pull(brand), ['brandfile.schema'], "the brand file's own problems, on the brand file");
  });

  test('a brand file changed on disk (a watched-file event) is read again', async () => {
    const brand = `${MOUNT}/site/brand-messaging.yaml`;
    await connection.sendNotification('textDocument/didClose', { textDocument: { uri: brand } });
    files.set(brand, BRAND.replace('LumoraPulse]', 'LumoraPulse, Lumorapulse]'));
    await connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: brand, type: 2 }] });
    await connection.sendNotification('textDocument/didChange', { textDocument: { uri: `${MOUNT}/site/blog/post.md`, version: 2 }, contentChanges: [{ text: 'Try LumoraPulse and Lumorapulse.\n' }] });
    assert.deepEqual(await pull(`${MOUNT}/site/blog/post.md`), ['name.variant', 'name.variant']);
  });
});
