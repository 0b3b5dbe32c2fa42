/**
 * The report in the language server: the workspace scan at the function level (selection, grouping,
 * cancellation between documents) and `onMessage/report` over the protocol with the real dist/server.js
 * (work-done progress, the webview page, $/cancelRequest).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  CancellationTokenSource,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  FileChangeType,
  WorkDoneProgress,
  WorkspaceDiagnosticRequest,
  type WorkDoneProgressBegin,
  type WorkDoneProgressEnd,
  type WorkDoneProgressReport,
} from 'vscode-languageserver-protocol/node';
import { BrandFiles } from '../../server/src/lsp/brand-files';
import { ScanCancelled, scanWorkspace, type ScanHost } from '../../server/src/lsp/report';
import { parseSettings } from '../../server/src/lsp/settings';
import { ReportRequest, type ReportResult } from '../../server/src/protocol';
import { parseReportMessage } from '../../client/src/report-message';
import { Editor, uri } from '../lsp/harness';

const BRAND = `version: 1
company:
  name: Acme
names:
  - id: rocket
    name: Acme Rocket
    kind: product
    forbidden_variants: [AcmeRocket]
ignore: ["drafts/**"]
`;

function workspace(files: Record<string, string>): string {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'on-message-scan-')));
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), content);
  }
  return root;
}

/** A workspace of `n` documents, so that a scan takes long enough to cancel. */
function many(n: number): Record<string, string> {
  const files: Record<string, string> = { 'brand-messaging.yaml': BRAND };
  for (let i = 0; i < n; i++) files[`docs/d${String(i).padStart(3, '0')}.md`] = `# Note ${i}\n\nAcmeRocket has ${40 + (i % 2)} integrations. ${'Acme Rocket helps launch teams ship. '.repeat(30)}\n`;
  return files;
}

function host(folder: string, overrides: Partial<ScanHost> = {}): ScanHost {
  return {
    folders: [folder],
    settings: async () => parseSettings(undefined),
    filesExclude: async () => [],
    brands: new BrandFiles(() => undefined),
    openText: () => undefined,
    today: '2026-04-01',
    ...overrides,
  };
}

suite('report: workspace scan', () => {
  test('selects by files.exclude, onMessage.ignore, .gitignore and the brand file’s ignore:, and prefers open text', async () => {
    const root = workspace({
      'brand-messaging.yaml': BRAND,
      '.gitignore': 'generated/\n',
      'a.md': 'AcmeRocket.\n',
      'b.md': 'Fine.\n',
      'generated/x.md': 'AcmeRocket.\n',
      'drafts/y.md': 'AcmeRocket.\n',
      'vendor/z.md': 'AcmeRocket.\n',
      'private/p.md': 'AcmeRocket.\n',
    });
    const result = await scanWorkspace(
      host(root, {
        filesExclude: async () => ['**/vendor'],
        settings: async () => parseSettings({ ignore: ['private/**'] }),
        openText: (file) => (file === path.join(root, 'b.md') ? 'Now AcmeRocket too.\n' : undefined),
      }),
      { isCancellationRequested: false },
    );
    assert.equal(result.sections.length, 1);
    const report = result.sections[0].report;
    assert.deepEqual(report.documents.map((d) => [d.path, d.counts.error]), [['a.md', 1], ['b.md', 1]]);
    assert.equal(result.sections[0].folder, uri(root));
    assert.equal(report.brandFile, 'brand-messaging.yaml');
  });

  test('documents without a brand file are skipped with a reason', async () => {
    const root = workspace({ 'a.md': 'Hello.\n' });
    const result = await scanWorkspace(host(root), { isCancellationRequested: false });
    assert.deepEqual(result.sections, []);
    assert.equal(result.skipped.length, 1);
    assert.match(result.skipped[0].reason, /No brand-messaging\.yaml/);
  });

  test('cancellation stops the scan before the next document', async () => {
    const root = workspace(many(20));
    let done = 0;
    const token = { get isCancellationRequested() { return done >= 3; } };
    await assert.rejects(scanWorkspace(host(root), token, (n) => (done = n)), ScanCancelled);
    assert.equal(done, 3, 'no document is analysed after the cancellation');
  });
});

