/**
 * The content-hash cache of `check --cache` and `report --cache`: a document's results, kept on disk and
 * reused while nothing they depend on has changed.
 *
 * Where: `.on-message-cache/` in the working directory (or `--cache-dir DIR`); the folder carries its own
 * `.gitignore` (`*`), so it never shows up in `git status`. Hidden folders are never searched for copy.
 *
 * Key: one entry per document, named by the SHA-256 of everything the result depends on: the engine (the
 * code that computes it: the bundle's bytes, or the compiled engine's files in development), the brand
 * file's text, the date the document is judged at, the per-rule severities, the document's paths and its
 * bytes. Change any of these and the key changes, so an entry is never stale: it is simply not found.
 * Entries are written to a temporary file and renamed into place, so a reader never sees half of one.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

export const DEFAULT_CACHE_DIR = '.on-message-cache';

declare const ON_MESSAGE_VERSION: string | undefined;

let engine: string | undefined;

/** The identity of the engine's code: a result computed by other code is another result. */
export function engineId(): string {
  if (engine) return engine;
  const hash = createHash('sha256');
  if (typeof ON_MESSAGE_VERSION === 'string') {
    // Bundled (dist/cli.js): the bundle is the engine.
    hash.update(ON_MESSAGE_VERSION);
    hash.update(fs.readFileSync(__filename));
  } else {
    // Development (out/): every compiled file of the engine and of the CLI.
    for (const dir of [path.resolve(__dirname, '../core'), __dirname]) {
      for (const file of listJs(dir)) {
        hash.update(path.relative(dir, file));
        hash.update(fs.readFileSync(file));
      }
    }
  }
  engine = hash.digest('hex');
  return engine;
}

function listJs(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listJs(full));
    else if (entry.name.endsWith('.js')) out.push(full);
  }
  return out;
}

/** The hash of the parts, each prefixed by its length (characters for a string, bytes for bytes). */
export function sha256(...parts: Array<string | Uint8Array>): string {
  const hash = createHash('sha256');
  for (const part of parts) {
    hash.update(String(part.length));
    hash.update('\0');
    hash.update(part);
  }
  return hash.digest('hex');
}

/** Entries of one kind ('check' or 'facts') for one engine, under `root`. */
export class ResultCache {
  private readonly dir: string;

  constructor(
    readonly root: string,
    kind: string,
  ) {
    this.dir = path.join(root, `${kind}-${engineId().slice(0, 16)}`);
  }

  /** The key of a document's result: its content (text or bytes) and everything else the result depends on. */
  static key(content: string | Uint8Array, context: unknown): string {
    return sha256(JSON.stringify(context), content);
  }

  get<T>(key: string): T | undefined {
    const text = this.getText(key);
    if (text === undefined) return undefined;
    try {
      return JSON.parse(text) as T;
    } catch {
      return undefined;
    }
  }

  /** The entry as stored (JSON), not parsed: a worker hands it on as it is (pool.ts). */
  getText(key: string): string | undefined {
    try {
      return fs.readFileSync(this.file(key), 'utf8');
    } catch {
      return undefined;
    }
  }

  /** An entry stored as bytes (setBytes), or undefined. */
  getBytes(key: string): Buffer | undefined {
    try {
      return fs.readFileSync(this.file(key, '.bin'));
    } catch {
      return undefined;
    }
  }

  setBytes(key: string, bytes: Uint8Array): void {
    this.write(this.file(key, '.bin'), bytes);
  }

  set(key: string, value: unknown): void {
    this.write(this.file(key), JSON.stringify(value));
  }

  private write(file: string, data: string | Uint8Array): void {
    const temp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    try {
      ensureCacheRoot(this.root);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(temp, data);
      fs.renameSync(temp, file);
    } catch {
      // A cache that cannot be written is only a slower run.
      fs.rmSync(temp, { force: true });
    }
  }

  private file(key: string, suffix = '.json'): string {
    return path.join(this.dir, key.slice(0, 2), `${key.slice(2)}${suffix}`);
  }
}

const prepared = new Set<string>();

/** Creates the cache folder with a `.gitignore` that ignores everything in it. */
function ensureCacheRoot(root: string): void {
  if (prepared.has(root)) return;
  fs.mkdirSync(root, { recursive: true });
  const ignore = path.join(root, '.gitignore');
  if (!fs.existsSync(ignore)) fs.writeFileSync(ignore, '# Written by on-message --cache: results keyed by content hash. Safe to delete.\n*\n');
  prepared.add(root);
}
