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

export class GitIgnore {
  private readonly patterns = new Map<string, Pattern[]>();
  private readonly roots = new Map<string, string>();
  private readonly verdicts = new Map<string, boolean>();

  /** `base`: where .gitignore files start to apply for files outside any repository. */
  constructor(private readonly base: string) {}

  isIgnored(file: string): boolean {
    const full = path.resolve(file);
    const root = this.rootOf(path.dirname(full));
    const rel = path.relative(root, full).split(path.sep);
    if (rel[0] === '..' || path.isAbsolute(rel.join('/'))) return false;
    // A file in an ignored folder is ignored: check each folder on the way down, then the file.
    for (let i = 1; i < rel.length; i++) {
      if (this.verdict(root, rel.slice(0, i), true)) return true;
    }
    return this.verdict(root, rel, false);
  }

  private verdict(root: string, parts: string[], isDir: boolean): boolean {
    const key = `${root}\0${parts.join('/')}\0${isDir}`;
    const cached = this.verdicts.get(key);
    if (cached !== undefined) return cached;
    let ignored = false;
    for (let depth = 0; depth < parts.length; depth++) {
      const folder = path.join(root, ...parts.slice(0, depth));
      const rel = parts.slice(depth).join('/');
      const name = parts[parts.length - 1];
      for (const p of this.patternsOf(folder)) {
        if (p.dirOnly && !isDir) continue;
        if (p.anchored ? p.match(rel) : p.match(name)) ignored = !p.negate;
      }
    }
    this.verdicts.set(key, ignored);
    return ignored;
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
