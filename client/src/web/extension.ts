/**
 * The extension in VS Code for the Web (package.json `browser`, dist/web/extension.js): starts the web
 * language server (dist/web/server.js) in a web worker and reads brand files for it through the
 * workspace file system, whatever the workspace's scheme. Diagnostics, quick fixes, fix all, hover, Go
 * to Definition, the status bar and the brand-file commands work as on the desktop; the consistency
 * report, which reads every file of the workspace, is desktop-only.
 */
import { commands, Uri, window, workspace, type ExtensionContext } from 'vscode';
import { DiagnosticPullMode, LanguageClient, type LanguageClientOptions } from 'vscode-languageclient/browser';
import { BRAND_LANGUAGE_ID, ReadFileRequest, StatusNotification } from '../../../server/src/protocol';
import { createBrandFile, fixAll, openBrandFile } from '../brand-commands';
import { Commands } from '../command-ids';
import { BrandStatus } from '../status';

declare class Worker {
  constructor(url: string);
}

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const status = new BrandStatus(Commands.openBrandFile);
  // A browser client owns its worker: restarting is a new worker and a new client.
  const start = async (): Promise<LanguageClient> => {
    const worker = new Worker(Uri.joinPath(context.extensionUri, 'dist/web/server.js').toString(true));
    const started = new LanguageClient('onMessage', 'On Message', clientOptions(), worker as never);
    started.onNotification(StatusNotification.type, (params) => status.update(params));
    started.onRequest(ReadFileRequest.type, async ({ uri }) => {
      try {
        return new TextDecoder().decode(await workspace.fs.readFile(Uri.parse(uri)));
      } catch {
        return null;
      }
    });
    client = started;
    await started.start();
    return started;
  };
  context.subscriptions.push(
    status,
    { dispose: () => void client?.dispose() },
    commands.registerCommand(Commands.openBrandFile, () => openBrandFile(status)),
    commands.registerCommand(Commands.createBrandFile, createBrandFile),
    commands.registerCommand(Commands.fixAll, () => (client ? fixAll(client) : undefined)),
    commands.registerCommand(Commands.restartServer, async () => {
      status.clear();
      await client?.stop();
      await start();
    }),
    commands.registerCommand(Commands.showReport, () =>
      window.showInformationMessage('On Message: the consistency report reads every file of the workspace; run it in VS Code on the desktop or with `on-message report`.'),
    ),
  );
  await start();
}

export function deactivate(): Promise<void> | undefined {
  return client?.stop();
}

function clientOptions(): LanguageClientOptions {
  return {
    // Any scheme: vscode-vfs (GitHub repositories), vscode-test-web, memfs, file.
    documentSelector: [{ language: 'markdown' }, { language: BRAND_LANGUAGE_ID }, { pattern: '**/brand-messaging.{yaml,yml}' }],
    synchronize: {
      configurationSection: 'onMessage',
      fileEvents: workspace.createFileSystemWatcher('**/*.{yaml,yml}'),
    },
    diagnosticPullOptions: {
      onChange: true,
      onSave: true,
      filter: (document, mode) => mode === DiagnosticPullMode.onType && workspace.getConfiguration('onMessage', document.uri).get('run') === 'onSave',
    },
  };
}
