/**
 * The workspace scan behind `onMessage/report`: which Markdown files of the workspace folders count, which
 * brand file governs each, and the report of each brand's documents. The engine does all the reading of
 * copy (analyzeDocument, assembleReport); this module only selects, reads and groups, one document at a
 * time, yielding to the event loop between documents so that a cancellation is seen while it runs.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import picomatch from 'picomatch/posix';
import { analyzeDocument, assembleReport, isIgnoredByBrand, type DocumentFacts, type LoadedBrand } from '../core/index';
import type { ReportSection } from '../protocol';
import { selectFiles } from '../cli/files';
import { GitIgnore } from '../workspace/gitignore';
import type { BrandFiles } from './brand-files';
import type { Settings } from './settings';

/** What the scan needs of its host, so it runs the same in the server and in a test. */
export interface ScanHost {
  /** Workspace folders, as paths. */
  folders: readonly string[];
  settings(folder: string): Promise<Settings>;
  /** `files.exclude` globs that are on, relative to the folder. */
  filesExclude(folder: string): Promise<string[]>;
  brands: BrandFiles;
  /** An open editor's text for the file, if it is open. */
  openText(file: string): string | undefined;
  today: string;
}

export interface CancellationLike {
  readonly isCancellationRequested: boolean;
}

export class ScanCancelled extends Error {
  constructor() {
    super('The report was cancelled.');
  }
}

export interface ScanResult {
  sections: ReportSection[];
  skipped: Array<{ uri: string; reason: string }>;
  /** Documents analysed. */
  analysed: number;
}

export type ScanProgress = (done: number, total: number, file: string) => void;

export interface Group {
  folder: string;
  brandPath: string;
  brand: LoadedBrand;
  brandText: string;
  brandUri: string;
  settings: Settings;
  files: string[];
}

/**
 * The Markdown files of the workspace folders that workspace runs read, grouped by workspace folder and
 * brand file: less `files.exclude`, `onMessage.ignore`, `.gitignore` and the brand file's `ignore:`, and
 * skipping folders with `onMessage.enable` off. Files with no usable brand file are `skipped`.
 */
export async function selectDocuments(host: ScanHost, token: CancellationLike): Promise<{ groups: Group[]; skipped: ScanResult['skipped'] }> {
  const groups = new Map<string, Group>();
  const skipped: ScanResult['skipped'] = [];
  for (const folder of host.folders) {
    const settings = await host.settings(folder);
    if (!settings.enable) continue;
    const excluded = picomatch([...(await host.filesExclude(folder)), ...settings.ignore], { dot: true });
    const gitignore = new GitIgnore(folder);
    for (const file of selectFiles([folder], folder).files) {
      if (token.isCancellationRequested) throw new ScanCancelled();
      if (host.folders.some((f) => f !== folder && f.startsWith(folder + path.sep) && file.startsWith(f + path.sep))) continue;
      const rel = path.relative(folder, file).split(path.sep).join('/');
      if (prefixes(rel).some((p) => excluded(p)) || gitignore.isIgnored(file)) continue;
      const brandPath = host.brands.locate(file, folder, settings.brandFile);
      const uri = pathToFileURL(file).href;
      if (!brandPath) {
        skipped.push({ uri, reason: 'No brand-messaging.yaml in its folder or any folder above it.' });
        continue;
      }
      const brandFile = host.brands.get(brandPath);
      const inForce = brandFile.inForce;
      if (!inForce) {
        skipped.push({ uri, reason: brandFile.error ?? `${path.basename(brandPath)} cannot be used as a brand file.` });
        continue;
      }
      if (isIgnoredByBrand(inForce.brand, path.relative(path.dirname(brandPath), file).split(path.sep).join('/'))) continue;
      const key = `${folder}\0${brandPath}`;
      let group = groups.get(key);
      if (!group) {
        const loaded: LoadedBrand = { brand: inForce.brand, problems: brandFile.usable ? brandFile.problems : [], usable: true };
        group = { folder, brandPath, brand: loaded, brandText: inForce.document.getText(), brandUri: brandFile.uri, settings, files: [] };
        groups.set(key, group);
      }
      group.files.push(file);
    }
  }
  return { groups: [...groups.values()], skipped };
}

export async function scanWorkspace(host: ScanHost, token: CancellationLike, progress: ScanProgress = () => undefined): Promise<ScanResult> {
  const { groups, skipped } = await selectDocuments(host, token);
  const total = groups.reduce((n, g) => n + g.files.length, 0);
  let done = 0;
  const sections: ReportSection[] = [];
  for (const group of groups) {
    const facts: DocumentFacts[] = [];
    for (const file of group.files) {
      // Let queued messages (a $/cancelRequest among them) in before each document.
      await new Promise((resolve) => setImmediate(resolve));
      if (token.isCancellationRequested) throw new ScanCancelled();
      const text = host.openText(file) ?? readText(file);
      if (text === undefined) {
        skipped.push({ uri: pathToFileURL(file).href, reason: 'The file could not be read.' });
        continue;
      }
      facts.push(
        analyzeDocument(
          { path: path.relative(group.folder, file).split(path.sep).join('/'), text, brandRelativePath: path.relative(path.dirname(group.brandPath), file).split(path.sep).join('/') },
          group.brand.brand,
          { today: host.today, severity: group.settings.severity },
        ),
      );
      progress(++done, total, file);
    }
    const report = assembleReport(facts, group.brand, {
      today: host.today,
      severity: group.settings.severity,
      brandPath: path.relative(group.folder, group.brandPath).split(path.sep).join('/'),
      brandText: group.brandText,
    });
    sections.push({ folder: pathToFileURL(group.folder).href, brandFile: group.brandUri, report });
  }
  return { sections, skipped, analysed: done };
}

/** "a/b/c.md" → ["a", "a/b", "a/b/c.md"]: a glob that names a folder excludes what is in it. */
function prefixes(rel: string): string[] {
  const parts = rel.split('/');
  return parts.map((_, i) => parts.slice(0, i + 1).join('/'));
}

function readText(file: string): string | undefined {
  try {
    const text = fs.readFileSync(file, 'utf8');
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    return undefined;
  }
}
