/** The status bar item: the active document's brand file (or its trouble) and counts; click opens the brand file. */
import { StatusBarAlignment, ThemeColor, Uri, window, workspace, type Disposable, type StatusBarItem } from 'vscode';
import type { StatusParams } from '../../server/src/protocol';
import { statusText } from './status-text';

export class BrandStatus implements Disposable {
  readonly item: StatusBarItem;
  private readonly byUri = new Map<string, StatusParams>();
  private readonly listeners: Disposable[];

  constructor(command: string) {
    this.item = window.createStatusBarItem('onMessage.status', StatusBarAlignment.Right, 100);
    this.item.name = 'On Message';
    this.item.command = command;
    this.listeners = [
      window.onDidChangeActiveTextEditor(() => this.render()),
      workspace.onDidCloseTextDocument((d) => this.byUri.delete(d.uri.toString())),
    ];
  }

  update(status: StatusParams): void {
    this.byUri.set(status.uri, status);
    this.render();
  }

  /** The status of the active editor's document, when the server has checked it. */
  active(): StatusParams | undefined {
    const uri = window.activeTextEditor?.document.uri.toString();
    return uri ? this.byUri.get(uri) : undefined;
  }

  clear(): void {
    this.byUri.clear();
    this.render();
  }

  dispose(): void {
    this.item.dispose();
    for (const l of this.listeners) l.dispose();
  }

  private render(): void {
    const status = this.active();
    if (!status) return this.item.hide();
    const { text, tooltip, warning } = statusText(status, (uri) => workspace.asRelativePath(Uri.parse(uri)));
    this.item.text = text;
    this.item.tooltip = tooltip;
    this.item.backgroundColor = warning ? new ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.show();
  }
}
