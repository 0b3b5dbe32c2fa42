/**
 * The vocabulary the client and the server share beyond standard LSP: custom notifications, server
 * commands, and the names both sides must agree on. Each message is a method name plus a typed constant.
 */
import { NotificationType, RequestType, type WorkDoneProgressParams } from 'vscode-languageserver-protocol';
import type { WorkspaceReport } from './core/report/types';

/** File names that make a folder's brand file, in the order they are looked for. */
export const BRAND_FILE_NAMES: readonly string[] = ['brand-messaging.yaml', 'brand-messaging.yml'];

/** The language id the extension gives brand files (contributes.languages). */
export const BRAND_LANGUAGE_ID = 'brand-messaging';

/** The code action kind of "fix everything in this file", for `editor.codeActionsOnSave`. */
export const FIX_ALL_KIND = 'source.fixAll.onMessage';

/**
 * How a document stands with its brand file:
 * `ok` the brand file is in force; `stale` the brand file's current text is unusable and its last good
 * version is in force; `invalid` it is unusable (or unreadable) and nothing is in force; `missing` no
 * brand file was found; `disabled` / `ignored` the settings turn checking off for the document.
 */
export type StatusState = 'ok' | 'stale' | 'invalid' | 'missing' | 'disabled' | 'ignored';

export interface StatusParams {
  /** The document this status is about. */
  uri: string;
  state: StatusState;
  /** The brand file used (or that failed) for this document. */
  brandFile?: string;
  /** Why the brand file is not fully in force, in a sentence for a tooltip. */
  message?: string;
  /** Problems in the brand file's current text. */
  brandProblems: number;
  /** Findings in the document, by severity. */
  counts: { error: number; warning: number; info: number };
}

/** Sent by the server every time it has checked a document. */
export namespace StatusNotification {
  export const method = 'onMessage/status' as const;
  export const type = new NotificationType<StatusParams>(method);
}

/**
 * `workspace/executeCommand` that applies every safe fix in a document through `workspace/applyEdit`.
 * Arguments: one `FixAllArgs`. Refused (nothing applied) when `version` is not the document's version.
 */
export namespace FixAllCommand {
  export const id = 'onMessage.server.fixAll';
}

export interface FixAllArgs {
  uri: string;
  version: number;
}

/**
 * `onMessage/report`: the workspace consistency report of every workspace folder. The server reads the
 * folders' Markdown files (open editors' text wins over the disk), less those excluded by `files.exclude`,
 * `onMessage.ignore`, `.gitignore` and the brand file's `ignore:` globs, and reports progress as
 * `$/progress` on `workDoneToken` ("12/40 documents"). Cancelling the request stops the scan between two
 * documents; the request then fails with `RequestCancelled`.
 */
export namespace ReportRequest {
  export const method = 'onMessage/report' as const;
  export const type = new RequestType<ReportParams, ReportResult, void>(method);
}

export interface ReportParams extends WorkDoneProgressParams {
  /** Also render the reports as one webview page, with this CSP nonce and `webview.cspSource`. */
  render?: { nonce: string; cspSource: string };
}

export interface ReportSection {
  /** The workspace folder (URI) the report's paths are relative to. */
  folder: string;
  /** The brand file (URI) the documents were checked against. */
  brandFile: string;
  report: WorkspaceReport;
}

export interface ReportResult {
  /** One report per workspace folder and brand file, in folder order. */
  sections: ReportSection[];
  /** The rendered page when `render` was given; its location links carry `data-root` = the section's folder URI. */
  html?: string;
  /** Documents found that were not reported on, and why (no brand file, an unusable one). */
  skipped: Array<{ uri: string; reason: string }>;
}

/**
 * `onMessage/readFile` (server → client): the text of a file, read by the client through the editor's
 * workspace file system. The language server of VS Code for the Web (dist/web/server.js) has no file
 * system of its own and reads brand files this way; `null` when the file does not exist or cannot be read.
 */
export namespace ReadFileRequest {
  export const method = 'onMessage/readFile' as const;
  export const type = new RequestType<ReadFileParams, string | null, void>(method);
}

export interface ReadFileParams {
  /** The file's URI, in the workspace's scheme (`file:`, `vscode-vfs:`, `vscode-test-web:`, …). */
  uri: string;
}
