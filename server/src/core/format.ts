/**
 * Output formats of `on-message check`. Both are public contracts:
 *   text: `file:line:col severity rule message`, one finding a line;
 *   json: {"version":1,"files":N,"findings":[{"file","line","column","endLine","endColumn","rule","severity","message","fix":{"text"}}]}
 * Lines and columns are 1-based; columns count UTF-16 code units. `fix` is present only when there is one.
 */
import type { Finding, Severity } from './types';
import { lineStarts, offsetToLineColumn } from './text/positions';

export interface FileFindings {
  /** The path as the user should see it (relative to the working directory, forward slashes). */
  file: string;
  text: string;
  findings: readonly Finding[];
}

export interface JsonFinding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  rule: string;
  severity: Severity;
  message: string;
  fix?: { text: string };
}

export interface JsonReport {
  version: 1;
  files: number;
  findings: JsonFinding[];
}

export function toJsonFindings(file: FileFindings): JsonFinding[] {
  const starts = lineStarts(file.text);
  return file.findings.map((f) => {
    const a = offsetToLineColumn(starts, f.start);
    const b = offsetToLineColumn(starts, f.end);
    const out: JsonFinding = {
      file: file.file,
      line: a.line,
      column: a.column,
      endLine: b.line,
      endColumn: b.column,
      rule: f.rule,
      severity: f.severity,
      message: f.message,
    };
    if (f.fix) out.fix = { text: f.fix.text };
    return out;
  });
}

export function formatJson(files: readonly FileFindings[], fileCount: number = files.length): string {
  const report: JsonReport = { version: 1, files: fileCount, findings: files.flatMap(toJsonFindings) };
  return JSON.stringify(report, null, 2);
}

export function formatText(files: readonly FileFindings[]): string {
  return files
    .flatMap(toJsonFindings)
    .map((f) => `${f.file}:${f.line}:${f.column} ${f.severity} ${f.rule} ${f.message}`)
    .join('\n');
}
