import type { ExtensionContext } from 'vscode';

/** The client is built in the language-server issue. */
export function activate(_context: ExtensionContext): void {}

export function deactivate(): void {}
