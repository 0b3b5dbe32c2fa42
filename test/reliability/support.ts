/**
 * Shared by the reliability suite (issue 7): each case is registered with `rcase(input, expected, fn)`, so
 * the spec reporter lists every case as "input → what must happen", and one closing line counts them:
 * "reliability: N cases, N passed (T s)". Time bounds are wall-clock and generous: the suite runs on a
 * shared 2-core machine next to other test runs; each bound is stated in the case's title.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { loadBrand, type Brand } from '../../server/src/core/index';

export const ROOT = path.resolve(__dirname, '..', '..', '..');
export const CLI = path.join(ROOT, 'dist', 'cli.js');
export const SERVER = path.join(ROOT, 'dist', 'server.js');

export const LUMORA_TEXT = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'brand', 'lumora.yaml'), 'utf8');
export const EXAMPLES_BRAND_TEXT = fs.readFileSync(path.join(ROOT, 'examples', 'brand-messaging.yaml'), 'utf8');
export const lumora: Brand = loadBrand(LUMORA_TEXT).brand;
export const examplesBrand: Brand = loadBrand(EXAMPLES_BRAND_TEXT).brand;
/** The checks are judged on a fixed day, so that claims' expiry does not change with the calendar. */
export const TODAY = '2026-06-01';

const tally = { cases: 0, passed: 0, failed: 0, first: 0, last: 0 };

/**
 * One reliability case. `input` says what is fed in, `expected` what must happen (with its time bound,
 * when it has one); both make the test's title.
 */
export function rcase(input: string, expected: string, fn: (this: Mocha.Context) => unknown, timeoutMs = 60_000): void {
  test(`${input} → ${expected}`, async function () {
    this.timeout(timeoutMs);
    tally.cases++;
    tally.first ||= Date.now();
    try {
      await fn.call(this);
      tally.passed++;
    } catch (error) {
      tally.failed++;
      throw error;
    } finally {
      tally.last = Date.now();
    }
  });
}

// The root suite's teardown: runs once, after every suite of the run (this file is loaded once).
suiteTeardown(() => {
  if (tally.cases === 0) return;
  const seconds = ((tally.last - tally.first) / 1000).toFixed(1);
  const failed = tally.failed > 0 ? `, ${tally.failed} failed` : '';
  process.stdout.write(`\nreliability: ${tally.cases} cases, ${tally.passed} passed${failed} (${seconds} s from the first case to the last)\n`);
});

/** Runs `fn` and asserts it took at most `ms` of wall-clock time; returns its result. */
export function within<T>(ms: number, what: string, fn: () => T): T {
  const started = Date.now();
  const result = fn();
  const took = Date.now() - started;
  assert.ok(took <= ms, `${what} took ${took} ms, more than the ${ms} ms bound`);
  return result;
}

export async function withinAsync<T>(ms: number, what: string, fn: () => Promise<T>): Promise<T> {
  const started = Date.now();
  const result = await fn();
  const took = Date.now() - started;
  assert.ok(took <= ms, `${what} took ${took} ms, more than the ${ms} ms bound`);
  return result;
}

/** A fresh folder in the temp directory with these files (strings or bytes); removed by `cleanup`. */
export function scratch(files: Record<string, string | Buffer>): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'on-message-reliability-')));
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  scratches.push(dir);
  return dir;
}

const scratches: string[] = [];

export function cleanup(): void {
  for (const dir of scratches.splice(0)) {
    try {
      fs.chmodSync(dir, 0o755);
      fs.rmSync(dir, { recursive: true, force: true });
    } catch {
      // a leftover temp folder is not a failure
    }
  }
}

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** The bundled CLI in a child process, as CI runs it. */
export function cli(cwd: string, args: string[], options: { nodeArgs?: string[]; timeoutMs?: number; env?: Record<string, string> } = {}): Run {
  const env = options.env ? { ...process.env, ...options.env } : undefined;
  const spawnOptions: SpawnSyncOptions = { cwd, env, encoding: 'utf8', timeout: options.timeoutMs ?? 120_000, maxBuffer: 64 * 1024 * 1024 };
  const r = spawnSync(process.execPath, [...(options.nodeArgs ?? []), CLI, ...args], spawnOptions);
  return { status: r.status, stdout: String(r.stdout ?? ''), stderr: String(r.stderr ?? '') };
}
