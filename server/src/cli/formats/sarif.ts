/**
 * SARIF 2.1.0 (OASIS), as GitHub code scanning reads it. One run; the driver lists every rule of the
 * registry (plus any other rule id that has a finding: brand-file problems) with its description and
 * its README section; each finding is a result with its region and, when it has one, its safe fix.
 * Paths are relative URIs against %SRCROOT%, the working directory; columns count UTF-16 code units.
 */
import { pathToFileURL } from 'node:url';
import { lineStarts, offsetToLineColumn, rules, type FileFindings, type Severity } from '../../core/index';
import { HOMEPAGE, ruleInfo } from './rule-info';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

interface SarifContext {
  version: string;
  cwd: string;
}

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

export function formatSarif(files: readonly FileFindings[], context: SarifContext): string {
  const ids = rules.map((r) => r.id);
  for (const file of files) for (const f of file.findings) if (!ids.includes(f.rule)) ids.push(f.rule);
  const index = new Map(ids.map((id, i) => [id, i]));
  const results = files.flatMap((file) => {
    const starts = lineStarts(file.text);
    const region = (start: number, end: number) => {
      const a = offsetToLineColumn(starts, start);
      const b = offsetToLineColumn(starts, end);
      return { startLine: a.line, startColumn: a.column, endLine: b.line, endColumn: b.column };
    };
    const artifactLocation = { uri: fileUri(file.file), uriBaseId: '%SRCROOT%' };
    return file.findings.map((f) => ({
      ruleId: f.rule,
      ruleIndex: index.get(f.rule)!,
      level: LEVEL[f.severity],
      message: { text: f.message },
      locations: [{ physicalLocation: { artifactLocation, region: region(f.start, f.end) } }],
      ...(f.fix
        ? {
            fixes: [
              {
                description: { text: f.fix.title },
                artifactChanges: [{ artifactLocation, replacements: [{ deletedRegion: region(f.fix.start, f.fix.end), insertedContent: { text: f.fix.text } }] }],
              },
            ],
          }
        : {}),
    }));
  });
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'On Message',
            informationUri: HOMEPAGE,
            ...(/^\d+\.\d+\.\d+/.test(context.version) ? { version: context.version, semanticVersion: context.version } : {}),
            rules: ids.map((id) => {
              const info = ruleInfo(id);
              return {
                id,
                shortDescription: { text: info.description },
                helpUri: info.helpUri,
                defaultConfiguration: { level: LEVEL[info.severity] },
              };
            }),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: folderUri(context.cwd) } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2);
}

/** A relative path (forward slashes) as a relative URI reference. */
function fileUri(file: string): string {
  return file.split('/').map((segment) => encodeURIComponent(segment)).join('/');
}

function folderUri(folder: string): string {
  const href = pathToFileURL(folder).href;
  return href.endsWith('/') ? href : `${href}/`;
}