suite('report: onMessage/report over the protocol', function () {
  this.timeout(60000);
  let editor: Editor;
  let root: string;

  suiteSetup(async () => {
    root = workspace({ ...many(80), 'skip/s.md': 'AcmeRocket.\n' });
    editor = Editor.stdio();
    editor.filesExclude = { '**/skip': true };
    await editor.initialize([root]);
  });

  suiteTeardown(async () => {
    await editor.shutdown();
  });

  test('reports progress with counts, and renders the page with the given nonce', async () => {
    const events: Array<WorkDoneProgressBegin | WorkDoneProgressReport | WorkDoneProgressEnd> = [];
    const sub = editor.connection.onProgress(WorkDoneProgress.type, 'full', (v) => events.push(v));
    const result: ReportResult = await editor.connection.sendRequest(ReportRequest.type, { workDoneToken: 'full', render: { nonce: 'n0nce', cspSource: 'vscode-webview:' } });
    sub.dispose();
    assert.equal(result.sections.length, 1);
    const report = result.sections[0].report;
    assert.equal(report.totals.documents, 80, 'files.exclude is honoured');
    assert.equal(report.conflicts.length, 1, 'the planted 40/41 integrations disagree');
    assert.equal(events[0].kind, 'begin');
    assert.equal(events[events.length - 1].kind, 'end');
    const reports = events.filter((e): e is WorkDoneProgressReport => e.kind === 'report');
    assert.equal(reports[reports.length - 1].message, '80/80 documents');
    assert.match(result.html ?? '', /script-src &#39;nonce-n0nce&#39;/);
    assert.match(result.html ?? '', new RegExp(`data-root="${uri(root).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"`));
  });

  test('$/cancelRequest stops the scan: the request fails with RequestCancelled', async () => {
    const source = new CancellationTokenSource();
    const seen: string[] = [];
    const sub = editor.connection.onProgress(WorkDoneProgress.type, 'cancel-me', (v) => {
      if (v.kind === 'report') {
        seen.push(v.message ?? '');
        source.cancel();
      }
    });
    const request = editor.connection.sendRequest(ReportRequest.type, { workDoneToken: 'cancel-me' }, source.token);
    await assert.rejects(request, (error: { code?: number }) => error.code === -32800);
    sub.dispose();
    assert.ok(seen.length >= 1 && seen.length < 80, `stopped early (${seen.length} documents)`);
  });
});

suite('report: webview messages', () => {
  const folders = ['file:///w/one', 'file:///w/two'];
  const same = (root: string, i: number): boolean => root === folders[i];

  test('an open message names a workspace folder, a path inside it and 1-based positions', () => {
    assert.deepEqual(parseReportMessage({ type: 'open', root: 'file:///w/two', path: 'press/a.md', line: 3, column: 5, endLine: 3, endColumn: 9 }, 2, same), {
      type: 'open',
      location: { folder: 1, segments: ['press', 'a.md'], range: { startLine: 2, startCharacter: 4, endLine: 2, endCharacter: 8 } },
    });
    assert.deepEqual(parseReportMessage({ type: 'refresh' }, 2, same), { type: 'refresh' });
  });

  test('anything else is refused', () => {
    const ok = { type: 'open', root: 'file:///w/one', path: 'a.md', line: 1, column: 1, endLine: 1, endColumn: 2 };
    for (const bad of [
      null,
      'open',
      { ...ok, type: 'exec' },
      { ...ok, root: 'file:///elsewhere' },
      { ...ok, path: '../secret.md' },
      { ...ok, path: '/etc/passwd' },
      { ...ok, path: 'a/../../b.md' },
      { ...ok, path: 'a\\..\\b.md' },
      { ...ok, line: 0 },
      { ...ok, column: 1.5 },
      { ...ok, line: '3' },
    ]) {
      assert.equal(parseReportMessage(bad, 2, same), undefined, JSON.stringify(bad));
    }
  });
});

suite('workspace diagnostics: the Problems panel for unopened files', function () {
  this.timeout(60000);
  let editor: Editor;
  let root: string;
  type Item = { kind: string; uri: string; resultId?: string; items?: Array<{ code?: unknown }> };
  const pull = (previous: Array<{ uri: string; value: string }>, token?: CancellationTokenSource): Promise<{ items: Item[] }> =>
    editor.connection.sendRequest(WorkspaceDiagnosticRequest.type, { previousResultIds: previous }, token?.token) as Promise<{ items: Item[] }>;
  const held = (items: Item[]): Array<{ uri: string; value: string }> => items.filter((i) => i.resultId).map((i) => ({ uri: i.uri, value: i.resultId! }));
  const settled = <T>(p: Promise<T>, ms: number): Promise<boolean> => Promise.race([p.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), ms))]);

  suiteSetup(async () => {
    root = workspace({ 'brand-messaging.yaml': BRAND, 'a.md': 'AcmeRocket.\n', 'b.md': 'Fine.\n', 'open.md': 'AcmeRocket open.\n', 'drafts/d.md': 'AcmeRocket.\n' });
    editor = Editor.stdio();
    await editor.initialize([root]);
    await editor.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: uri(path.join(root, 'open.md')), languageId: 'markdown', version: 1, text: 'AcmeRocket open.\n' } });
  });

  suiteTeardown(() => editor.kill());

  let first: Item[] = [];

  test('the first pull reports every unopened document in full, with result ids', async () => {
    first = (await pull([])).items;
    const byName = new Map(first.map((i) => [path.basename(new URL(i.uri).pathname), i]));
    assert.deepEqual([...byName.keys()].sort(), ['a.md', 'b.md'], 'open documents are left to document pulls; brand ignore: applies');
    assert.equal(byName.get('a.md')!.kind, 'full');
    assert.deepEqual(byName.get('a.md')!.items!.map((d) => (d.code as { value?: string })?.value ?? d.code), ['name.variant']);
    assert.deepEqual(byName.get('b.md')!.items, []);
  });

  test('a pull that would change nothing is held until a file changes; then only that file is sent in full', async () => {
    const pending = pull(held(first));
    assert.equal(await settled(pending, 400), false, 'held open');
    fs.writeFileSync(path.join(root, 'b.md'), 'Now AcmeRocket too.\n');
    await editor.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uri(path.join(root, 'b.md')), type: FileChangeType.Changed }] });
    const { items } = await pending;
    const byName = new Map(items.map((i) => [path.basename(new URL(i.uri).pathname), i]));
    assert.equal(byName.get('a.md')!.kind, 'unchanged');
    assert.equal(byName.get('b.md')!.kind, 'full');
    assert.equal(byName.get('b.md')!.items!.length, 1);
    first = items;
  });

  test('closing a document wakes the pull and reports it in full', async () => {
    const pending = pull(held(first));
    await editor.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: uri(path.join(root, 'open.md')) } });
    const { items } = await pending;
    const opened = items.find((i) => i.uri.endsWith('/open.md'));
    assert.equal(opened?.kind, 'full');
    first = items;
  });

  test('a held pull ends when the client cancels it', async () => {
    const source = new CancellationTokenSource();
    const pending = pull(held(first), source);
    assert.equal(await settled(pending, 200), false);
    source.cancel();
    const result = await pending.then((r) => r.items, (e: { code?: number }) => e.code);
    assert.ok(Array.isArray(result) ? result.length === 0 : result === -32800, String(result));
  });
});
