/**
 * `on-message report [paths|globs...] [--brand FILE] [--format md|html|json] [--out FILE] [--today DATE]`
 *
 * The workspace consistency report over the same files `check` reads, less those `.gitignore` or the
 * brand file's `ignore:` globs exclude (files named one by one are always read). Exit codes (a public
 * contract): 0 the report was written, whatever it found; 2 a usage error, a missing or unusable brand
 * file, documents under more than one brand file, or a file that could not be read or written.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildReport, formatReportHtml, formatReportMarkdown, isIgnoredByBrand, type ReportDocument } from '../core/index';
import { BrandFiles, stripBom, type BrandFile } from './brand-files';
import { selectFiles } from './files';
import { GitIgnore } from '../workspace/gitignore';

export const REPORT_USAGE = `Usage: on-message report [paths|globs...] [--brand FILE] [--format md|html|json] [--out FILE] [--today YYYY-MM-DD]

Builds the workspace consistency report: claims ledger, figures that disagree between documents,
name census, taglines and boilerplate in circulation, suppressions, brand-file health and a score.

  paths|globs    files, folders or globs (default: the current folder); .gitignore and the
                 brand file's ignore: globs apply to what folders and globs find
  --brand FILE   use this brand file (default: the nearest brand-messaging.yaml or .yml)
  --format F     md (default), html (one self-contained page) or json
  --out FILE     write the report to FILE (default: standard output); the format
                 defaults to the file's extension (.md, .html, .json)
  --today DATE   judge claim expiry and the brand file's review as of DATE (default: today)
  -h, --help     show this help

Exit codes: 0 report written, 2 usage or brand-file problem.`;

export interface ReportIo {
  cwd: string;
  out: (s: string) => void;
  err: (s: string) => void;
}

type Format = 'md' | 'html' | 'json';

interface Options {
  paths: string[];
  brand?: string;
  format?: Format;
  out?: string;
  today?: string;
  help: boolean;
}

export class ReportUsageError extends Error {}

export function runReport(args: readonly string[], io: ReportIo): number {
  const options = parseOptions(args);
  if (options.help) {
    io.out(REPORT_USAGE);
    return 0;
  }
  const format = options.format ?? formatOfFile(options.out) ?? 'md';
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const selection = selectFiles(options.paths, io.cwd);
  if (selection.unmatched.length > 0) throw new ReportUsageError(`Nothing to report on at ${selection.unmatched.map((p) => `'${p}'`).join(', ')}.`);
  const explicitBrand = options.brand ? path.resolve(io.cwd, options.brand) : undefined;
  if (explicitBrand && !fs.existsSync(explicitBrand)) throw new ReportUsageError(`The brand file '${options.brand}' does not exist.`);

  const brands = new BrandFiles();
  const named = new Set(options.paths.map((p) => path.resolve(io.cwd, p)).filter((p) => isFile(p)));
  const gitignore = new GitIgnore(io.cwd);
  const byBrand = new Map<string, { brand: BrandFile; files: string[] }>();
  for (const file of selection.files) {
    const brand = brands.forDocument(file, explicitBrand);
    if (!brand) {
      io.err(`on-message: no brand-messaging.yaml found for ${display(io, file)} (looked in its folder and every folder above). Create one, or pass --brand FILE.`);
      return 2;
    }
    if (!named.has(file) && (gitignore.isIgnored(file) || isIgnoredByBrand(brand.brand, brandRelative(brand, file)))) continue;
    const group = byBrand.get(brand.path) ?? { brand, files: [] };
    group.files.push(file);
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
    const list = [...byBrand.values()].map((g) => `${display(io, g.brand.path)} (${g.files.length} ${g.files.length === 1 ? 'document' : 'documents'})`).join(', ');
    io.err(`on-message: the documents fall under ${byBrand.size} brand files: ${list}. A report covers one brand file: pass --brand FILE, or name the folders of one brand.`);
    return 2;
  }
  const { brand, files } = [...byBrand.values()][0];
  if (!brand.usable) {
    for (const p of brand.problems) io.err(`${display(io, brand.path)}: ${p.severity} ${p.code} ${p.message}`);
    io.err(`on-message: ${display(io, brand.path)} cannot be used as a brand file.`);
    return 2;
  }

  const documents: ReportDocument[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = stripBom(fs.readFileSync(file, 'utf8'));
    } catch (error) {
      io.err(`on-message: cannot read ${display(io, file)}: ${(error as Error).message}`);
      return 2;
    }
    documents.push({ path: display(io, file), text, brandRelativePath: brandRelative(brand, file) });
  }
  const report = buildReport(documents, brand, { today, brandPath: display(io, brand.path), brandText: brand.text });
  for (const d of report.documents) {
    for (const failure of d.failures) io.err(`on-message: the ${failure.rule} check failed on ${d.path}: ${failure.message}`);
  }

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
    `${count(t.documents, 'document')}: score ${report.score.value} (${report.score.band}), ${count(t.error, 'error')}, ${count(t.warning, 'warning')}, ${t.info} info, ${count(t.conflicts, 'conflict')} between documents${outFile ? `; written to ${display(io, outFile)}` : ''}.`,
  );
  return 0;
}

function parseOptions(args: readonly string[]): Options {
  const options: Options = { paths: [], help: false };
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
    } else if (flag === '-h' || flag === '--help') options.help = true;
    else if (flag.startsWith('-') && flag !== '-') throw new ReportUsageError(`Unknown option '${flag}'.`);
    else options.paths.push(arg);
  }
  return options;
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

function brandRelative(brand: BrandFile, file: string): string {
  return path.relative(path.dirname(brand.path), file).split(path.sep).join('/');
}

/** The way from the report's folder to the working directory, as a link prefix ("", "../"). */
function prefixFrom(from: string, to: string): string {
  const rel = path.relative(from, to).split(path.sep).join('/');
  return rel ? `${rel}/` : '';
}

function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function display(io: ReportIo, file: string): string {
  return (path.relative(io.cwd, file) || path.basename(file)).split(path.sep).join('/');
}
