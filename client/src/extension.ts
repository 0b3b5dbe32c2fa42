/**
 * The extension: starts the language server (dist/server.js over Node IPC) for Markdown and brand files,
 * shows the server's status per document, and registers the "On Message" commands.
 */
import { workspace, type ExtensionContext, type StatusBarItem } from 'vscode';
import { DiagnosticPullMode, LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { BRAND_LANGUAGE_ID, StatusNotification } from '../../server/src/protocol';
import { Commands } from './command-ids';
import { registerCommands } from './commands';
import { BrandStatus } from './status';

let client: LanguageClient | undefined;

/** What activate() returns: a handle for the extension's own tests in VS Code (test/vscode), not a public API. */
export interface OnMessageTestApi {
  readonly statusBarItem: StatusBarItem;
}

export async function activate(context: ExtensionContext): Promise<OnMessageTestApi> {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  client = new LanguageClient('onMessage', 'On Message', serverOptions, clientOptions());
  const status = new BrandStatus(Commands.openBrandFile);
  context.subscriptions.push(client, status, ...registerCommands(client, status));
  client.onNotification(StatusNotification.type, (params) => status.update(params));
  await client.start();
  return { statusBarItem: status.item };
}

export function deactivate(): Promise<void> | undefined {
  return client?.stop();
}

function clientOptions(): LanguageClientOptions {
  return {
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'untitled', language: 'markdown' },
      { scheme: 'file', language: BRAND_LANGUAGE_ID },
      // A brand file the writer switched to plain YAML mode is still a brand file.
      { scheme: 'file', pattern: '**/brand-messaging.{yaml,yml}' },
    ],
    synchronize: {
      configurationSection: 'onMessage',
      // Any YAML file may be a brand file (onMessage.brandFile); the server ignores the others. Markdown
      // files on disk feed the workspace diagnostics of unopened files.
      fileEvents: [workspace.createFileSystemWatcher('**/*.{yaml,yml}'), workspace.createFileSystemWatcher('**/*.{md,markdown,mdx}')],
    },
    diagnosticPullOptions: {
      onChange: true,
      onSave: true,
      // onMessage.run: onSave — pull on open and save only, never while typing.
      filter: (document, mode) => mode === DiagnosticPullMode.onType && workspace.getConfiguration('onMessage', document.uri).get('run') === 'onSave',
    },
  };
}
