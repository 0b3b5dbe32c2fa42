/**
 * `.onmessageignore`: files the CLI's `check` and `report` leave out, in .gitignore syntax (comments,
 * `!` negation, trailing `/` for folders, `/` anchoring, `*`, `?`, `[…]`, `**`; parser shared with
 * workspace/gitignore.ts).
 *
 * Which files apply: the `.onmessageignore` in the working directory, and the one at the root of every
 * folder named on the command line (for a glob, the folder before its first wildcard). Patterns are
 * relative to the folder that holds the file; where several apply, outer files first and the last
 * matching pattern wins, and a file inside an ignored folder stays ignored, as in git. Files named one
 * by one on the command line are always read, whatever the ignore files say.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseGitignore } from '../workspace/gitignore';

export const IGNORE_FILE_NAME = '.onmessageignore';
const GLOB_CHARS = /[*?[\]{}!]/;

interface IgnoreFile {
  dir: string;
  patterns: ReturnType<typeof parseGitignore>;
}

export class IgnoreFiles {
  private readonly files: IgnoreFile[];

  constructor(cwd: string, args: readonly string[]) {
    const roots = new Set<string>([path.resolve(cwd)]);
    for (const arg of args.length > 0 ? args : ['.']) {
      if (GLOB_CHARS.test(arg)) {
        const parts = arg.split(path.sep).join('/').split('/');
        const firstDynamic = parts.findIndex((p) => GLOB_CHARS.test(p));
        roots.add(path.resolve(cwd, parts.slice(0, firstDynamic).join('/') || '.'));
      } else if (isDirectory(path.resolve(cwd, arg))) roots.add(path.resolve(cwd, arg));
    }
    this.files = [...roots]
      .map((dir) => ({ dir, text: readOrUndefined(path.join(dir, IGNORE_FILE_NAME)) }))
      .filter((f): f is { dir: string; text: string } => f.text !== undefined)
      .map((f) => ({ dir: f.dir, patterns: parseGitignore(f.text) }))
      .sort((a, b) => a.dir.length - b.dir.length);
  }

  /** The ignore files in force, outer first. */
  get paths(): string[] {
    return this.files.map((f) => path.join(f.dir, IGNORE_FILE_NAME));
  }

  isIgnored(file: string): boolean {
    const full = path.resolve(file);
    const applicable = this.files.filter((f) => full.startsWith(withSep(f.dir)));
    if (applicable.length === 0) return false;
    const top = applicable[0].dir;
    const parts = path.relative(top, full).split(path.sep);
    // Each folder on the way down, then the file: an ignored folder hides everything in it.
    for (let i = 1; i <= parts.length; i++) {
      const here = path.join(top, ...parts.slice(0, i));
      const isDir = i < parts.length;
      let ignored = false;
      for (const f of applicable) {
        if (!here.startsWith(withSep(f.dir))) continue;
        const rel = path.relative(f.dir, here).split(path.sep).join('/');
        const name = parts[i - 1];
        for (const p of f.patterns) {
          if (p.dirOnly && !isDir) continue;
          if (p.anchored ? p.match(rel) : p.match(name)) ignored = !p.negate;
        }
      }
      if (ignored) return true;
    }
    return false;
  }
}

function withSep(dir: string): string {
  return dir.endsWith(path.sep) ? dir : dir + path.sep;
}

function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function readOrUndefined(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** Files named one by one on the command line (always read). */
export function namedFiles(args: readonly string[], cwd: string): Set<string> {
  return new Set(
    args
      .filter((a) => !GLOB_CHARS.test(a))
      .map((a) => path.resolve(cwd, a))
      .filter((p) => {
        try {
          return fs.statSync(p).isFile();
        } catch {
          return false;
        }
      }),
  );
}
