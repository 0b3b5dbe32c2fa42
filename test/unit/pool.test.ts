/**
 * The document pool (server/src/cli/pool.ts): batches on worker threads must give, index for index, what
 * one thread gives, including the error of a file that cannot be read; a pool is run once and can be
 * closed unrun.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DocumentPool, MIN_PARALLEL_BYTES, workerCount, type DocumentJob, type JobResult } from '../../server/src/cli/pool';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const EXAMPLES = path.join(ROOT, 'examples');

function withJobs<T>(n: string, body: () => T): T {
  const before = process.env.ON_MESSAGE_JOBS;
  process.env.ON_MESSAGE_JOBS = n;
  try {
    return body();
  } finally {
    if (before === undefined) delete process.env.ON_MESSAGE_JOBS;
    else process.env.ON_MESSAGE_JOBS = before;
  }
}

suite('cli: document pool', function () {
  this.timeout(120_000);
  let dir: string;
  let brandPath: string;
  let brands: Map<string, string>;
  let jobs: DocumentJob[];

  suiteSetup(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'on-message-pool-'));
    brandPath = path.join(dir, 'brand-messaging.yaml');
    fs.copyFileSync(path.join(EXAMPLES, 'brand-messaging.yaml'), brandPath);
    brands = new Map([[brandPath, fs.readFileSync(brandPath, 'utf8')]]);
    const sources = fs.readdirSync(EXAMPLES, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md'));
    assert.ok(sources.length >= 10, 'the examples have documents');
    jobs = [];
    // Enough documents for batches of several jobs (a batch is an eighth of a worker's share of what is left).
    for (let i = 0; i < 150; i++) {
      const file = path.join(dir, `doc-${String(i).padStart(3, '0')}.md`);
      fs.writeFileSync(file, `${fs.readFileSync(path.join(EXAMPLES, sources[i % sources.length]), 'utf8')}\nCopy ${i}.\n`);
      jobs.push({ kind: i % 2 ? 'check' : 'facts', file, brand: brandPath, brandRelativePath: path.basename(file), reportPath: path.basename(file), today: '2026-06-01' });
    }
    // A file that is not there: its error comes back at its own index.
    jobs.splice(77, 0, { kind: 'check', file: path.join(dir, 'missing.md'), brand: brandPath, brandRelativePath: 'missing.md', today: '2026-06-01' });
  });
  suiteTeardown(() => fs.rmSync(dir, { recursive: true, force: true }));
  const files = (): string[] => jobs.map((j) => j.file);

  test('two or three workers give what the main thread gives alone, in job order', () => {
    const one = withJobs('1', () => DocumentPool.start(files()).run(jobs, brands));
    assert.ok(one.filter((r) => r.kind === 'check' && r.result.findings.length > 0).length > 10, 'the documents have findings');
    for (const workers of ['2', '3']) {
      const seen: number[] = [];
      const many = withJobs(workers, () => DocumentPool.start(files()).run(jobs, brands, { onResult: (i) => seen.push(i) }));
      assert.equal(many.length, jobs.length);
      assert.deepEqual(many, one, `${workers} workers`);
      assert.deepEqual([...seen].sort((a, b) => a - b), jobs.map((_, i) => i), 'every result reported once');
      const missing = many[77] as Extract<JobResult, { kind: 'error' }>;
      assert.equal(missing.kind, 'error');
      assert.equal(missing.read, true);
    }
  });

  test('workers: ON_MESSAGE_JOBS, else one per core from MIN_PARALLEL_BYTES of documents, never under four documents a worker', () => {
    const small = files();
    const bytes = small.reduce((sum, f) => sum + (fs.existsSync(f) ? fs.statSync(f).size : 0), 0);
    assert.ok(bytes < MIN_PARALLEL_BYTES, 'the documents are a small run');
    assert.equal(withJobs('', () => workerCount(small)), 1);
    assert.equal(withJobs('3', () => workerCount(small)), 3);
    assert.equal(withJobs('3', () => workerCount(small.slice(0, 8))), 2);
    const big = path.join(dir, 'big.md');
    fs.writeFileSync(big, 'Fernhill ships.\n\n'.repeat(Math.ceil(MIN_PARALLEL_BYTES / 17)));
    try {
      const cores = os.availableParallelism();
      assert.equal(withJobs('', () => workerCount([big, ...small])), Math.min(cores, Math.ceil((small.length + 1) / 4)));
      assert.equal(withJobs('', () => workerCount([...small, big])), Math.min(cores, Math.ceil((small.length + 1) / 4)));
    } finally {
      fs.rmSync(big);
    }
  });

  test('a pool runs once; an unrun pool closes', () => {
    const pool = withJobs('2', () => DocumentPool.start(files()));
    pool.run(jobs.slice(0, 40), brands);
    assert.throws(() => pool.run(jobs.slice(0, 40), brands), /already run/);
    const unrun = withJobs('2', () => DocumentPool.start(files()));
    unrun.close();
    unrun.close();
  });
});
