/**
 * The commands that need no file system of their own, shared by the desktop extension (commands.ts) and
 * the web extension (web/extension.ts): open or create the brand file, fix all in the active document.
 */
import { commands, Uri, window, workspace, type WorkspaceFolder } from 'vscode';
import { ExecuteCommandRequest, type BaseLanguageClient } from 'vscode-languageclient';
import { BRAND_FILE_NAMES, FixAllCommand, type FixAllArgs } from '../../server/src/protocol';
import { Commands } from './command-ids';
import type { BrandStatus } from './status';
import { BRAND_FILE_TEMPLATE } from './template';

/** The active document's brand file, else the first one in the workspace, else an offer to create one. */
export async function openBrandFile(status: BrandStatus): Promise<void> {
  const known = status.active()?.brandFile;
  const found = known ? Uri.parse(known) : (await workspace.findFiles(`**/{${BRAND_FILE_NAMES.join(',')}}`, '**/node_modules/**', 1))[0];
  if (found) {
    await window.showTextDocument(found);
    return;
  }
  const create = 'Create Brand Messaging File';
  if ((await window.showInformationMessage('There is no brand-messaging.yaml in this workspace.', create)) === create) {
    await commands.executeCommand(Commands.createBrandFile);
  }
}

/** Writes the commented template at the root of a workspace folder, or opens the file already there. */
export async function createBrandFile(): Promise<void> {
  const folder = await pickFolder();
  if (!folder) {
    void window.showErrorMessage('Open a folder first: the brand file lives at the root of a workspace folder.');
    return;
  }
  const target = Uri.joinPath(folder.uri, BRAND_FILE_NAMES[0]);
  if (!(await exists(target))) await workspace.fs.writeFile(target, new TextEncoder().encode(BRAND_FILE_TEMPLATE));
  await window.showTextDocument(target);
}

/** Applies every safe fix in the active Markdown document, through the server (refused if the text moved on). */
export async function fixAll(client: BaseLanguageClient): Promise<void> {
  const document = window.activeTextEditor?.document;
  if (!document || document.languageId !== 'markdown') return;
  const args: FixAllArgs = { uri: client.code2ProtocolConverter.asUri(document.uri), version: document.version };
  const result = await client.sendRequest(ExecuteCommandRequest.type, { command: FixAllCommand.id, arguments: [args] });
  if (!(result as { applied?: boolean } | null)?.applied) void window.showInformationMessage('On Message: nothing to fix in this file.');
}

async function pickFolder(): Promise<WorkspaceFolder | undefined> {
  const folders = workspace.workspaceFolders ?? [];
  if (folders.length <= 1) return folders[0];
  return window.showWorkspaceFolderPick({ placeHolder: 'Workspace folder for the new brand-messaging.yaml' });
}

async function exists(uri: Uri): Promise<boolean> {
  try {
    await workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
