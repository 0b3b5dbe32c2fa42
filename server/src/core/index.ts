/**
 * The engine's public surface. The language server, the CLI and the report import the engine only from
 * here. Everything exported is pure: text in, plain data out; no file system, no editor.
 */
export type { Finding, Fix, Severity, BrandProblem, BrandSource, FigureProposal } from './types';
export type { Brand } from './brand/model';
export { emptyBrand } from './brand/model';
export { check, type CheckOptions, type CheckResult } from './check';
export { applyFixes, usesCrlf, withTextLineEndings, type FixResult } from './fix';
export { IncrementalProse, type ParseStats } from './markdown/incremental';
export { rules, ruleIds } from './rules/index';
export type { Rule } from './rule';
export { lineStarts, offsetToLineColumn, type LineColumn } from './text/positions';
export { formatJson, formatText, toJsonFindings, type FileFindings, type JsonFinding, type JsonReport } from './format';
export { loadBrand, type LoadedBrand } from './brand/load';
export { buildReport, assembleReport, CROSS_DOC_RULE, type ReportOptions } from './report/build';
export { analyzeDocument, type ReportDocument, type AnalyzeOptions, type DocumentFacts } from './report/facts';
export type * from './report/types';
export { REPORT_VERSION } from './report/types';
export { formatReportMarkdown, type MarkdownOptions } from './report/markdown';
export { formatReportHtml, formatReportsHtml, type HtmlOptions, type HtmlSection } from './report/html';
export { isIgnoredByBrand } from './report/ignore';
