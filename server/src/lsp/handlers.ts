/**
 * The per-document handlers the Node server (server.ts) and the web server (web/server.ts) share: pulled
 * diagnostics, code actions with fix all, hover and Go to Definition. Each looks up its document, guards,
 * and delegates to the server's own `analyse`; no Node API here.
 */
import {
  DocumentDiagnosticReportKind,
  type ClientCapabilities,
  type CodeAction,
  type Connection,
  type DocumentDiagnosticReport,
  type Position,
  type TextDocuments,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../core/index';
import { FixAllCommand, StatusNotification } from '../protocol';
import { codeActions, fixAllEdit, isFixAllArgs, FIX_ALL_TITLE, type EditOptions } from './actions';
import type { Analysis } from './analysis';
import { brandEntryLocation, findingsToHover } from './convert';

export interface DocumentHandlersHost {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  /** The analysis of the document's current version. */
  analyse(document: TextDocument): Promise<Analysis>;
  /** The client's capabilities, as known once initialized. */
  client(): ClientCapabilities;
}

export function registerDocumentHandlers(host: DocumentHandlersHost): void {
  const { connection, documents, analyse } = host;
  const editOptions = (): EditOptions => ({ documentChanges: !!host.client().workspace?.workspaceEdit?.documentChanges });

  /** The fix-all edit for exactly the document version in `args`; undefined when it moved on or nothing applies. */
  const fixAllFor = async (args: unknown): Promise<WorkspaceEdit | undefined> => {
    const document = isFixAllArgs(args) ? documents.get(args.uri) : undefined;
    if (!document || !isFixAllArgs(args) || document.version !== args.version) return undefined;
    const analysis = await analyse(document);
    return analysis.document.version === args.version ? fixAllEdit(analysis.document, analysis.findings, editOptions()) : undefined;
  };

  connection.languages.diagnostics.on(async (params): Promise<DocumentDiagnosticReport> => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    const analysis = await analyse(document);
    void connection.sendNotification(StatusNotification.type, analysis.status);
    return { kind: DocumentDiagnosticReportKind.Full, items: analysis.diagnostics };
  });

  connection.onCodeAction(async (params): Promise<CodeAction[]> => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return [];
    return codeActions(await analyse(document), params.context, {
      ...editOptions(),
      deferFixAll: !!host.client().textDocument?.codeAction?.resolveSupport?.properties.includes('edit'),
      openVersion: (uri) => documents.get(uri)?.version ?? null,
    });
  });

  connection.onCodeActionResolve(async (action) => {
    const edit = await fixAllFor(action.data);
    return edit ? { ...action, edit } : action;
  });

  connection.onExecuteCommand(async (params) => {
    const edit = params.command === FixAllCommand.id ? await fixAllFor(params.arguments?.[0]) : undefined;
    return edit ? connection.workspace.applyEdit({ label: FIX_ALL_TITLE, edit }) : { applied: false };
  });

  connection.onHover(async (params) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return null;
    const analysis = await analyse(document);
    const found = findingsAt(analysis, params.position);
    return found.length ? findingsToHover(found, analysis.document, analysis.brand?.brand.claims) : null;
  });

  connection.onDefinition(async (params) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return null;
    const analysis = await analyse(document);
    const found = findingsAt(analysis, params.position).find((f) => f.source?.start !== undefined);
    return brandEntryLocation(found?.source, analysis.brand) ?? null;
  });
}

/** Findings whose span contains the position, or ends at it (the cursor just after a word). */
export function findingsAt(analysis: Analysis, position: Position): Finding[] {
  const offset = analysis.document.offsetAt(position);
  return analysis.findings.filter((f) => f.start <= offset && offset <= f.end);
}
