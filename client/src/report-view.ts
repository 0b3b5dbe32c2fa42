/**
 * "On Message: Show Consistency Report": a webview over the server's `onMessage/report`. The server scans
 * and renders (one engine); this panel shows the page under a strict Content-Security-Policy with a fresh
 * nonce, opens documents at the clicked location, and refreshes when Markdown or brand files change.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import {
  CancellationTokenSource,
  ProgressLocation,
  Range,
  Uri,
  ViewColumn,
  window,
  workspace,
  type Disposable,
  type Progress,
  type WebviewPanel,
} from 'vscode';
import { WorkDoneProgress, type LanguageClient, type WorkDoneProgressBegin, type WorkDoneProgressReport, type WorkDoneProgressEnd } from 'vscode-languageclient/node';
import { ReportRequest, type ReportResult } from '../../server/src/protocol';
import { parseReportMessage } from './report-message';

/** Wait this long after the last file change before refreshing an open report. */
const REFRESH_DELAY_MS = 1500;
const REQUEST_CANCELLED = -32800;

export class ReportView implements Disposable {
  private panel: WebviewPanel | undefined;
  private running: CancellationTokenSource | undefined;
  private timer: NodeJS.Timeout | undefined;
  private stale = false;
  private readonly listeners: Disposable[];

  constructor(private readonly client: LanguageClient) {
    const watcher = workspace.createFileSystemWatcher('**/*.{md,markdown,mdx,yaml,yml}');
    const changed = (): void => this.scheduleRefresh();
    this.listeners = [watcher, watcher.onDidChange(changed), watcher.onDidCreate(changed), watcher.onDidDelete(changed), workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('onMessage') && changed())];
  }

  /** Opens (or reveals) the report and scans with a cancellable notification. */
  async show(): Promise<void> {
    if (this.panel) this.panel.reveal();
    else this.panel = this.createPanel();
    await this.run(ProgressLocation.Notification);
  }

  dispose(): void {
    this.running?.cancel();
    clearTimeout(this.timer);
    this.panel?.dispose();
    for (const l of this.listeners) l.dispose();
  }

  private createPanel(): WebviewPanel {
    const panel = window.createWebviewPanel('onMessage.report', 'Consistency Report', ViewColumn.Active, { enableScripts: true, localResourceRoots: [] });
    panel.webview.html = placeholder('Scanning the workspace…');
    panel.webview.onDidReceiveMessage((raw) => this.onMessage(raw));
    panel.onDidChangeViewState(() => {
      if (panel.visible && this.stale) this.scheduleRefresh();
    });
    panel.onDidDispose(() => {
      this.running?.cancel();
      this.panel = undefined;
    });
    return panel;
  }

  private scheduleRefresh(): void {
    if (!this.panel) return;
    if (!this.panel.visible) {
      this.stale = true;
      return;
    }
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.run(ProgressLocation.Window), REFRESH_DELAY_MS);
  }

  private run(location: ProgressLocation): Thenable<void> {
    this.running?.cancel();
    const source = new CancellationTokenSource();
    this.running = source;
    this.stale = false;
    return window.withProgress({ location, title: 'On Message: consistency report', cancellable: true }, async (progress, token) => {
      token.onCancellationRequested(() => source.cancel());
      const workDoneToken = randomUUID();
      const subscription = this.client.onProgress(WorkDoneProgress.type, workDoneToken, reporter(progress));
      try {
        const panel = this.panel;
        if (!panel) return;
        const nonce = randomBytes(16).toString('hex');
        const result: ReportResult = await this.client.sendRequest(ReportRequest.type, { workDoneToken, render: { nonce, cspSource: panel.webview.cspSource } }, source.token);
        if (this.panel === panel && !source.token.isCancellationRequested) panel.webview.html = result.html ?? placeholder('Nothing to report.');
      } catch (error) {
        if ((error as { code?: number }).code === REQUEST_CANCELLED || source.token.isCancellationRequested) {
          if (this.running === source) this.stale = true;
          return;
        }
        void window.showErrorMessage(`On Message: the report failed: ${error instanceof Error ? error.message : String(error)}`);
      } finally {
        subscription.dispose();
        source.dispose();
        if (this.running === source) this.running = undefined;
      }
    });
  }

  private async onMessage(raw: unknown): Promise<void> {
    const folders = workspace.workspaceFolders ?? [];
    const message = parseReportMessage(raw, folders.length, (root, i) => Uri.parse(root).fsPath === folders[i].uri.fsPath);
    if (!message) return;
    if (message.type === 'refresh') {
      await this.run(ProgressLocation.Window);
      return;
    }
    const { folder, segments, range } = message.location;
    const target = Uri.joinPath(folders[folder].uri, ...segments);
    await window.showTextDocument(target, {
      selection: new Range(range.startLine, range.startCharacter, range.endLine, range.endCharacter),
      viewColumn: ViewColumn.One,
      preview: false,
    });
  }
}

/** Turns the server's work-done progress into the notification's message and increments. */
function reporter(progress: Progress<{ message?: string; increment?: number }>): (value: WorkDoneProgressBegin | WorkDoneProgressReport | WorkDoneProgressEnd) => void {
  let last = 0;
  return (value) => {
    if (value.kind === 'end') return;
    const percentage = value.percentage ?? last;
    progress.report({ message: value.message, increment: Math.max(0, percentage - last) });
    last = Math.max(last, percentage);
  };
}

function placeholder(text: string): string {
  const escaped = text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none';"></head><body><p>${escaped}</p></body></html>`;
}
