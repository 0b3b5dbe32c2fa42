/**
 * `on-message check [paths|globs...] [--brand FILE] [--format F] [--fix] [--max-warnings N] [--shard i/n]`
 * `on-message report …` is report.ts. The formats other than text and json are formats/*.ts; the
 * ignore file, sharding and the terminal's colour and progress line are ignore-file.ts, shard.ts and
 * terminal.ts.
 *
 * Exit codes (a public contract): 0 no error-severity finding (and no more warnings than --max-warnings);
 * 1 at least one error, or too many warnings; 2 a usage error, an unusable or missing brand file, or a
 * file that could not be read or checked.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyFixes, check, formatText, withTextLineEndings, type FileFindings, type Finding, type Fix } from '../core/index';
import { BrandFiles, stripBom, type BrandFile } from './brand-files';
import { selectFiles, brandRelativePath, displayPath } from './files';
import { CHECK_FORMATS, formatCheck, isCheckFormat, type CheckFormat } from './formats/index';
import { prettySummary } from './formats/pretty';
import { IgnoreFiles, namedFiles } from './ignore-file';
import { DEFAULT_CACHE_DIR } from './cache';
import { DocumentPool, type DocumentJob } from './pool';
import { REPORT_USAGE, ReportUsageError, runReport } from './report';
import { inShard, parseShard, type Shard } from './shard';
import { colorOn, Progress, type Terminal } from './terminal';

const USAGE = `Usage: on-message check [paths|globs...] [--brand FILE] [--format F] [--fix]
                        [--max-warnings N] [--shard i/n]

Checks Markdown copy (.md, .markdown, .mdx) against your brand-messaging file.

  paths|globs       files, folders or globs to check (default: the current folder);
                    .onmessageignore files apply to what folders and globs find
  --brand FILE      use this brand file for every document (default: the nearest
                    brand-messaging.yaml or .yml in the document's folder or above)
  --format F        text (default): file:line:col severity rule message
                    json: {"version":1,"files":N,"findings":[...]}
                    sarif: SARIF 2.1.0 (GitHub code scanning)
                    github: GitHub Actions annotations
                    junit, checkstyle: XML for CI test and review tools
  --fix             apply the safe fixes, write each file, and say what changed
  --max-warnings N  exit 1 when there are more than N warnings
  --shard i/n       check only the i-th of n shards of the files (CI matrices)
  --cache           keep each file's findings in .on-message-cache/, keyed by its
                    content, the brand file and the engine: unchanged files are
                    not checked again
  --cache-dir DIR   the cache folder (implies --cache)
  -h, --help        show this help
  -v, --version     show the version

From 4 MB of files on, every core checks them (ON_MESSAGE_JOBS=N sets how many threads).

Exit codes: 0 no errors, 1 errors found (or more warnings than --max-warnings),
2 usage or brand-file problem.

on-message report --help: the workspace consistency report.`;

export interface Io {
  cwd: string;
  out: (s: string) => void;
  err: (s: string) => void;
  /** The terminal, when the CLI runs in one; absent: never colour, never a progress line. */
  terminal?: Terminal;
}

interface Options {
  paths: string[];
  brand?: string;
  format: CheckFormat;
  fix: boolean;
  maxWarnings?: number;
  shard?: Shard;
  /** The cache folder (--cache, --cache-dir); no cache when absent. */
  cache?: string;
}

class UsageError extends Error {}

