/**
 * GitHub Actions workflow commands: one annotation per finding, which GitHub shows on the pull request's
 * changed lines and in the run's summary.
 *   ::error file=F,line=L,col=C,endLine=L2,endColumn=C2,title=RULE::MESSAGE
 * `error` for errors, `warning` for warnings, `notice` for info. Values are escaped as the Actions
 * runner unescapes them: `%`, CR and LF everywhere, and `:` and `,` inside properties.
 */
import { toJsonFindings, type FileFindings, type Severity } from '../../core/index';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

export function formatGithub(files: readonly FileFindings[]): string {
  return files
    .flatMap(toJsonFindings)
    .map((f) => {
      const props = [
        `file=${escapeProperty(f.file)}`,
        `line=${f.line}`,
        `col=${f.column}`,
        `endLine=${f.endLine}`,
        `endColumn=${f.endColumn}`,
        `title=${escapeProperty(f.rule)}`,
      ].join(',');
      return `::${COMMAND[f.severity]} ${props}::${escapeData(f.message)}`;
    })
    .join('\n');
}

export function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
