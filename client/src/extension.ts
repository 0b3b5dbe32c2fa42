/**
 * The extension: starts the language server (dist/server.js over Node IPC) for Markdown and brand files,
 * shows the server's status per document, and registers the "On Message" commands.
 */
import { window, workspace, type ExtensionContext, type StatusBarItem } from 'vscode';
import { CloseAction, DiagnosticPullMode, ErrorAction, LanguageClient, TransportKind, type ErrorHandler, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { BRAND_LANGUAGE_ID, StatusNotification } from '../../server/src/protocol';
import { Commands } from './command-ids';
import { registerCommands } from './commands';
import { CrashPolicy } from './crash-policy';
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
  const crashes = new CrashPolicy();
  client = new LanguageClient('onMessage', 'On Message', serverOptions, { ...clientOptions(), errorHandler: errorHandler(crashes) });
  const status = new BrandStatus(Commands.openBrandFile);
  context.subscriptions.push(client, status, ...registerCommands(client, status, () => crashes.reset()));
  client.onNotification(StatusNotification.type, (params) => status.update(params));
  await client.start();
  return { statusBarItem: status.item };
}

export function deactivate(): Promise<void> | undefined {
  return client?.stop();
}

/**
 * When the server's process dies, restart it and say so once per burst of crashes (crash-policy.ts),
 * instead of the library's silent restarts. Errors on the connection are handled as the library does.
 */
export function errorHandler(crashes: CrashPolicy): ErrorHandler {
  return {
    error: (_error, _message, count) => ({ action: count !== undefined && count <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown }),
    closed: () => {
      const decision = crashes.closed();
      if (decision.notify) void (decision.restart ? window.showWarningMessage(decision.notify) : window.showErrorMessage(decision.notify));
      // handled: the library logs to the output channel but shows no notification of its own.
      return { action: decision.restart ? CloseAction.Restart : CloseAction.DoNotRestart, handled: true };
    },
  };
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