export function run(argv: readonly string[], io: Io): number {
  try {
    const [command, ...rest] = argv;
    if (command === '-h' || command === '--help' || command === 'help') {
      io.out(USAGE);
      return 0;
    }
    if (command === '-v' || command === '--version') {
      io.out(VERSION);
      return 0;
    }
    if (command === 'report') return runReport(rest, io);
    if (command !== 'check') throw new UsageError(command ? `Unknown command '${command}'.` : 'Missing command.');
    return runCheck(parseOptions(rest), io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`on-message: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof ReportUsageError) {
      io.err(`on-message: ${error.message}\n\n${REPORT_USAGE}`);
      return 2;
    }
    io.err(`on-message: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
}

declare const ON_MESSAGE_VERSION: string | undefined;
const VERSION = typeof ON_MESSAGE_VERSION === 'string' ? ON_MESSAGE_VERSION : 'development';

function parseOptions(args: readonly string[]): Options {
  const options: Options = { paths: [], format: 'text', fix: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      const v = inline ?? args[++i];
      if (v === undefined || v === '') throw new UsageError(`${flag} needs a value.`);
      return v;
    };
    if (flag === '--brand') options.brand = value();
    else if (flag === '--format') {
      const f = value();
      if (!isCheckFormat(f)) throw new UsageError(`--format must be ${CHECK_FORMATS.slice(0, -1).join(', ')} or ${CHECK_FORMATS[CHECK_FORMATS.length - 1]}, not '${f}'.`);
      options.format = f;
    } else if (flag === '--fix') options.fix = true;
    else if (flag === '--max-warnings') {
      const n = value();
      if (!/^\d+$/.test(n)) throw new UsageError(`--max-warnings must be a whole number, not '${n}'.`);
      options.maxWarnings = Number(n);
    } else if (flag === '--cache') options.cache ??= DEFAULT_CACHE_DIR;
    else if (flag === '--cache-dir') options.cache = value();
    else if (flag === '--shard') {
      const shard = parseShard(value());
      if (typeof shard === 'string') throw new UsageError(shard);
      options.shard = shard;
    }
    else if (flag.startsWith('-') && flag !== '-') throw new UsageError(`Unknown option '${flag}'.`);
    else options.paths.push(arg);
  }
  return options;
}

function runCheck(options: Options, io: Io): number {
  const selection = selectFiles(options.paths, io.cwd);
  if (selection.unmatched.length > 0) throw new UsageError(`Nothing to check at ${selection.unmatched.map((p) => `'${p}'`).join(', ')}.`);
  // The workers load while the brand files are found and the ignore files applied; --fix writes files one by one here.
  const pool = DocumentPool.start(options.fix ? [] : selection.files, options.cache ? path.resolve(io.cwd, options.cache) : undefined);
  try {
    return checkFiles(selection.files, pool, options, io);
  } finally {
    pool.close();
  }
}

/** Checks the files selected, on the pool's workers unless --fix; prints the findings; the exit code. */
function checkFiles(selectedFiles: readonly string[], pool: DocumentPool, options: Options, io: Io): number {
  const brands = new BrandFiles();
  if (options.brand) {
    const full = path.resolve(io.cwd, options.brand);
    if (!fs.existsSync(full)) throw new UsageError(`The brand file '${options.brand}' does not exist.`);
  }
  const explicitBrand = options.brand ? path.resolve(io.cwd, options.brand) : undefined;
  const ignore = new IgnoreFiles(io.cwd, options.paths);
  const named = namedFiles(options.paths, io.cwd);
  const selected = selectedFiles.filter((file) => named.has(file) || !ignore.isIgnored(file));
  const files = selected.filter((file) => inShard(displayPath(io.cwd, file), options.shard));
  const results: FileFindings[] = [];
  let incomplete = false;
  const progress = new Progress(io.terminal, files.length);
  const fileBrands: BrandFile[] = [];
  for (const file of files) {
    const brand = brands.forDocument(file, explicitBrand);
    if (!brand) {
      io.err(`on-message: no brand-messaging.yaml found for ${displayPath(io.cwd, file)} (looked in its folder and every folder above). Create one, or pass --brand FILE.`);
      return 2;
    }
    if (!brand.usable) {
      io.err(brandProblemsText(io, brand));
      io.err(`on-message: ${displayPath(io.cwd, brand.path)} cannot be used as a brand file.`);
      return 2;
    }
    fileBrands.push(brand);
  }
  if (options.fix) {
    for (const [done, file] of files.entries()) {
      progress.tick(done, displayPath(io.cwd, file));
      const { checked, complete } = checkFile(file, fileBrands[done], options.fix, io, progress);
      if (checked) results.push(checked);
      if (!complete) incomplete = true;
    }
  } else {
    // Every core checks documents in a large run (pool.ts); with --cache, unchanged documents are not checked again.
    const today = new Date().toISOString().slice(0, 10);
    const jobs: DocumentJob[] = files.map((file, i) => ({ kind: 'check', file, brand: fileBrands[i].path, brandRelativePath: brandRelativePath(fileBrands[i].path, file), today }));
    const loaded = new Map(brands.all().map((b) => [b.path, b]));
    let finished = 0;
    const checked = pool.run(jobs, new Map(brands.all().map((b) => [b.path, b.text])), {
      brand: (job) => loaded.get(job.brand)?.brand,
      parsed: new Map(brands.all().map((b) => [b.path, b.brand])),
      onResult: (i) => progress.tick(++finished, displayPath(io.cwd, files[i])),
    });
    for (const [i, outcome] of checked.entries()) {
      const file = displayPath(io.cwd, files[i]);
      if (outcome.kind === 'error') {
        progress.clear();
        io.err(`on-message: ${outcome.read ? 'cannot read' : 'cannot check'} ${file}: ${outcome.message}`);
        incomplete = true;
      } else if (outcome.kind === 'check') {
        // A document beyond the engine's limits (core/limits.ts) was not checked: say why; exit 2 (issue 7).
        if (outcome.result.skipped) {
          progress.clear();
          io.err(`on-message: skipped ${file}: ${outcome.result.skipped}`);
          incomplete = true;
          continue;
        }
        if (outcome.result.failures.length > 0) progress.clear();
        for (const failure of outcome.result.failures) io.err(`on-message: the ${failure.rule} check failed on ${file}: ${failure.message}`);
        if (outcome.result.failures.length > 0) incomplete = true;
        else results.push({ file, text: outcome.text, findings: outcome.result.findings });
      }
    }
  }
  progress.clear();
  // A brand file's own problems are reported once across shards: by the shard its path falls in.
  if (options.shard) for (const file of selected) brands.forDocument(file, explicitBrand);
  const brandResults = brands
    .all()
    .filter((b) => b.problems.length > 0 && inShard(displayPath(io.cwd, b.path), options.shard))
    .map((b) => brandFindings(io, b));
  const all = [...brandResults, ...results];
  const color = options.format === 'text' && !!io.terminal && colorOn(io.terminal.stdout, io.terminal.env);
  const output = formatCheck(options.format, all, { fileCount: files.length, version: VERSION, cwd: io.cwd, color });
  if (output) io.out(output);
  const findings = all.flatMap((r) => r.findings);
  if (options.format === 'text' || options.format === 'github') {
    const line = summary(findings, files.length);
    io.err(io.terminal && colorOn(io.terminal.stderr, io.terminal.env) ? prettySummary(findings, line) : line);
  }
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  const tooManyWarnings = options.maxWarnings !== undefined && warnings > options.maxWarnings;
  if (tooManyWarnings) io.err(`on-message: ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}, more than --max-warnings ${options.maxWarnings} allows.`);
  if (incomplete) return 2;
  return findings.some((f) => f.severity === 'error') || tooManyWarnings ? 1 : 0;
}

/**
 * Checks one file, applying fixes first when asked. `checked` is absent when the file could not be read or
 * checked; `complete` is false then, and also when a fix was due but could not be written (exit 2).
 *
 * Issue 7, fixes never lose text: a file that is not valid UTF-8 is not rewritten (decoding replaced its
 * invalid bytes, so writing it back would change text no fix touched); a read-only file is not replaced
 * (the atomic rename would otherwise succeed over it); a failed write leaves the file as it was; in a file
 * whose lines all end in CRLF, the line breaks a fix inserts are CRLF too.
 */
function checkFile(file: string, brand: BrandFile, fix: boolean, io: Io, progress?: Progress): { checked?: FileFindings; complete: boolean } {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    progress?.clear();
    io.err(`on-message: cannot read ${displayPath(io.cwd, file)}: ${(error as Error).message}`);
    return { complete: false };
  }
  const raw = bytes.toString('utf8');
  const bom = raw.charCodeAt(0) === 0xfeff;
  let text = stripBom(raw);
  const options = { path: brandRelativePath(brand.path, file) };
  let result = check(text, brand.brand, options);
  // Not checked (beyond the engine's limits): nothing is fixed or written, and the run exits 2 (issue 7).
  if (result.skipped) {
    progress?.clear();
    io.err(`on-message: skipped ${displayPath(io.cwd, file)}: ${result.skipped}`);
    return { complete: false };
  }
  let complete = true;
  if (fix) {
    const findings = withTextLineEndings(text, result.findings);
    const fixed = applyFixes(text, findings);
    const unfixable = fixed.applied.length === 0 ? undefined : writeRefusal(file, bytes, raw);
    if (unfixable) {
      progress?.clear();
      io.err(`on-message: cannot fix ${displayPath(io.cwd, file)}: ${unfixable}; the file is unchanged.`);
      complete = false;
    } else if (fixed.applied.length > 0) {
      try {
        writeAtomically(file, (bom ? '\ufeff' : '') + fixed.text);
        progress?.clear();
        io.err(`fixed ${displayPath(io.cwd, file)}: ${describeFixes(findings, fixed.applied)}`);
        text = fixed.text;
        result = check(text, brand.brand, options);
      } catch (error) {
        progress?.clear();
        io.err(`on-message: cannot write ${displayPath(io.cwd, file)}: ${(error as Error).message}; the file is unchanged.`);
        complete = false;
      }
    }
  }
  if (result.failures.length > 0) progress?.clear();
  for (const failure of result.failures) {
    io.err(`on-message: the ${failure.rule} check failed on ${displayPath(io.cwd, file)}: ${failure.message}`);
  }
  if (result.failures.length > 0) return { complete: false };
  return { checked: { file: displayPath(io.cwd, file), text, findings: result.findings }, complete };
}

