/**
 * The text format on a terminal: the same lines as the plain contract (`file:line:col severity rule
 * message`, so terminals still link the location and a problem matcher still reads them once the colour
 * codes are stripped), coloured, with a blank line between files. Only used when standard output is a
 * terminal that wants colour (terminal.ts); piped output is always the plain format.
 */
import { toJsonFindings, type FileFindings, type Finding, type Severity } from '../../core/index';

const ESC = '\u001b[';
export const paint = {
  bold: (s: string) => `${ESC}1m${s}${ESC}22m`,
  dim: (s: string) => `${ESC}2m${s}${ESC}22m`,
  red: (s: string) => `${ESC}31m${s}${ESC}39m`,
  yellow: (s: string) => `${ESC}33m${s}${ESC}39m`,
  blue: (s: string) => `${ESC}34m${s}${ESC}39m`,
  green: (s: string) => `${ESC}32m${s}${ESC}39m`,
  underline: (s: string) => `${ESC}4m${s}${ESC}24m`,
};

const SEVERITY: Record<Severity, (s: string) => string> = {
  error: (s) => paint.bold(paint.red(s)),
  warning: paint.yellow,
  info: paint.blue,
};

export function formatPretty(files: readonly FileFindings[]): string {
  return files
    .map((file) =>
      toJsonFindings(file)
        .map((f) => `${paint.underline(`${f.file}:${f.line}:${f.column}`)} ${SEVERITY[f.severity](f.severity)} ${paint.dim(f.rule)} ${f.message}`)
        .join('\n'),
    )
    .filter((block) => block.length > 0)
    .join('\n\n');
}

/** The summary line, in colour: a mark and the counts, coloured by the worst severity. */
export function prettySummary(findings: readonly Finding[], plain: string): string {
  if (findings.some((f) => f.severity === 'error')) return paint.bold(paint.red(`✖ ${plain}`));
  if (findings.some((f) => f.severity === 'warning')) return paint.bold(paint.yellow(`⚠ ${plain}`));
  if (findings.length > 0) return paint.bold(paint.blue(`ℹ ${plain}`));
  return paint.bold(paint.green(`✔ ${plain}`));
}

/** Removes the colour codes this module writes (and any other SGR sequence). */
export function stripColor(text: string): string {
  return text.replace(/\u001b\[[0-9;]*m/g, '');
}
