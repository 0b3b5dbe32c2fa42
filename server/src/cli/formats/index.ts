/**
 * The output formats of `on-message check`, all public contracts:
 *   text        `file:line:col severity rule message`, one finding a line (core/format.ts); on a terminal
 *               the same lines in colour (pretty.ts);
 *   json        {"version":1,"files":N,"findings":[…]} (core/format.ts);
 *   sarif       SARIF 2.1.0, for GitHub code scanning and other SARIF viewers (sarif.ts);
 *   github      GitHub Actions workflow commands, annotations on the pull request (github.ts);
 *   junit       JUnit XML, one testsuite per file and one failure per finding (junit.ts);
 *   checkstyle  Checkstyle XML (checkstyle.ts).
 */
import { formatJson, formatText, type FileFindings } from '../../core/index';
import { formatCheckstyle } from './checkstyle';
import { formatGithub } from './github';
import { formatJunit } from './junit';
import { formatPretty } from './pretty';
import { formatSarif } from './sarif';

export const CHECK_FORMATS = ['text', 'json', 'sarif', 'github', 'junit', 'checkstyle'] as const;
export type CheckFormat = (typeof CHECK_FORMATS)[number];

export function isCheckFormat(value: string): value is CheckFormat {
  return (CHECK_FORMATS as readonly string[]).includes(value);
}

export interface FormatContext {
  /** How many files were checked (json's `files`). */
  fileCount: number;
  /** The tool's version, for SARIF's driver. */
  version: string;
  /** The working directory the paths are relative to (SARIF's %SRCROOT%). */
  cwd: string;
  /** Colour the text format (a terminal that wants colour). */
  color?: boolean;
}

/** The whole output for `files` (brand files and checked files, with or without findings); '' for none. */
export function formatCheck(format: CheckFormat, files: readonly FileFindings[], context: FormatContext): string {
  switch (format) {
    case 'json':
      return formatJson(files, context.fileCount);
    case 'sarif':
      return formatSarif(files, context);
    case 'github':
      return formatGithub(files);
    case 'junit':
      return formatJunit(files);
    case 'checkstyle':
      return formatCheckstyle(files);
    case 'text':
      return context.color ? formatPretty(files) : formatText(files);
  }
}
