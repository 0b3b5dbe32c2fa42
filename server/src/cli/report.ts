/**
 * `on-message report [paths|globs...] [--brand FILE] [--format md|html|json] [--out FILE] [--today DATE] [--shard i/n]`
 * `on-message report --merge SHARD.json... [--format md|html|json] [--out FILE]` (merge.ts)
 *
 * The workspace consistency report over the same files `check` reads, less those `.gitignore` or the
 * brand file's `ignore:` globs or `.onmessageignore` exclude (files named one by one are always read). Exit codes (a public
 * contract): 0 the report was written, whatever it found; 2 a usage error, a missing or unusable brand
 * file, documents under more than one brand file, or a file that could not be read or written.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { assembleReport, formatReportHtml, formatReportMarkdown, isIgnoredByBrand, type DocumentFacts, type WorkspaceReport } from '../core/index';
import { BrandFiles, type BrandFile } from './brand-files';
import { DEFAULT_CACHE_DIR, ResultCache } from './cache';
import { selectFiles, brandRelativePath, displayPath } from './files';
import { IgnoreFiles } from './ignore-file';
import { MergeError, mergeShardFiles, withShard } from './merge';
import { DocumentPool, type DocumentJob } from './pool';
import { inShard, parseShard, type Shard } from './shard';
import { Progress, type Terminal } from './terminal';
import { GitIgnore } from '../workspace/gitignore';

export const REPORT_USAGE = `Usage: on-message report [paths|globs...] [--brand FILE] [--format md|html|json] [--out FILE] [--today YYYY-MM-DD] [--shard i/n]
       on-message report --merge SHARD.json... [--format md|html|json] [--out FILE]

Builds the workspace consistency report: claims ledger, figures that disagree between documents,
name census, taglines and boilerplate in circulation, suppressions, brand-file health and a score.

  paths|globs    files, folders or globs (default: the current folder); .gitignore,
                 .onmessageignore and the brand file's ignore: globs apply to what
                 folders and globs find
  --brand FILE   use this brand file (default: the nearest brand-messaging.yaml or .yml)
  --format F     md (default), html (one self-contained page) or json
  --out FILE     write the report to FILE (default: standard output); the format
                 defaults to the file's extension (.md, .html, .json)
  --today DATE   judge claim expiry and the brand file's review as of DATE (default: today)
  --shard i/n    report on the i-th of n shards of the documents; with --format json the
                 output also carries what --merge needs
  --merge        the arguments are the JSON files of every shard of one run: write the
                 report of all their documents, the same as one unsharded run
  --cache        keep each document's results in .on-message-cache/, keyed by its content,
                 the brand file and the engine: unchanged documents are not read again
  --cache-dir D  the cache folder (implies --cache)
  -h, --help     show this help

From 4 MB of documents on, every core analyses them (ON_MESSAGE_JOBS=N sets how many threads).

Exit codes: 0 report written, 2 usage or brand-file problem.`;

export interface ReportIo {
  cwd: string;
  out: (s: string) => void;
  err: (s: string) => void;
  terminal?: Terminal;
}

type Format = 'md' | 'html' | 'json';

interface Options {
  paths: string[];
  brand?: string;
  format?: Format;
  out?: string;
  today?: string;
  shard?: Shard;
  merge: boolean;
  help: boolean;
  /** The cache folder (--cache, --cache-dir); no cache when absent. */
  cache?: string;
}

export class ReportUsageError extends Error {}

export function runReport(args: readonly string[], io: ReportIo): number {
  const options = parseOptions(args);
  if (options.help) {
    io.out(REPORT_USAGE);
    return 0;
  }
  const format = options.format ?? formatOfFile(options.out) ?? 'md';
  if (options.merge) {
    if (options.brand || options.today || options.shard) throw new ReportUsageError('--merge takes the brand file, the date and the documents from the shard files: --brand, --today and --shard do not apply.');
    let merged: WorkspaceReport;
    try {
      merged = mergeShardFiles(options.paths, io.cwd);
    } catch (error) {
      if (!(error instanceof MergeError)) throw error;
      io.err(`on-message: ${error.message}`);
      return 2;
    }
    return writeReport(merged, format, options, io);
  }
  const selection = selectFiles(options.paths, io.cwd);
  if (selection.unmatched.length > 0) throw new ReportUsageError(`Nothing to report on at ${selection.unmatched.map((p) => `'${p}'`).join(', ')}.`);
  const explicitBrand = options.brand ? path.resolve(io.cwd, options.brand) : undefined;
  if (explicitBrand && !fs.existsSync(explicitBrand)) throw new ReportUsageError(`The brand file '${options.brand}' does not exist.`);

  const cacheDir = cacheRoot(options, io.cwd);
  // The workers load while the brand files are found and the ignore files applied.
  const pool = DocumentPool.start(selection.files, cacheDir);
  try {
    return reportOn(selection.files, explicitBrand, cacheDir, pool, format, options, io);
  } finally {
    pool.close();
  }
}

