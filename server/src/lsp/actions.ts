/**
 * Code actions, read off diagnostics and analyses; nothing is cached between the diagnostic and the action.
 * Every edit is for one document version: actions for diagnostics of another version are not offered,
 * and edits are versioned (`documentChanges`) when the client supports it, so the client refuses them too.
 */
import { CodeActionKind, type CodeAction, type CodeActionContext, type Diagnostic, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { applyFixes, usesCrlf, withTextLineEndings, type Finding, type Fix } from '../core/index';
import { FIX_ALL_KIND, type FixAllArgs } from '../protocol';
import type { Analysis } from './analysis';
import { allowVariant, proposeClaim } from './brand-edits';
import { SOURCE, fixToTextEdit, offsetsToRange, type DiagnosticData } from './convert';

export interface EditOptions {
  /** The client accepts versioned `documentChanges`. */
  documentChanges: boolean;
}

export interface ActionOptions extends EditOptions {
  /** Leave the fix-all edit to `codeAction/resolve`. */
  deferFixAll: boolean;
  /** The editor version of an open document (the brand file), null when it is not open. */
  openVersion: (uri: string) => number | null;
}

export const FIX_ALL_TITLE = 'Fix all On Message problems';

/** Every action for a code action request, from the analysis of the document's current version. */
export function codeActions(analysis: Analysis, context: CodeActionContext, options: ActionOptions): CodeAction[] {
  const actions: CodeAction[] = [];
  if (wantsQuickFixes(context.only)) {
    actions.push(...quickFixes(analysis.document, context.diagnostics, options));
    actions.push(...brandFileActions(analysis, context.diagnostics, options));
  }
  const fixAll = wantsFixAll(context.only) ? fixAllAction(analysis.document, analysis.findings, options, options.deferFixAll) : undefined;
  return fixAll ? [...actions, fixAll] : actions;
}

/** Quick fixes and "Disable RULE for this line" for this server's diagnostics of the document's current version. */
export function quickFixes(document: TextDocument, diagnostics: readonly Diagnostic[], options: EditOptions): CodeAction[] {
  const fixes: CodeAction[] = [];
  const disables = new Map<string, CodeAction>();
  // In a CRLF document, a fix that inserts lines inserts CRLF (as `--fix` does).
  const crlf = diagnostics.some((d) => dataOf(d)?.fix?.text.includes('\n')) && usesCrlf(document.getText());
  for (const diagnostic of diagnostics) {
    const data = dataOf(diagnostic);
    if (!data || data.version !== document.version) continue;
    if (data.fix) fixes.push(fixAction(document, diagnostic, crlf ? { ...data.fix, text: data.fix.text.replace(/\r?\n/g, '\r\n') } : data.fix, options));
    const key = `${data.rule}:${diagnostic.range.start.line}`;
    if (!disables.has(key)) disables.set(key, disableLineAction(document, diagnostic, data.rule, options));
  }
  return [...fixes, ...disables.values()];
}

/**
 * `source.fixAll.onMessage`, or nothing when no finding has a fix. With `defer`, the edit is left to
 * `codeAction/resolve` and the action carries the version it was offered for.
 */
export function fixAllAction(document: TextDocument, findings: readonly Finding[], options: EditOptions, defer: boolean): CodeAction | undefined {
  const edit = fixAllEdit(document, findings, options);
  if (!edit) return undefined;
  const action: CodeAction = { title: FIX_ALL_TITLE, kind: FIX_ALL_KIND };
  if (defer) action.data = { uri: document.uri, version: document.version } satisfies FixAllArgs;
  else action.edit = edit;
  return action;
}

/** Every fix that `applyFixes` would apply, as minimal edits; undefined when there is none. */
export function fixAllEdit(document: TextDocument, findings: readonly Finding[], options: EditOptions): WorkspaceEdit | undefined {
  const text = document.getText();
  const { applied } = applyFixes(text, withTextLineEndings(text, findings));
  return applied.length ? workspaceEdit(document, applied.map((f) => fixToTextEdit(f, document)), options) : undefined;
}

/** Whether a code action request with this `only` filter wants the fix-all action. */
export function wantsFixAll(only: readonly string[] | undefined): boolean {
  return !only || only.some((kind) => FIX_ALL_KIND === kind || FIX_ALL_KIND.startsWith(`${kind}.`));
}

/** Whether it wants quick fixes. */
export function wantsQuickFixes(only: readonly string[] | undefined): boolean {
  return !only || only.some((kind) => kind === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(`${kind}.`) || kind === '');
}

export function isFixAllArgs(value: unknown): value is FixAllArgs {
  const v = value as FixAllArgs | undefined;
  return typeof v?.uri === 'string' && typeof v.version === 'number';
}

/**
 * "Propose a claim for this figure": writes a `status: proposed` claim stub into the brand file, for the
 * claim's owner to approve; until then the figure stays flagged.
 */
function proposeClaimAction(analysis: Analysis, diagnostic: Diagnostic, options: ActionOptions): CodeAction | undefined {
  const brand = analysis.brand;
  const start = analysis.document.offsetAt(diagnostic.range.start);
  const finding = analysis.findings.find((f) => f.rule === 'claim.unverified' && f.start === start);
  if (!brand || !finding?.figure) return undefined;
  const where = `${relativeTo(brand.uri, analysis.document.uri)}:${diagnostic.range.start.line + 1}`;
  const change = proposeClaim(brand.document.getText(), finding.figure, { where });
  if (!change) return undefined;
  const edit: TextEdit = { range: offsetsToRange(brand.document, change.start, change.end), newText: change.text };
  return {
    title: `Propose a claim for '${finding.figure.text}'`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit: versionedEdit(brand.uri, options.openVersion(brand.uri), [edit], options),
  };
}

/** The document's path relative to the brand file's folder, for a comment in the brand file. */
function relativeTo(brandUri: string, documentUri: string): string {
  const folder = brandUri.slice(0, brandUri.lastIndexOf('/') + 1);
  return decodeURIComponent(documentUri.startsWith(folder) ? documentUri.slice(folder.length) : documentUri.slice(documentUri.lastIndexOf('/') + 1));
}

/**
 * "Allow 'X' as a variant of NAME": removes X from the entry's forbidden_variants in the brand file.
 * Only while the brand file's current text is the one in force, so the edit lands where it was computed.
 */
export function brandFileActions(analysis: Analysis, diagnostics: readonly Diagnostic[], options: ActionOptions): CodeAction[] {
  if (analysis.status.state !== 'ok') return [];
  const actions = new Map<string, CodeAction>();
  for (const diagnostic of diagnostics) {
    const data = dataOf(diagnostic);
    if (!data || data.version !== analysis.document.version) continue;
    const action =
      data.rule === 'name.variant' ? allowVariantAction(analysis, diagnostic, options) : data.rule === 'claim.unverified' ? proposeClaimAction(analysis, diagnostic, options) : undefined;
    if (action && !actions.has(action.title)) actions.set(action.title, action);
  }
  return [...actions.values()];
}

function allowVariantAction(analysis: Analysis, diagnostic: Diagnostic, options: ActionOptions): CodeAction | undefined {
  const brand = analysis.brand;
  const start = analysis.document.offsetAt(diagnostic.range.start);
  const finding = analysis.findings.find((f) => f.rule === 'name.variant' && f.start === start);
  if (!brand || !finding?.entryId) return undefined;
  const surface = analysis.document.getText().slice(finding.start, finding.end);
  const change = allowVariant(brand.document.getText(), finding.entryId, surface);
  if (!change) return undefined;
  const name = brand.brand.names.find((n) => n.id === finding.entryId)?.name ?? finding.entryId;
  const edit: TextEdit = { range: offsetsToRange(brand.document, change.start, change.end), newText: change.text };
  return {
    title: `Allow '${surface}' as a variant of '${name}'`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit: versionedEdit(brand.uri, options.openVersion(brand.uri), [edit], options),
  };
}

function fixAction(document: TextDocument, diagnostic: Diagnostic, fix: Fix, options: EditOptions): CodeAction {
  return {
    title: fix.title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    // The engine offers at most one fix per finding, so the one there is is the preferred one.
    isPreferred: true,
    edit: workspaceEdit(document, [fixToTextEdit(fix, document)], options),
  };
}

/** Inserts the suppression comment above the line, with the line's indentation and blockquote markers. */
function disableLineAction(document: TextDocument, diagnostic: Diagnostic, rule: string, options: EditOptions): CodeAction {
  const line = diagnostic.range.start.line;
  const text = document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
  const prefix = /^(?:[ \t]*>)*[ \t]*/.exec(text)?.[0] ?? '';
  const newText = `${prefix}<!-- on-message-disable-next-line ${rule} -->${eol(document)}`;
  const insert: TextEdit = { range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText };
  return {
    title: `Disable ${rule} for this line`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit: workspaceEdit(document, [insert], options),
  };
}

function workspaceEdit(document: TextDocument, edits: TextEdit[], options: EditOptions): WorkspaceEdit {
  return versionedEdit(document.uri, document.version, edits, options);
}

function versionedEdit(uri: string, version: number | null, edits: TextEdit[], options: EditOptions): WorkspaceEdit {
  if (options.documentChanges) return { documentChanges: [{ textDocument: { uri, version }, edits }] };
  return { changes: { [uri]: edits } };
}

function dataOf(diagnostic: Diagnostic): DiagnosticData | undefined {
  const data = diagnostic.data as Partial<DiagnosticData> | undefined;
  if (diagnostic.source !== SOURCE || typeof data?.rule !== 'string' || typeof data.version !== 'number') return undefined;
  const fix = data.fix;
  const validFix = fix && typeof fix.title === 'string' && typeof fix.text === 'string' && Number.isInteger(fix.start) && Number.isInteger(fix.end);
  return { rule: data.rule, version: data.version, ...(validFix ? { fix } : {}) };
}

function eol(document: TextDocument): string {
  return document.getText().includes('\r\n') ? '\r\n' : '\n';
}
