/**
 * Which files `on-message check` reads: each argument is a file, a folder (searched for Markdown), or a
 * glob. Folders skip dependency and build output (node_modules, .git, dist, out) and hidden folders.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';

export const MARKDOWN_EXTENSIONS = ['.md', '.markdown', '.mdx'];
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', 'dist', 'out', '.vscode-test', '.work']);
const GLOB_CHARS = /[*?[\]{}!]/;

export interface FileSelection {
  files: string[];
  /** Arguments that matched nothing; a usage error for the CLI. */
  unmatched: string[];
}

export function selectFiles(args: readonly string[], cwd: string): FileSelection {
  const files = new Set<string>();
  const unmatched: string[] = [];
  for (const arg of args.length > 0 ? args : ['.']) {
    const before = files.size;
    if (GLOB_CHARS.test(arg)) addGlob(arg, cwd, files);
    else {
      const full = path.resolve(cwd, arg);
      const stat = statOrUndefined(full);
      if (stat?.isDirectory()) walk(full, files);
      else if (stat?.isFile()) files.add(full);
    }
    if (files.size === before && !(statOrUndefined(path.resolve(cwd, arg))?.isDirectory())) unmatched.push(arg);
  }
  return { files: [...files].sort(), unmatched };
}

function statOrUndefined(p: string): fs.Stats | undefined {
  try {
    return fs.statSync(p);
  } catch {
    return undefined;
  }
}

/** Adds the files under `dir` that `keep` accepts, skipping dependency, build and hidden folders. */
function walk(dir: string, out: Set<string>, keep: (name: string) => boolean = isMarkdown): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name) && !entry.name.startsWith('.')) walk(full, out, keep);
    } else if (entry.isFile() && keep(entry.name)) {
      out.add(full);
    }
  }
}

function isMarkdown(name: string): boolean {
  return MARKDOWN_EXTENSIONS.includes(path.extname(name).toLowerCase());
}

/** The static folder prefix of a glob is walked; every file under it is tested against the glob. */
function addGlob(glob: string, cwd: string, out: Set<string>): void {
  const posix = glob.split(path.sep).join('/');
  const parts = posix.split('/');
  const firstDynamic = parts.findIndex((p) => GLOB_CHARS.test(p));
  const base = path.resolve(cwd, parts.slice(0, firstDynamic).join('/') || '.');
  const isMatch = picomatch(posix, { dot: false });
  const candidates = new Set<string>();
  walk(base, candidates, () => true);
  for (const file of candidates) {
    const rel = path.relative(cwd, file).split(path.sep).join('/');
    if (isMatch(rel) || isMatch(file.split(path.sep).join('/'))) out.add(file);
  }
}

/**
 * Paths relative to one folder, with forward slashes: what path.relative gives for a resolved file path.
 * The CLI asks this of every document, twice, and 10,000 documents spent tens of milliseconds in
 * path.relative; documents share few folders, so each folder is worked out once.
 */
export class RelativeTo {
  private readonly folders = new Map<string, string>();
  private readonly from: string;

  constructor(from: string) {
    this.from = path.resolve(from);
  }

  /**
   * `file`: an absolute, resolved path (as selectFiles gives). Unless it is the folder or one above it, the
   * way to it is the way to its folder, then its name.
   */
  path(file: string): string {
    const name = path.basename(file);
    if (!name || file === this.from || this.from.startsWith(file + path.sep)) return path.relative(this.from, file).split(path.sep).join('/');
    const dir = path.dirname(file);
    let rel = this.folders.get(dir);
    if (rel === undefined) {
      rel = path.relative(this.from, dir).split(path.sep).join('/');
      this.folders.set(dir, rel);
    }
    return rel ? `${rel}/${name}` : name;
  }
}

const relatives = new Map<string, RelativeTo>();

/** `file` relative to the folder `from`, with forward slashes (RelativeTo, one per folder asked from). */
function relativePath(from: string, file: string): string {
  let relative = relatives.get(from);
  if (!relative) relatives.set(from, (relative = new RelativeTo(from)));
  return relative.path(file);
}

/** Paths as the user sees them: relative to the working directory, with forward slashes. */
export function displayPath(cwd: string, file: string): string {
  return relativePath(cwd, file) || path.basename(file);
}

/** A document's path relative to its brand file's folder, with forward slashes: what channel and ignore globs match. */
export function brandRelativePath(brandPath: string, file: string): string {
  return relativePath(path.dirname(brandPath), file);
}
