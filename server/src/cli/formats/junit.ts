/**
 * JUnit XML, as CI test-report viewers read it (Jenkins, GitLab, Azure Pipelines, the JUnit report
 * actions): one <testsuite> per checked file; a file with findings has one <testcase> with a <failure>
 * per finding (name `rule line:col`, classname the file); a clean file has one passing testcase. Errors,
 * warnings and info are all failures, with the severity in the failure's `type` and text.
 */
import { toJsonFindings, type FileFindings } from '../../core/index';
import { escapeXml, escapeXmlText } from './xml';

export function formatJunit(files: readonly FileFindings[]): string {
  let tests = 0;
  let failures = 0;
  const suites = files.map((file) => {
    const findings = toJsonFindings(file);
    const cases = findings.length
      ? findings.map(
          (f) =>
            `    <testcase name="${escapeXml(`${f.rule} ${f.line}:${f.column}`)}" classname="${escapeXml(file.file)}" time="0">\n` +
            `      <failure message="${escapeXml(f.message)}" type="${escapeXml(f.severity)}">${escapeXmlText(`${f.file}:${f.line}:${f.column} ${f.severity} ${f.rule} ${f.message}`)}</failure>\n` +
            `    </testcase>`,
        )
      : [`    <testcase name="on-message" classname="${escapeXml(file.file)}" time="0"/>`];
    const count = Math.max(1, findings.length);
    tests += count;
    failures += findings.length;
    return `  <testsuite name="${escapeXml(file.file)}" tests="${count}" failures="${findings.length}" errors="0" skipped="0" time="0">\n${cases.join('\n')}\n  </testsuite>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="on-message" tests="${tests}" failures="${failures}" errors="0" time="0">`,
    ...suites,
    '</testsuites>',
  ].join('\n');
}
