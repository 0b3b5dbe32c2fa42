/**
 * Pushed diagnostics, for LSP clients that do not pull (no `textDocument.diagnostic` client capability:
 * older Neovim, Helix, Sublime LSP and Zed releases, simple generic clients). The server then publishes
 * each open document's diagnostics (`textDocument/publishDiagnostics`, with the status notification)
 * shortly after it opens or changes, and again when a brand file or the settings change. Clients that
 * pull (VS Code) never get a push.
 */
import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { StatusNotification } from '../protocol';
import type { Analysis } from './analysis';

export class DiagnosticsPusher {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly analyse: (document: TextDocument) => Promise<Analysis>,
    private readonly delay = 150,
  ) {}

  /** Publish the document's diagnostics once it has been quiet for `delay` ms. */
  schedule(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        void this.push(uri);
      }, this.delay),
    );
  }

  /** Every open document: a brand file or the settings changed. */
  scheduleAll(): void {
    for (const document of this.documents.all()) this.schedule(document.uri);
  }

  /** The document closed: clear what was published for it. */
  clear(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  private async push(uri: string): Promise<void> {
    const document = this.documents.get(uri);
    if (!document) return;
    const analysis = await this.analyse(document);
    // A newer version is already scheduled; publishing this one would flash stale squiggles.
    if (this.documents.get(uri)?.version !== analysis.document.version) return;
    await this.connection.sendDiagnostics({ uri, version: analysis.document.version, diagnostics: analysis.diagnostics });
    void this.connection.sendNotification(StatusNotification.type, analysis.status);
  }
}
