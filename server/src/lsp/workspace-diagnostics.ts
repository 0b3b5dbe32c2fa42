/**
 * Workspace diagnostics (LSP 3.17 `workspace/diagnostic`): the Problems panel for Markdown files that are
 * not open. Open documents are left to document pulls.
 *
 * The client pulls again two seconds after every answer. So that a quiet workspace costs nothing, a result
 * id names what a file's diagnostics depend on (the brand and settings generation, the file's mtime and
 * size), an unchanged file is answered `unchanged`, and a pull that would change nothing is held open
 * until something does (a watched file, a brand file, the settings, a closed document) or the client
 * cancels it.
 */
import * as fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { WorkspaceDocumentDiagnosticReport } from 'vscode-languageserver';
import type { CancellationLike, ScanHost } from './report';
import { selectDocuments } from './report';
import type { Analysis } from './analysis';

export interface WorkspaceDiagnosticsHost extends ScanHost {
  isOpen(uri: string): boolean;
  /** The analysis of an unopened file's text (not memoised). */
  analyse(document: TextDocument): Promise<Analysis>;
}

/** What a file no longer in the workspace was last answered with: nothing more to say about it. */
const GONE = 'gone';

export class WorkspaceDiagnostics {
  /** Bumped when every file's diagnostics may change: brand files, settings, workspace folders. */
  private generation = 0;
  /** Bumped on any change; a held pull wakes on it. */
  private epoch = 0;
  private answeredEpoch = -1;
  private readonly waiters = new Set<() => void>();
  /** Files closed since the last answer: the client dropped their document diagnostics. */
  private readonly reopened = new Set<string>();

  /** Everything may have changed. */
  invalidate(): void {
    this.generation++;
    this.changed();
  }

  /** Something changed: a file on disk, or a document was closed (pass its URI). */
  changed(closedUri?: string): void {
    if (closedUri) this.reopened.add(closedUri);
    this.epoch++;
    for (const wake of [...this.waiters]) wake();
  }

  async pull(host: WorkspaceDiagnosticsHost, previous: ReadonlyArray<{ uri: string; value: string }>, token: CancellationLike & { onCancellationRequested?: (listener: () => void) => unknown }): Promise<WorkspaceDocumentDiagnosticReport[]> {
    if (this.answeredEpoch === this.epoch) await this.nextChange(token);
    if (token.isCancellationRequested) return [];
    const epoch = this.epoch;
    const held = new Map(previous.map((p) => [p.uri, p.value]));
    const reopened = new Set(this.reopened);
    this.reopened.clear();
    const items: WorkspaceDocumentDiagnosticReport[] = [];
    const seen = new Set<string>();
    const { groups } = await selectDocuments(host, token);
    for (const file of groups.flatMap((g) => g.files)) {
      const uri = pathToFileURL(file).href;
      seen.add(uri);
      if (host.isOpen(uri)) continue;
      let stat: fs.Stats;
      try {
        stat = fs.statSync(file);
      } catch {
        continue;
      }
      const resultId = `${this.generation}:${stat.mtimeMs}:${stat.size}`;
      if (held.get(uri) === resultId && !reopened.has(uri)) {
        items.push({ kind: 'unchanged', uri, version: null, resultId });
        continue;
      }
      await new Promise((resolve) => setImmediate(resolve));
      if (token.isCancellationRequested) return [];
      const text = host.openText(file) ?? readText(file);
      if (text === undefined) continue;
      const analysis = await host.analyse(TextDocument.create(uri, 'markdown', 0, text));
      items.push({ kind: 'full', uri, version: null, resultId, items: analysis.diagnostics });
    }
    // Files deleted, excluded or opened since: clear what the client holds for them, once.
    for (const [uri, value] of held) {
      if (seen.has(uri) && !host.isOpen(uri)) continue;
      if (value !== GONE && !host.isOpen(uri)) items.push({ kind: 'full', uri, version: null, resultId: GONE, items: [] });
    }
    this.answeredEpoch = epoch;
    return items;
  }

  private nextChange(token: CancellationLike & { onCancellationRequested?: (listener: () => void) => unknown }): Promise<void> {
    return new Promise((resolve) => {
      const wake = (): void => {
        this.waiters.delete(wake);
        resolve();
      };
      this.waiters.add(wake);
      token.onCancellationRequested?.(wake);
    });
  }
}

function readText(file: string): string | undefined {
  try {
    const text = fs.readFileSync(file, 'utf8');
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    return undefined;
  }
}