/** Why fixes must not be written to this file, or undefined when they may. */
function writeRefusal(file: string, bytes: Buffer, decoded: string): string | undefined {
  if (!Buffer.from(decoded, 'utf8').equals(bytes)) return 'it is not valid UTF-8, and writing it back would replace the invalid bytes';
  try {
    const mode = fs.statSync(file).mode;
    // No write permission for anyone (also when running as root, who could write it anyway), or not for us.
    if ((mode & 0o222) === 0) return 'it is read-only';
    fs.accessSync(file, fs.constants.W_OK);
  } catch (error) {
    return `it is not writable (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`;
  }
  return undefined;
}


function describeFixes(findings: readonly Finding[], applied: readonly Fix[]): string {
  // Only the fixes applied: one that overlaps another waits for the next run, and is not reported as made.
  const made = new Set(applied);
  const byRule = new Map<string, number>();
  for (const f of findings) if (f.fix && made.has(f.fix)) byRule.set(f.rule, (byRule.get(f.rule) ?? 0) + 1);
  const detail = [...byRule].map(([rule, n]) => (n > 1 ? `${rule} ×${n}` : rule)).join(', ');
  return `${applied.length} ${applied.length === 1 ? 'fix' : 'fixes'} (${detail})`;
}

/**
 * Write to a temporary file beside the target, then rename over it: a reader never sees half a file. A file
 * named through a symbolic link is written where the link points, so the link stays a link (issue 7).
 */
