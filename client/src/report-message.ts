/**
 * What the report webview may ask of the extension, validated. Pure (no vscode), so it is tested in Node.
 * The page is trusted only as far as its messages check out: a location must name one of the workspace
 * folders and a relative path that stays inside it, with whole-number positions.
 */

export interface OpenLocation {
  /** Index into the workspace folders given. */
  folder: number;
  /** Path segments under the folder. */
  segments: string[];
  /** 0-based, as editors count. */
  range: { startLine: number; startCharacter: number; endLine: number; endCharacter: number };
}

export type ReportMessage = { type: 'open'; location: OpenLocation } | { type: 'refresh' };

/**
 * The message, or undefined when it is not one the extension answers. `sameFolder(root, i)` says whether
 * the page's root (the folder URI the server named) is workspace folder `i`.
 */
export function parseReportMessage(raw: unknown, folders: number, sameFolder: (root: string, index: number) => boolean): ReportMessage | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const m = raw as Record<string, unknown>;
  if (m.type === 'refresh') return { type: 'refresh' };
  if (m.type !== 'open' || typeof m.root !== 'string' || typeof m.path !== 'string') return undefined;
  const root = m.root;
  const folder = Array.from({ length: folders }, (_, i) => i).find((i) => sameFolder(root, i));
  if (folder === undefined) return undefined;
  const segments = m.path.split('/');
  if (m.path.startsWith('/') || segments.some((s) => s === '' || s === '.' || s === '..' || s.includes('\\'))) return undefined;
  const [line, column, endLine, endColumn] = [m.line, m.column, m.endLine, m.endColumn].map((n) => (typeof n === 'number' && Number.isInteger(n) && n >= 1 ? n : undefined));
  if (line === undefined || column === undefined) return undefined;
  const end = endLine !== undefined && endColumn !== undefined && (endLine > line || (endLine === line && endColumn >= column)) ? { endLine, endColumn } : { endLine: line, endColumn: column };
  return { type: 'open', location: { folder, segments, range: { startLine: line - 1, startCharacter: column - 1, endLine: end.endLine - 1, endCharacter: end.endColumn - 1 } } };
}
