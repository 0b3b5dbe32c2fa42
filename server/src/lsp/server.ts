import type { Connection } from 'vscode-languageserver/node';

/** Wires the engine to an LSP connection. (The full server is built in the language-server issue.) */
export function startServer(connection: Connection): void {
  connection.onInitialize(() => ({ capabilities: {} }));
  connection.listen();
}