function writeAtomically(link: string, content: string): void {
  const file = fs.realpathSync(link);
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.on-message-${process.pid}.tmp`);
  try {
    const mode = fs.statSync(file).mode;
    fs.writeFileSync(temp, content, { encoding: 'utf8', mode });
    fs.renameSync(temp, file);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
}

function brandFindings(io: Io, brand: BrandFile): FileFindings {
  const findings: Finding[] = brand.problems.map((p) => ({ rule: p.code, severity: p.severity, message: p.message, start: p.start, end: p.end }));
  return { file: displayPath(io.cwd, brand.path), text: brand.text, findings };
}

function brandProblemsText(io: Io, brand: BrandFile): string {
  return formatText([brandFindings(io, brand)]);
}


function summary(findings: readonly Finding[], files: number): string {
  const count = (s: string): number => findings.filter((f) => f.severity === s).length;
  const [e, w, i] = [count('error'), count('warning'), count('info')];
  const checked = `${files} ${files === 1 ? 'file' : 'files'} checked`;
  if (findings.length === 0) return `${checked}: no problems.`;
  const parts = [e && `${e} ${e === 1 ? 'error' : 'errors'}`, w && `${w} ${w === 1 ? 'warning' : 'warnings'}`, i && `${i} info`].filter(Boolean);
  return `${checked}: ${parts.join(', ')}.`;
}

/** Runs the CLI on this process's arguments and streams; sets the exit code. */
export function main(): void {
  process.exitCode = run(process.argv.slice(2), {
    cwd: process.cwd(),
    out: (s) => process.stdout.write(s + '\n'),
    err: (s) => process.stderr.write(s + '\n'),
    terminal: {
      stdout: !!process.stdout.isTTY,
      stderr: !!process.stderr.isTTY,
      columns: process.stderr.columns,
      env: process.env,
      write: (s) => process.stderr.write(s),
    },
  });
}

if (require.main === module) main();