/** The report on the files selected, their documents analysed on the pool's workers. */
function reportOn(selected: readonly string[], explicitBrand: string | undefined, cacheDir: string | undefined, pool: DocumentPool, format: Format, options: Options, io: ReportIo): number {
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const brands = new BrandFiles(cacheDir ? new ResultCache(cacheDir, 'selftest') : undefined);
  const named = new Set(options.paths.map((p) => path.resolve(io.cwd, p)).filter((p) => isFile(p)));
  const gitignore = new GitIgnore(io.cwd);
  const ignoreFiles = new IgnoreFiles(io.cwd, options.paths);
  // Each document's path relative to its brand file's folder, worked out once: the ignore globs and the job both need it.
  const byBrand = new Map<string, { brand: BrandFile; files: { file: string; rel: string }[] }>();
  for (const file of selected) {
    const brand = brands.forDocument(file, explicitBrand);
    if (!brand) {
      io.err(`on-message: no brand-messaging.yaml found for ${displayPath(io.cwd, file)} (looked in its folder and every folder above). Create one, or pass --brand FILE.`);
      return 2;
    }
    const rel = brandRelativePath(brand.path, file);
    if (!named.has(file) && (gitignore.isIgnored(file) || ignoreFiles.isIgnored(file) || isIgnoredByBrand(brand.brand, rel))) continue;
    const group = byBrand.get(brand.path) ?? { brand, files: [] };
    group.files.push({ file, rel });
    byBrand.set(brand.path, group);
  }
  if (byBrand.size === 0) {
    const brand = explicitBrand ? brands.load(explicitBrand) : brands.forDocument(path.join(io.cwd, 'report.md'));
    if (!brand) {
      io.err('on-message: no brand-messaging.yaml found in this folder or any folder above. Create one, or pass --brand FILE.');
      return 2;
    }
    byBrand.set(brand.path, { brand, files: [] });
  }
  if (byBrand.size > 1) {
    const list = [...byBrand.values()].map((g) => `${displayPath(io.cwd, g.brand.path)} (${g.files.length} ${g.files.length === 1 ? 'document' : 'documents'})`).join(', ');
    io.err(`on-message: the documents fall under ${byBrand.size} brand files: ${list}. A report covers one brand file: pass --brand FILE, or name the folders of one brand.`);
    return 2;
  }
  // Shards split the documents of the one brand file; each shard still knows which brand file that is.
  const { brand, files: all } = [...byBrand.values()][0];
  const files = all.map((f) => ({ ...f, shown: displayPath(io.cwd, f.file) })).filter((f) => inShard(f.shown, options.shard));
  if (!brand.usable) {
    for (const p of brand.problems) io.err(`${displayPath(io.cwd, brand.path)}: ${p.severity} ${p.code} ${p.message}`);
    io.err(`on-message: ${displayPath(io.cwd, brand.path)} cannot be used as a brand file.`);
    return 2;
  }

  const reportOptions = { today, brandPath: displayPath(io.cwd, brand.path), brandText: brand.text };
  const progress = new Progress(io.terminal, files.length, 'reading');
  // Every core reads and analyses documents in a large run (pool.ts); with --cache, unchanged documents are not analysed again.
  const jobs: DocumentJob[] = files.map((f) => ({ kind: 'facts', file: f.file, brand: brand.path, brandRelativePath: f.rel, reportPath: f.shown, today }));
  let finished = 0;
  const results = pool.run(jobs, new Map([[brand.path, brand.text]]), {
    brand: () => brand.brand,
    parsed: new Map([[brand.path, brand.brand]]),
    onResult: (i) => progress.tick(++finished, files[i].shown),
  });
  const facts: DocumentFacts[] = [];
  for (const [i, result] of results.entries()) {
    if (result.kind === 'facts') facts.push(result.facts);
    else if (result.kind === 'error') {
      progress.clear();
      io.err(`on-message: ${result.read ? 'cannot read' : 'cannot report on'} ${files[i].shown}: ${result.message}`);
      return 2;
    }
  }
  progress.clear();
  const report = assembleReport(facts, brand, reportOptions);
  for (const d of report.documents) {
    for (const failure of d.failures) io.err(`on-message: the ${failure.rule} check failed on ${d.path}: ${failure.message}`);
  }
  return writeReport(options.shard && format === 'json' ? withShard(report, options.shard, brand.text, facts) : report, format, options, io);
}

