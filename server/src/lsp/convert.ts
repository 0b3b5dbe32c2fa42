/**
 * Named one-way conversions from engine data (UTF-16 offsets) to LSP data (positions). Pure: everything a
 * conversion needs is passed in, and the document passed is the exact version the offsets belong to.
 */
import {
  DiagnosticSeverity,
  DiagnosticTag,
  MarkupKind,
  type Diagnostic,
  type Hover,
  type Location,
  type Range,
  type TextEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Brand, BrandProblem, BrandSource, CheckResult, Finding, Fix, Severity } from '../core/index';

/** `source` of every diagnostic this server produces. */
export const SOURCE = 'on-message';

/** The README that documents every rule; each rule has a section whose anchor is its id without dots. */
export const RULE_DOCS_BASE = 'https://github.com/on-message/on-message';

/**
 * What a diagnostic carries for code actions, so that no fix is cached on the server. `fix` offsets are
 * into the document at `version`; a code action for any other version is refused.
 */
export interface DiagnosticData {
  rule: string;
  version: number;
  fix?: Fix;
}

/** The brand file text that a finding's `source` offsets point into (the version in force), and its URI. */
export interface BrandText {
  uri: string;
  document: TextDocument;
}

type Claim = Brand['claims'][number];

export function ruleDocsHref(rule: string): string {
  return `${RULE_DOCS_BASE}#${rule.replace(/\./g, '')}`;
}

export function severityToLsp(severity: Severity): DiagnosticSeverity {
  switch (severity) {
    case 'error':
      return DiagnosticSeverity.Error;
    case 'warning':
      return DiagnosticSeverity.Warning;
    case 'info':
      return DiagnosticSeverity.Information;
  }
}

export function offsetsToRange(document: TextDocument, start: number, end: number): Range {
  return { start: document.positionAt(start), end: document.positionAt(end) };
}

export function findingToDiagnostic(finding: Finding, document: TextDocument, brand?: BrandText): Diagnostic {
  const data: DiagnosticData = { rule: finding.rule, version: document.version };
  if (finding.fix) data.fix = finding.fix;
  const diagnostic: Diagnostic = {
    range: offsetsToRange(document, finding.start, finding.end),
    severity: severityToLsp(finding.severity),
    code: finding.rule,
    codeDescription: { href: ruleDocsHref(finding.rule) },
    source: SOURCE,
    message: finding.message,
    data,
  };
  const entry = brandEntryLocation(finding.source, brand);
  if (entry && finding.source) diagnostic.relatedInformation = [{ location: entry, message: `Brand file entry: ${finding.source.label}` }];
  if (finding.deprecated) diagnostic.tags = [DiagnosticTag.Deprecated];
  return diagnostic;
}

/** Code of the one diagnostic of a document that was not checked (CheckResult.skipped). */
export const SKIPPED_CODE = 'document.skipped';

/** Why a document was not checked, as one information diagnostic at its start (issue 7). */
export function skippedDiagnostic(reason: string): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Information,
    code: SKIPPED_CODE,
    source: SOURCE,
    message: reason,
  };
}

/** Code of the diagnostic saying that one rule failed (threw) on the document. */
export const CHECK_FAILED_CODE = 'document.check-failed';

/**
 * A rule that threw on this document: one error diagnostic at its start, so the writer knows that this
 * check's findings are missing here while every other rule's are shown (issue 7). The server stays up.
 */
export function failedCheckDiagnostic(failure: { rule: string; message: string }): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Error,
    code: CHECK_FAILED_CODE,
    source: SOURCE,
    message: `The ${failure.rule} check failed on this document (${failure.message.slice(0, 200)}), so its findings are missing here; the other checks ran. Please report this with the document.`,
  };
}

/** A check's diagnostics: why it was not checked, or one per finding and one per rule that failed. */
export function checkDiagnostics(result: CheckResult, document: TextDocument, brand?: BrandText): Diagnostic[] {
  if (result.skipped) return [skippedDiagnostic(result.skipped)];
  return [...result.failures.map(failedCheckDiagnostic), ...result.findings.map((f) => findingToDiagnostic(f, document, brand))];
}

/** A problem of the brand file, on the brand file's own text. */
export function brandProblemToDiagnostic(problem: BrandProblem, brandDocument: TextDocument): Diagnostic {
  return {
    range: offsetsToRange(brandDocument, problem.start, problem.end),
    severity: severityToLsp(problem.severity),
    code: problem.code,
    source: SOURCE,
    message: problem.message,
  };
}

/** Where the brand-file entry behind a finding is, when the engine knows its offsets. */
export function brandEntryLocation(source: BrandSource | undefined, brand: BrandText | undefined): Location | undefined {
  if (!source || !brand || source.start === undefined || source.end === undefined) return undefined;
  return { uri: brand.uri, range: offsetsToRange(brand.document, source.start, source.end) };
}

export function fixToTextEdit(fix: Fix, document: TextDocument): TextEdit {
  return { range: offsetsToRange(document, fix.start, fix.end), newText: fix.text };
}

/** A hover over the span of the first finding, describing every finding passed (all cover the position). */
export function findingsToHover(findings: readonly Finding[], document: TextDocument, claims: readonly Claim[] = []): Hover {
  const first = findings[0];
  return {
    contents: { kind: MarkupKind.Markdown, value: findings.map((f) => findingMarkdown(f, claims)).join('\n\n---\n\n') },
    range: offsetsToRange(document, first.start, first.end),
  };
}

function findingMarkdown(finding: Finding, claims: readonly Claim[]): string {
  const lines = [`**On Message** · \`${finding.rule}\` · ${finding.severity}`, escape(finding.message)];
  if (finding.fix) lines.push(`Fix: ${escape(finding.fix.title)}`);
  if (finding.source) lines.push(sourceMarkdown(finding.source));
  const claim = finding.entryId ? claims.find((c) => c.id === finding.entryId) : undefined;
  const claimText = claim ? claimMarkdown(claim) : '';
  if (claimText) lines.push(claimText);
  lines.push(`[Rule documentation](${ruleDocsHref(finding.rule)})`);
  return lines.join('\n\n');
}

function sourceMarkdown(source: BrandSource): string {
  const parts = [`Brand file: ${escape(source.label)}`];
  if (source.owner) parts.push(`owner: ${escape(source.owner)}`);
  if (source.reference) parts.push(`source: ${escape(source.reference)}`);
  return parts.join(' · ');
}

function claimMarkdown(claim: Claim): string {
  const value = claim.value === undefined ? undefined : `${claim.qualifier} ${claim.value}${claim.unit ? ` ${claim.unit}` : ''}`;
  const parts: Array<[string, string | undefined]> = [
    ['approved value', value],
    ['as of', claim.asOf],
    ['valid until', claim.validUntil],
    ['source', claim.source],
  ];
  return parts
    .filter((p): p is [string, string] => p[1] !== undefined)
    .map(([k, v]) => `${k}: ${escape(v)}`)
    .join(' · ');
}

/** Brand-file text is shown as text, never as Markdown the writer did not mean. */
function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]<>#|]/g, '\\$&');
}
