/**
 * The language server: capabilities and handlers over the engine. Each handler looks up its document,
 * guards, and delegates to analysis.ts (checking), actions.ts (edits) or convert.ts (LSP shapes); the
 * per-document handlers are shared with the web server (handlers.ts).
 *
 * Diagnostics are pulled (LSP 3.17 `textDocument/diagnostic`); nothing is pushed. Under pull, pacing is
 * the client's: it pulls after changes, cancels a pull that a newer change overtakes, and with
 * `onMessage.run: onSave` only pulls on open and save. When a brand file or the settings change the
 * server asks every open document to be pulled again (`workspace/diagnostic/refresh`). A client that
 * cannot pull (no `textDocument.diagnostic` capability) gets them pushed instead (push.ts).
 */
import {
  CodeActionKind,
  LSPErrorCodes,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
  type ClientCapabilities,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { formatReportsHtml } from '../core/index';
import { FIX_ALL_KIND, FixAllCommand, ReportRequest, type ReportResult } from '../protocol';
import { Analyzer, type Analysis } from './analysis';
import { BrandFiles, WorkspaceFolders, uriToPath } from './brand-files';
import { registerDocumentHandlers } from './handlers';
import { DiagnosticsPusher } from './push';
import { SettingsCache } from './settings';
import { ScanCancelled, scanWorkspace, type ScanHost } from './report';
import { WorkspaceDiagnostics, type WorkspaceDiagnosticsHost } from './workspace-diagnostics';

declare const ON_MESSAGE_VERSION: string | undefined;
const VERSION = typeof ON_MESSAGE_VERSION === 'string' ? ON_MESSAGE_VERSION : 'development';

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const folders = new WorkspaceFolders();
  const brands = new BrandFiles((file) => openText(documents, file));
  let client: ClientCapabilities = {};
  let settings = new SettingsCache(undefined);
  let analyzer = new Analyzer(settings, brands, folders);

  const analyse = async (document: TextDocument): Promise<Analysis> => {
    const analysis = await analyzer.analyse(document);
    for (const failure of analysis.failures) connection.console.error(`Rule ${failure.rule} failed on ${document.uri}: ${failure.message}`);
    return analysis;
  };

  const workspaceDiagnostics = new WorkspaceDiagnostics();
  /** Set when the client does not pull diagnostics (an editor other than VS Code). */
  let pusher: DiagnosticsPusher | undefined;

  /** Brand files or settings changed: re-check everything the client shows. */
  const recheckAll = (): void => {
    analyzer.invalidate();
    workspaceDiagnostics.invalidate();
    if (client.workspace?.diagnostics?.refreshSupport) connection.languages.diagnostics.refresh();
    pusher?.scheduleAll();
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    client = params.capabilities;
    folders.set(params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: 'root' }] : []));
    const fetch = client.workspace?.configuration ? (uri: string) => connection.workspace.getConfiguration({ scopeUri: uri, section: 'onMessage' }) : undefined;
    settings = new SettingsCache(fetch);
    analyzer = new Analyzer(settings, brands, folders);
    pusher = client.textDocument?.diagnostic ? undefined : new DiagnosticsPusher(connection, documents, analyse);
    return { capabilities: serverCapabilities(), serverInfo: { name: 'on-message', version: VERSION } };
  });

  connection.onInitialized(() => {
    if (!client.workspace?.workspaceFolders) return;
    connection.workspace.onDidChangeWorkspaceFolders((event) => {
      folders.change(event.added, event.removed);
      brands.clearLocations();
      recheckAll();
    });
  });

  connection.onDidChangeConfiguration((params) => {
    settings.reset((params.settings as { onMessage?: unknown } | null)?.onMessage);
    brands.clearLocations();
    recheckAll();
  });

  connection.onDidChangeWatchedFiles((params) => {
    if (brands.applyFileEvents(params.changes)) recheckAll();
    else workspaceDiagnostics.changed();
  });

  // didOpen fires this too; an open brand file's text wins over the disk from its first version on.
  documents.onDidChangeContent(({ document }) => {
    pusher?.schedule(document.uri);
    const file = uriToPath(document.uri);
    if (!file || !analyzer.isBrandDocument(document)) return;
    brands.clearLocations();
    if (brands.reload(file)) recheckAll();
  });

  documents.onDidClose(({ document }) => {
    pusher?.clear(document.uri);
    workspaceDiagnostics.changed(document.uri);
    analyzer.forget(document.uri);
    settings.forget(document.uri);
    const file = uriToPath(document.uri);
    if (file && analyzer.isBrandDocument(document) && brands.reload(file)) recheckAll();
  });

  registerDocumentHandlers({ connection, documents, analyse, client: () => client });

  /** The workspace as the report and workspace diagnostics read it. */
  const scanHost = (): ScanHost => ({
    folders: folders.all(),
    settings: (folder) => settings.get(pathToFileURL(folder).href),
    filesExclude: async (folder) => {
      if (!client.workspace?.configuration) return [];
      const raw: unknown = await connection.workspace.getConfiguration({ scopeUri: pathToFileURL(folder).href, section: 'files.exclude' }).catch(() => undefined);
      return raw && typeof raw === 'object' ? Object.entries(raw).filter(([, on]) => on === true).map(([glob]) => glob) : [];
    },
    brands,
    openText: (file) => openText(documents, file)?.text,
    today: new Date().toISOString().slice(0, 10),
  });

  connection.languages.diagnostics.onWorkspace(async (params, token) => {
    const host: WorkspaceDiagnosticsHost = {
      ...scanHost(),
      isOpen: (uri) => documents.get(uri) !== undefined,
      analyse: async (document) => {
        const analysis = await analyzer.analyse(document);
        analyzer.forget(document.uri);
        return analysis;
      },
    };
    return { items: await workspaceDiagnostics.pull(host, params.previousResultIds, token) };
  });

  connection.onRequest(ReportRequest.type, async (params, token): Promise<ReportResult> => {
    const progress = params.workDoneToken !== undefined ? connection.window.attachWorkDoneProgress(params.workDoneToken) : undefined;
    progress?.begin('On Message: consistency report', 0, 'Finding documents…', true);
    try {
      const result = await scanWorkspace(scanHost(), token, (done, total) => progress?.report(Math.round((done / total) * 100), `${done}/${total} documents`));
      const html = params.render
        ? formatReportsHtml(
            result.sections.map((s) => ({ report: s.report, root: s.folder, heading: result.sections.length > 1 ? `${path.basename(fileURLToPath(s.folder))} · ${s.report.brandFile ?? ''}` : undefined })),
            { webview: params.render },
          )
        : undefined;
      return { sections: result.sections, skipped: result.skipped, ...(html !== undefined ? { html } : {}) };
    } catch (error) {
      if (error instanceof ScanCancelled) throw new ResponseError(LSPErrorCodes.RequestCancelled, error.message);
      throw error;
    } finally {
      progress?.done();
    }
  });

  documents.listen(connection);
  connection.listen();
}

function serverCapabilities(): InitializeResult['capabilities'] {
  return {
    textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
    // A document depends on one other file, its brand file, and its changes are announced by refresh.
    // Workspace diagnostics fill the Problems panel for unopened files (workspace-diagnostics.ts).
    diagnosticProvider: { identifier: 'on-message', interFileDependencies: false, workspaceDiagnostics: true },
    codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: true },
    hoverProvider: true,
    definitionProvider: true,
    executeCommandProvider: { commands: [FixAllCommand.id] },
    workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
  };
}

function openText(documents: TextDocuments<TextDocument>, file: string): { uri: string; text: string } | undefined {
  const document = documents.all().find((d) => uriToPath(d.uri) === file);
  return document ? { uri: document.uri, text: document.getText() } : undefined;
}
