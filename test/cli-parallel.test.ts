/**
 * Worker threads and the content-hash cache (server/src/cli/pool.ts, cache.ts) must be invisible: `check`
 * and `report` on several threads, from a cold cache, from a warm one and after a file or the brand file
 * changed, print exactly what one thread with no cache prints.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';

const ROOT = path.resolve(__dirname, '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const EXAMPLES = path.join(ROOT, 'examples');

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function cli(cwd: string, env: Record<string, string>, ...args: string[]): Run {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, ...env } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The examples' brand file and five copies of every example document, each copy a little different. */
function workspace(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'on-message-parallel-'));
  fs.copyFileSync(path.join(EXAMPLES, 'brand-messaging.yaml'), path.join(dir, 'brand-messaging.yaml'));
  const docs: string[] = [];
  const walk = (d: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(path.join(d, e.name));
      else if (e.name.endsWith('.md')) docs.push(path.join(d, e.name));
    }
  };
  walk(EXAMPLES);
  for (let copy = 0; copy < 5; copy++) {
    for (const doc of docs) {
      const target = path.join(dir, `copy-${copy}`, path.relative(EXAMPLES, doc));
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, fs.readFileSync(doc, 'utf8') + (copy ? `\nCopy ${copy}: our platform is the leading choice, and 9 in 10 teams say so.\n` : ''));
    }
  }
  return dir;
}

const ONE = { ON_MESSAGE_JOBS: '1' };
const TWO = { ON_MESSAGE_JOBS: '2' };

suite('cli: worker threads and the cache', function () {
  this.timeout(180_000);
  let dir: string;
  suiteSetup(() => {
    dir = workspace();
  });
  suiteTeardown(() => fs.rmSync(dir, { recursive: true, force: true }));

  const REPORT = ['report', '.', '--today', '2026-06-01', '--format', 'json'];
  const CHECK = ['check', '.', '--format', 'json'];

  test('report and check on two threads print what one thread prints', () => {
    for (const args of [REPORT, CHECK]) {
      const one = cli(dir, ONE, ...args);
      const two = cli(dir, TWO, ...args);
      assert.ok(one.stdout.length > 1000, one.stderr);
      assert.equal(two.status, one.status);
      assert.equal(two.stdout, one.stdout);
      assert.equal(two.stderr, one.stderr);
    }
  });

  test('a cold cache, a warm cache and a changed file give what no cache gives', () => {
    const cache = path.join(dir, '.cache-test');
    for (const args of [REPORT, CHECK, ['check', '.']]) {
      fs.rmSync(cache, { recursive: true, force: true });
      const plain = cli(dir, ONE, ...args);
      const cold = cli(dir, TWO, ...args, '--cache-dir', cache);
      const warm = cli(dir, TWO, ...args, '--cache-dir', cache);
      const warmOne = cli(dir, ONE, ...args, '--cache-dir', cache);
      for (const r of [cold, warm, warmOne]) {
        assert.equal(r.status, plain.status);
        assert.equal(r.stdout, plain.stdout);
        assert.equal(r.stderr, plain.stderr);
      }
    }
    assert.equal(fs.readFileSync(path.join(cache, '.gitignore'), 'utf8').split('\n').filter((l) => l && !l.startsWith('#')).join(), '*');

    // One document changes: its new findings, not the cached ones.
    const file = path.join(dir, 'copy-1', 'press', '2026-03-launch.md');
    const before = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, before.replace('Fernhill', 'FernHill'));
    try {
      for (const args of [REPORT, CHECK]) {
        const plain = cli(dir, ONE, ...args);
        const cached = cli(dir, TWO, ...args, '--cache-dir', cache);
        assert.equal(cached.stdout, plain.stdout);
        assert.equal(cached.status, plain.status);
      }
    } finally {
      fs.writeFileSync(file, before);
    }
  });

  test('a changed brand file is a different key: nothing stale is served', () => {
    const cache = path.join(dir, '.cache-brand');
    const brandFile = path.join(dir, 'brand-messaging.yaml');
    const brand = fs.readFileSync(brandFile, 'utf8');
    cli(dir, TWO, ...CHECK, '--cache-dir', cache);
    // Turn a name's forbidden variant into an allowed spelling: findings must change.
    fs.writeFileSync(brandFile, brand + '\n# edited\n');
    try {
      const plain = cli(dir, ONE, ...CHECK);
      const cached = cli(dir, TWO, ...CHECK, '--cache-dir', cache);
      assert.equal(cached.stdout, plain.stdout);
      const entries = fs.readdirSync(cache).filter((f) => !f.startsWith('.'));
      assert.equal(entries.length, 1, 'one folder per kind and engine');
    } finally {
      fs.writeFileSync(brandFile, brand);
    }
  });
});
