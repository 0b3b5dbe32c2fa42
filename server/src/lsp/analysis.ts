/**
 * One document checked against its brand file, with everything the handlers need: findings, diagnostics,
 * the brand text the findings point into, and the status for the client. An analysis belongs to exactly
 * one document version (`document` is a snapshot of it), so nothing computed from it can go stale unseen.
 */
import * as path from 'node:path';
import picomatch from 'picomatch/posix';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver';
import { check, IncrementalProse, type Brand, type Finding } from '../core/index';
import type { StatusParams, StatusState } from '../protocol';
import { BrandFiles, WorkspaceFolders, isBrandFileName, uriToPath, type BrandFile } from './brand-files';
import { brandProblemToDiagnostic, checkDiagnostics, type BrandText } from './convert';
import type { Settings, SettingsCache } from './settings';
import { countBySeverity, emptyAnalysis } from './status';

export interface Analysis {
  /** The version analysed, frozen. */
  document: TextDocument;
  findings: Finding[];
  diagnostics: Diagnostic[];
  /** The brand in force and the text its offsets point into. */
  brand?: BrandText & { brand: Brand };
  status: StatusParams;
  /** Rules that threw on this document (the others' findings are complete). */
  failures: Array<{ rule: string; message: string }>;
}

export class Analyzer {
  private readonly memo = new Map<string, Analysis>();
  /** Per open document: its last parse, so an edit re-parses only the blocks it touched. */
  private readonly parsers = new Map<string, IncrementalProse>();
  private generation = 0;

  constructor(
    private readonly settings: SettingsCache,
    private readonly brands: BrandFiles,
    private readonly folders: WorkspaceFolders,
  ) {}

  /** The analysis of the document's current version; reused until the document, a brand file or settings change. */
  async analyse(document: TextDocument): Promise<Analysis> {
    const cached = this.memo.get(document.uri);
    if (cached && cached.document.version === document.version) return cached;
    const generation = this.generation;
    const settings = await this.settings.get(document.uri);
    // Everything from here on is synchronous, so the snapshot and the findings describe one version.
    const analysis = this.compute(snapshot(document), settings);
    if (generation === this.generation) this.memo.set(document.uri, analysis);
    return analysis;
  }

  /** Brand files or settings changed: every analysis is out of date. */
  invalidate(): void {
    this.generation++;
    this.memo.clear();
  }

  forget(uri: string): void {
    this.memo.delete(uri);
    this.parsers.delete(uri);
  }

  /** The incremental parser of a document (what its last parse did is in `stats`). */
  parser(uri: string): IncrementalProse {
    let parser = this.parsers.get(uri);
    if (!parser) {
      parser = new IncrementalProse();
      this.parsers.set(uri, parser);
    }
    return parser;
  }

  /** Whether the document is a brand file (checked for its own problems, not as copy). */
  isBrandDocument(document: TextDocument): boolean {
    const file = uriToPath(document.uri);
    return !!file && (isBrandFileName(file) || this.brands.isKnown(file));
  }

  private compute(document: TextDocument, settings: Settings): Analysis {
    if (!settings.enable) return emptyAnalysis(document, 'disabled');
    const file = uriToPath(document.uri);
    if (file && this.isBrandDocument(document)) return this.brandFile(document, file);
    const folder = file ? this.folders.containing(file) : this.folders.first();
    // Untitled documents are checked as if they sat at the root of the first workspace folder.
    const anchor = file ?? (folder ? path.join(folder, 'untitled.md') : undefined);
    if (!anchor) return emptyAnalysis(document, 'missing', 'Save the document in a workspace folder to check it against a brand file.');
    if (file && isIgnored(settings.ignore, file, folder)) return emptyAnalysis(document, 'ignored', 'The onMessage.ignore setting excludes this document.');
    const brandPath = this.brands.locate(anchor, folder, settings.brandFile);
    if (!brandPath) return emptyAnalysis(document, 'missing', 'No brand-messaging.yaml in this folder or any folder above it.');
    return this.copy(document, anchor, this.brands.get(brandPath), settings);
  }

  private copy(document: TextDocument, file: string, brandFile: BrandFile, settings: Settings): Analysis {
    const inForce = brandFile.inForce;
    if (!inForce) return emptyAnalysis(document, 'invalid', unusableMessage(brandFile), brandFile);
    const relative = path.relative(path.dirname(brandFile.path), file).split(path.sep).join('/');
    const parser = this.parser(document.uri);
    const result = check(document.getText(), inForce.brand, { path: relative, severity: settings.severity, prose: (text) => parser.parse(text) });
    const brand = { uri: brandFile.uri, document: inForce.document, brand: inForce.brand };
    const analysis = emptyAnalysis(document, brandFile.usable ? 'ok' : 'stale', brandFile.usable ? undefined : staleMessage(brandFile), brandFile);
    analysis.findings = result.findings;
    // A document beyond the engine's limits (core/limits.ts) gets one information diagnostic saying why it
    // was not checked, instead of a server busy for minutes or a silent empty list; a rule that threw gets an
    // error diagnostic beside the other rules' findings (issue 7).
    analysis.diagnostics = checkDiagnostics(result, document, brand);
    analysis.brand = brand;
    analysis.failures = result.failures;
    analysis.status.counts = countBySeverity(result.findings);
    return analysis;
  }

  private brandFile(document: TextDocument, file: string): Analysis {
    let brandFile = this.brands.get(file);
    if (brandFile.document?.getText() !== document.getText()) {
      this.brands.reload(file);
      brandFile = this.brands.get(file);
    }
    const state: StatusState = brandFile.usable ? 'ok' : brandFile.inForce ? 'stale' : 'invalid';
    const analysis = emptyAnalysis(document, state, state === 'ok' ? undefined : state === 'stale' ? staleMessage(brandFile) : unusableMessage(brandFile), brandFile);
    analysis.diagnostics = brandFile.problems.map((p) => brandProblemToDiagnostic(p, document));
    analysis.status.counts = countBySeverity(brandFile.problems);
    return analysis;
  }
}

function snapshot(document: TextDocument): TextDocument {
  return TextDocument.create(document.uri, document.languageId, document.version, document.getText());
}

function isIgnored(globs: readonly string[], file: string, folder: string | undefined): boolean {
  if (globs.length === 0) return false;
  const relative = folder ? path.relative(folder, file) : path.basename(file);
  return picomatch(globs as string[], { dot: true })(relative.split(path.sep).join('/'));
}

function staleMessage(brandFile: BrandFile): string {
  return `${path.basename(brandFile.path)} cannot be used as it is (${firstReason(brandFile)}); its last good version is in force.`;
}

function unusableMessage(brandFile: BrandFile): string {
  return brandFile.error ?? `${path.basename(brandFile.path)} cannot be used: ${firstReason(brandFile)}`;
}

function firstReason(brandFile: BrandFile): string {
  return brandFile.error ?? brandFile.problems.find((p) => p.severity === 'error')?.message ?? 'it has errors';
}