/** Writes the report in `format` to --out or standard output, then the one-line summary; the exit code. */
function writeReport(report: WorkspaceReport, format: Format, options: Options, io: ReportIo): number {
  const outFile = options.out ? path.resolve(io.cwd, options.out) : undefined;
  const linkPrefix = outFile ? prefixFrom(path.dirname(outFile), io.cwd) : '';
  const text =
    format === 'json' ? JSON.stringify(report, null, 2) + '\n' : format === 'html' ? formatReportHtml(report, { linkPrefix }) : formatReportMarkdown(report, { linkPrefix });
  if (outFile) {
    try {
      fs.mkdirSync(path.dirname(outFile), { recursive: true });
      fs.writeFileSync(outFile, text);
    } catch (error) {
      io.err(`on-message: cannot write ${options.out}: ${(error as Error).message}`);
      return 2;
    }
  } else io.out(text.replace(/\n$/, ''));
  const t = report.totals;
  io.err(
    `${count(t.documents, 'document')}: score ${report.score.value} (${report.score.band}), ${count(t.error, 'error')}, ${count(t.warning, 'warning')}, ${t.info} info, ${count(t.conflicts, 'conflict')} between documents${outFile ? `; written to ${displayPath(io.cwd, outFile)}` : ''}.`,
  );
  return 0;
}

function parseOptions(args: readonly string[]): Options {
  const options: Options = { paths: [], merge: false, help: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      const v = inline ?? args[++i];
      if (v === undefined || v === '') throw new ReportUsageError(`${flag} needs a value.`);
      return v;
    };
    if (flag === '--brand') options.brand = value();
    else if (flag === '--format') {
      const f = value();
      if (f !== 'md' && f !== 'html' && f !== 'json') throw new ReportUsageError(`--format must be md, html or json, not '${f}'.`);
      options.format = f;
    } else if (flag === '--out') options.out = value();
    else if (flag === '--today') {
      const d = value();
      if (!/^\d{4}-\d{2}-\d{2}$/.test(d) || Number.isNaN(Date.parse(d))) throw new ReportUsageError(`--today must be a date, YYYY-MM-DD, not '${d}'.`);
      options.today = d;
    } else if (flag === '--shard') {
      const shard = parseShard(value());
      if (typeof shard === 'string') throw new ReportUsageError(shard);
      options.shard = shard;
    } else if (flag === '--merge') options.merge = true;
    else if (flag === '--cache') options.cache ??= DEFAULT_CACHE_DIR;
    else if (flag === '--cache-dir') options.cache = value();
    else if (flag === '-h' || flag === '--help') options.help = true;
    else if (flag.startsWith('-') && flag !== '-') throw new ReportUsageError(`Unknown option '${flag}'.`);
    else options.paths.push(arg);
  }
  return options;
}

function cacheRoot(options: Options, cwd: string): string | undefined {
  return options.cache ? path.resolve(cwd, options.cache) : undefined;
}

function formatOfFile(file: string | undefined): Format | undefined {
  const ext = file ? path.extname(file).toLowerCase() : '';
  return ext === '.html' || ext === '.htm' ? 'html' : ext === '.json' ? 'json' : ext === '.md' || ext === '.markdown' ? 'md' : undefined;
}

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}


/** The way from the report's folder to the working directory, as a link prefix ("", "../"). */
function prefixFrom(from: string, to: string): string {
  const rel = path.relative(from, to).split(path.sep).join('/');
  return rel ? `${rel}/` : '';
}

function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

