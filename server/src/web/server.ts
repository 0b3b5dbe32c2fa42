/**
 * The language server of VS Code for the Web (dist/web/server.js, run in a web worker by
 * dist/web/extension.js): the same engine, pulled diagnostics, quick fixes, fix all, hover and Go to
 * Definition as the Node server (lsp/server.ts), through the same handlers (lsp/handlers.ts), and no
 * Node API: documents are known by URI in any scheme, and brand files are read by the client through the
 * workspace file system (`onMessage/readFile`) or taken from an open editor. Not here: workspace
 * diagnostics and the consistency report, which walk the file system.
 */
import {
  CodeActionKind,
  TextDocuments,
  TextDocumentSyncKind,
  type ClientCapabilities,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import picomatch from 'picomatch/posix';
import { check } from '../core/index';
import { FIX_ALL_KIND, FixAllCommand, ReadFileRequest, type StatusState } from '../protocol';
import type { Analysis } from '../lsp/analysis';
import { brandProblemToDiagnostic, checkDiagnostics } from '../lsp/convert';
import { registerDocumentHandlers } from '../lsp/handlers';
import { SettingsCache, type Settings } from '../lsp/settings';
import { countBySeverity, emptyAnalysis } from '../lsp/status';
import { isBrandFileName, WebBrandFiles, type WebBrandFile } from './brands';
import { baseName, parentUri, relativeUri } from './uris';

declare const ON_MESSAGE_VERSION: string | undefined;
const VERSION = typeof ON_MESSAGE_VERSION === 'string' ? ON_MESSAGE_VERSION : 'development';

export function startWebServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  let client: ClientCapabilities = {};
  let folders: string[] = [];
  let settings = new SettingsCache(undefined);
  const brands = new WebBrandFiles(
    (uri) => connection.sendRequest(ReadFileRequest.type, { uri }),
    (uri) => documents.get(uri)?.getText(),
  );
  const memo = new Map<string, Analysis>();
  let generation = 0;

  const containing = (uri: string): string | undefined => folders.filter((f) => relativeUri(f, uri) !== undefined).sort((a, b) => b.length - a.length)[0];
  const isBrandDocument = (uri: string): boolean => isBrandFileName(uri) || brands.isKnown(uri);

  const analyse = async (document: TextDocument): Promise<Analysis> => {
    const cached = memo.get(document.uri);
    if (cached && cached.document.version === document.version) return cached;
    const started = generation;
    const analysis = await compute(document.uri);
    for (const failure of analysis.failures) connection.console.error(`Rule ${failure.rule} failed on ${document.uri}: ${failure.message}`);
    if (started === generation) memo.set(document.uri, analysis);
    return analysis;
  };

  /** Everything asynchronous first (settings, brand file), then one synchronous check of the current text. */
  const compute = async (uri: string): Promise<Analysis> => {
    const current = (): TextDocument => {
      const d = documents.get(uri)!;
      return TextDocument.create(d.uri, d.languageId, d.version, d.getText());
    };
    const s: Settings = await settings.get(uri);
    if (!s.enable) return emptyAnalysis(current(), 'disabled');
    if (isBrandDocument(uri)) {
      brands.invalidate(uri);
      const file = await brands.get(uri);
      const document = current();
      const state: StatusState = file.usable ? 'ok' : file.inForce ? 'stale' : 'invalid';
      const analysis = emptyAnalysis(document, state, state === 'ok' ? undefined : reason(file), file);
      analysis.diagnostics = file.problems.map((p) => brandProblemToDiagnostic(p, document));
      analysis.status.counts = countBySeverity(file.problems);
      return analysis;
    }
    const folder = containing(uri);
    if (folder && s.ignore.length > 0 && picomatch(s.ignore, { dot: true })(relativeUri(folder, uri)!)) {
      return emptyAnalysis(current(), 'ignored', 'The onMessage.ignore setting excludes this document.');
    }
    const brandUri = await brands.locate(uri, folder, s.brandFile);
    if (!brandUri) return emptyAnalysis(current(), 'missing', 'No brand-messaging.yaml in this folder or any folder above it.');
    const file = await brands.get(brandUri);
    const document = current();
    if (!file.inForce) return emptyAnalysis(document, 'invalid', reason(file), file);
    const brandFolder = parentUri(brandUri);
    const path = (brandFolder !== undefined ? relativeUri(brandFolder, uri) : undefined) ?? baseName(uri);
    const result = check(document.getText(), file.inForce.brand, { path, severity: s.severity });
    const brand = { uri: brandUri, document: file.inForce.document, brand: file.inForce.brand };
    const analysis = emptyAnalysis(document, file.usable ? 'ok' : 'stale', file.usable ? undefined : `${baseName(brandUri)} cannot be used as it is (${reason(file)}); its last good version is in force.`, file);
    analysis.findings = result.findings;
    analysis.diagnostics = checkDiagnostics(result, document, brand);
    analysis.brand = brand;
    analysis.failures = result.failures;
    analysis.status.counts = countBySeverity(result.findings);
    return analysis;
  };

  const recheckAll = (): void => {
    generation++;
    memo.clear();
    if (client.workspace?.diagnostics?.refreshSupport) void connection.languages.diagnostics.refresh();
  };

  connection.onInitialize((params): InitializeResult => {
    client = params.capabilities;
    folders = (params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: 'root' }] : [])).map((f) => f.uri.replace(/\/+$/, ''));
    settings = new SettingsCache(client.workspace?.configuration ? (uri) => connection.workspace.getConfiguration({ scopeUri: uri, section: 'onMessage' }) : undefined);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        diagnosticProvider: { identifier: 'on-message', interFileDependencies: false, workspaceDiagnostics: false },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: true },
        hoverProvider: true,
        definitionProvider: true,
        executeCommandProvider: { commands: [FixAllCommand.id] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'on-message', version: VERSION },
    };
  });

  connection.onInitialized(() => {
    if (!client.workspace?.workspaceFolders) return;
    connection.workspace.onDidChangeWorkspaceFolders((event) => {
      const gone = new Set(event.removed.map((f) => f.uri.replace(/\/+$/, '')));
      folders = [...folders.filter((f) => !gone.has(f)), ...event.added.map((f) => f.uri.replace(/\/+$/, ''))];
      brands.invalidate();
      recheckAll();
    });
  });

  connection.onDidChangeConfiguration((params) => {
    settings.reset((params.settings as { onMessage?: unknown } | null)?.onMessage);
    recheckAll();
  });

  connection.onDidChangeWatchedFiles((params) => {
    if (params.changes.length === 0) return;
    for (const change of params.changes) brands.invalidate(change.uri);
    // A brand file that appeared or went away changes which file is nearest: read afresh.
    if (params.changes.some((c) => c.type !== 2)) brands.invalidate();
    if (params.changes.some((c) => isBrandDocument(c.uri) || /\.ya?ml$/i.test(c.uri))) recheckAll();
  });

  documents.onDidChangeContent(({ document }) => {
    if (!isBrandDocument(document.uri)) return;
    brands.invalidate(document.uri);
    recheckAll();
  });

  documents.onDidClose(({ document }) => {
    memo.delete(document.uri);
    settings.forget(document.uri);
    if (isBrandDocument(document.uri)) {
      brands.invalidate(document.uri);
      recheckAll();
    }
  });

  registerDocumentHandlers({ connection, documents, analyse, client: () => client });

  documents.listen(connection);
  connection.listen();
}

function reason(file: WebBrandFile): string {
  return file.error ?? file.problems.find((p) => p.severity === 'error')?.message ?? 'it has errors';
}
