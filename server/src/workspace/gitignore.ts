/**
 * `.gitignore` for workspace runs (the report, workspace scans): every `.gitignore` from the repository
 * root (the nearest folder above with a `.git`) down to the file's folder applies, deeper files last, the
 * last matching pattern winning, as git does. Outside a repository, the `.gitignore` files from `base`
 * down apply. Supported: comments, `\#` and `\!`, `!` negation, trailing `/` for folders only, patterns
 * anchored by a `/` at the start or in the middle, `*`, `?`, `[…]` and `**`. As in git, a file inside an
 * ignored folder stays ignored whatever a later pattern says.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch/posix';

interface Pattern {
  negate: boolean;
  dirOnly: boolean;
  /** Matched against the path relative to the .gitignore's folder when anchored, else against the name. */
  anchored: boolean;
  match: (s: string) => boolean;
}

/** The patterns of one .gitignore text, in order. */
export function parseGitignore(text: string): Pattern[] {
  const out: Pattern[] = [];
  for (const raw of text.split(/\r?\n/)) {
    let line = raw.replace(/(?<!\\)\s+$/, '');
    if (!line || line.startsWith('#')) continue;
    let negate = false;
    if (line.startsWith('!')) {
      negate = true;
      line = line.slice(1);
    } else if (line.startsWith('\\!') || line.startsWith('\\#')) line = line.slice(1);
    const dirOnly = line.endsWith('/');
    if (dirOnly) line = line.replace(/\/+$/, '');
    const anchored = line.includes('/');
    line = line.replace(/^\//, '');
    if (!line) continue;
    out.push({ negate, dirOnly, anchored, match: picomatch(line, { dot: true }) });
  }
  return out;
}

/** The .gitignore patterns of one folder, and how many path segments below the repository root it is. */
interface Level {
  depth: number;
  patterns: readonly Pattern[];
}

/** What a file's verdict needs to know of its folder, worked out once per folder. */
interface Folder {
  /** The folder's path below its root, by segment. */
  parts: readonly string[];
  /** The folder or a folder above it (up to the root) is ignored. */
  ignored: boolean;
  /** The folders from the root down to this one that have patterns: these apply to what it holds. */
  levels: readonly Level[];
}

export class GitIgnore {
  private readonly patterns = new Map<string, Pattern[]>();
  private readonly roots = new Map<string, string>();
  /** By root, then by folder: a workspace of 10,000 documents has a few hundred folders. */
  private readonly folders = new Map<string, Map<string, Folder>>();

  /** `base`: where .gitignore files start to apply for files outside any repository. */
  constructor(private readonly base: string) {}

  isIgnored(file: string): boolean {
    const full = path.resolve(file);
    const dir = path.dirname(full);
    const folder = this.folderIn(this.rootOf(dir), dir);
    if (folder.ignored) return true;
    return folder.levels.length > 0 && matches(folder.levels, [...folder.parts, path.basename(full)], false);
  }

  /** `dir`, which is `root` or below it. A file in an ignored folder is ignored: so is a folder in one. */
  private folderIn(root: string, dir: string): Folder {
    let known = this.folders.get(root);
    if (!known) this.folders.set(root, (known = new Map()));
    let folder = known.get(dir);
    if (folder) return folder;
    const own = this.patternsOf(dir);
    if (dir === root || path.dirname(dir) === dir) {
      folder = { parts: [], ignored: false, levels: own.length > 0 ? [{ depth: 0, patterns: own }] : [] };
    } else {
      const parent = this.folderIn(root, path.dirname(dir));
      const parts = [...parent.parts, path.basename(dir)];
      const ignored = parent.ignored || (parent.levels.length > 0 && matches(parent.levels, parts, true));
      folder = { parts, ignored, levels: own.length > 0 ? [...parent.levels, { depth: parts.length, patterns: own }] : parent.levels };
    }
    known.set(dir, folder);
    return folder;
  }

  private patternsOf(folder: string): Pattern[] {
    let list = this.patterns.get(folder);
    if (!list) {
      let text = '';
      try {
        text = fs.readFileSync(path.join(folder, '.gitignore'), 'utf8');
      } catch {
        // No .gitignore here.
      }
      list = parseGitignore(text);
      this.patterns.set(folder, list);
    }
    return list;
  }

  /** The repository root above `folder`, else `base` when `folder` is inside it, else `folder`. */
  private rootOf(folder: string): string {
    const cached = this.roots.get(folder);
    if (cached) return cached;
    let root: string | undefined;
    for (let dir = folder; ; dir = path.dirname(dir)) {
      if (fs.existsSync(path.join(dir, '.git'))) {
        root = dir;
        break;
      }
      if (path.dirname(dir) === dir) break;
    }
    const base = path.resolve(this.base);
    root ??= folder === base || folder.startsWith(base + path.sep) ? base : folder;
    this.roots.set(folder, root);
    return root;
  }
}

/**
 * Whether the path `parts` (below the root; a folder when `isDir`) is ignored by the patterns of `levels`,
 * the folders above it, outer first: the last matching pattern wins. An anchored pattern matches the path
 * from its .gitignore's folder, any other the name alone.
 */
function matches(levels: readonly Level[], parts: readonly string[], isDir: boolean): boolean {
  const name = parts[parts.length - 1];
  let ignored = false;
  for (const { depth, patterns } of levels) {
    let rel: string | undefined;
    for (const p of patterns) {
      if (p.dirOnly && !isDir) continue;
      if (p.anchored ? p.match((rel ??= parts.slice(depth).join('/'))) : p.match(name)) ignored = !p.negate;
    }
  }
  return ignored;
}
