/**
 * The analysis of a document that was not checked (disabled, ignored, no brand file…) and the counts the
 * status bar shows; shared by the Node server (analysis.ts) and the web server, so no Node API here.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { StatusParams, StatusState } from '../protocol';
import type { Analysis } from './analysis';

/** An analysis with no findings, in `state`, naming the brand file when there is one. */
export function emptyAnalysis(document: TextDocument, state: StatusState, message?: string, brandFile?: { uri: string; problems: readonly unknown[] }): Analysis {
  const status: StatusParams = { uri: document.uri, state, brandProblems: brandFile?.problems.length ?? 0, counts: { error: 0, warning: 0, info: 0 } };
  if (brandFile) status.brandFile = brandFile.uri;
  if (message) status.message = message;
  return { document, findings: [], diagnostics: [], status, failures: [] };
}

export function countBySeverity(items: ReadonlyArray<{ severity: 'error' | 'warning' | 'info' }>): StatusParams['counts'] {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const item of items) counts[item.severity]++;
  return counts;
}
