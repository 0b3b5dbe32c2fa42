/**
 * Checkstyle XML (format version 4.3), as code-review bots and CI plugins read it: one <file> per checked
 * file, one <error> per finding, severity `error`, `warning` or `info`, source `on-message.RULE`.
 */
import { toJsonFindings, type FileFindings } from '../../core/index';
import { escapeXml } from './xml';

export function formatCheckstyle(files: readonly FileFindings[]): string {
  const body = files.map((file) => {
    const errors = toJsonFindings(file).map(
      (f) => `    <error line="${f.line}" column="${f.column}" severity="${f.severity}" message="${escapeXml(f.message)}" source="${escapeXml(`on-message.${f.rule}`)}"/>`,
    );
    return errors.length ? `  <file name="${escapeXml(file.file)}">\n${errors.join('\n')}\n  </file>` : `  <file name="${escapeXml(file.file)}"/>`;
  });
  return ['<?xml version="1.0" encoding="UTF-8"?>', '<checkstyle version="4.3">', ...body, '</checkstyle>'].join('\n');
}
