/**
 * `on-message check [paths|globs...] [--brand FILE] [--format text|json] [--fix]`
 * `on-message report …` is report.ts.
 *
 * Exit codes (a public contract): 0 no error-severity finding; 1 at least one; 2 a usage error, an
 * unusable or missing brand file, or a file that could not be read or checked.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyFixes, check, formatJson, formatText, type FileFindings, type Finding } from '../core/index';
import { BrandFiles, stripBom, type BrandFile } from './brand-files';
import { selectFiles } from './files';
import { REPORT_USAGE, ReportUsageError, runReport } from './report';

const USAGE = `Usage: on-message check [paths|globs...] [--brand FILE] [--format text|json] [--fix]

Checks Markdown copy (.md, .markdown, .mdx) against your brand-messaging file.

  paths|globs    files, folders or globs to check (default: the current folder)
  --brand FILE   use this brand file for every document (default: the nearest
                 brand-messaging.yaml or .yml in the document's folder or above)
  --format F     text (default): file:line:col severity rule message
                 json: {"version":1,"files":N,"findings":[...]}
  --fix          apply the safe fixes, write each file, and say what changed
  -h, --help     show this help
  -v, --version  show the version

Exit codes: 0 no errors, 1 errors found, 2 usage or brand-file problem.

on-message report --help: the workspace consistency report.`;

export interface Io {
  cwd: string;
  out: (s: string) => void;
  err: (s: string) => void;
}

interface Options {
  paths: string[];
  brand?: string;
  format: 'text' | 'json';
  fix: boolean;
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
      if (f !== 'text' && f !== 'json') throw new UsageError(`--format must be text or json, not '${f}'.`);
      options.format = f;
    } else if (flag === '--fix') options.fix = true;
    else if (flag.startsWith('-') && flag !== '-') throw new UsageError(`Unknown option '${flag}'.`);
    else options.paths.push(arg);
  }
  return options;
}

function runCheck(options: Options, io: Io): number {
  const selection = selectFiles(options.paths, io.cwd);
  if (selection.unmatched.length > 0) throw new UsageError(`Nothing to check at ${selection.unmatched.map((p) => `'${p}'`).join(', ')}.`);
  const brands = new BrandFiles();
  if (options.brand) {
    const full = path.resolve(io.cwd, options.brand);
    if (!fs.existsSync(full)) throw new UsageError(`The brand file '${options.brand}' does not exist.`);
  }
  const results: FileFindings[] = [];
  let incomplete = false;
  for (const file of selection.files) {
    const brand = brands.forDocument(file, options.brand && path.resolve(io.cwd, options.brand));
    if (!brand) {
      io.err(`on-message: no brand-messaging.yaml found for ${display(io, file)} (looked in its folder and every folder above). Create one, or pass --brand FILE.`);
      return 2;
    }
    if (!brand.usable) {
      io.err(brandProblemsText(io, brand));
      io.err(`on-message: ${display(io, brand.path)} cannot be used as a brand file.`);
      return 2;
    }
    const checked = checkFile(file, brand, options.fix, io);
    if (!checked) {
      incomplete = true;
      continue;
    }
    results.push(checked);
  }
  const brandResults = brands.all().filter((b) => b.problems.length > 0).map((b) => brandFindings(io, b));
  const all = [...brandResults, ...results];
  const output = options.format === 'json' ? formatJson(all, selection.files.length) : formatText(all);
  if (output) io.out(output);
  const findings = all.flatMap((r) => r.findings);
  if (options.format === 'text') io.err(summary(findings, selection.files.length));
  if (incomplete) return 2;
  return findings.some((f) => f.severity === 'error') ? 1 : 0;
}

/** Checks one file, applying fixes first when asked; undefined when it could not be read or checked. */
function checkFile(file: string, brand: BrandFile, fix: boolean, io: Io): FileFindings | undefined {
  let raw: string;
  try {
    raw = fs.readFileSync(file, 'utf8');
  } catch (error) {
    io.err(`on-message: cannot read ${display(io, file)}: ${(error as Error).message}`);
    return undefined;
  }
  const bom = raw.charCodeAt(0) === 0xfeff;
  let text = stripBom(raw);
  const options = { path: path.relative(path.dirname(brand.path), file).split(path.sep).join('/') };
  let result = check(text, brand.brand, options);
  if (fix) {
    const fixed = applyFixes(text, result.findings);
    if (fixed.applied.length > 0) {
      writeAtomically(file, (bom ? '\ufeff' : '') + fixed.text);
      io.err(`fixed ${display(io, file)}: ${describeFixes(result.findings, fixed.applied.length)}`);
      text = fixed.text;
      result = check(text, brand.brand, options);
    }
  }
  for (const failure of result.failures) {
    io.err(`on-message: the ${failure.rule} check failed on ${display(io, file)}: ${failure.message}`);
  }
  if (result.failures.length > 0) return undefined;
  return { file: display(io, file), text, findings: result.findings };
}

function describeFixes(findings: readonly Finding[], applied: number): string {
  const byRule = new Map<string, number>();
  for (const f of findings) if (f.fix) byRule.set(f.rule, (byRule.get(f.rule) ?? 0) + 1);
  const detail = [...byRule].map(([rule, n]) => (n > 1 ? `${rule} ×${n}` : rule)).join(', ');
  return `${applied} ${applied === 1 ? 'fix' : 'fixes'} (${detail})`;
}

/** Write to a temporary file beside the target, then rename over it: a reader never sees half a file. */
function writeAtomically(file: string, content: string): void {
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
  return { file: display(io, brand.path), text: brand.text, findings };
}

function brandProblemsText(io: Io, brand: BrandFile): string {
  return formatText([brandFindings(io, brand)]);
}

/** Paths as the user sees them: relative to the working directory, with forward slashes. */
function display(io: Io, file: string): string {
  return (path.relative(io.cwd, file) || path.basename(file)).split(path.sep).join('/');
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
  });
}

if (require.main === module) main();
