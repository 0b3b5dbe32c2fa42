/**
 * Many documents on every core: `check` and `report` hand their documents to worker threads, each of which
 * reads a file, checks it (or collects its report facts) and sends the result back. With `--cache` a
 * worker first looks the document up in the content-hash cache (cache.ts) and stores what it computes.
 *
 * The CLI stays synchronous: the main thread posts batches of jobs on message ports and sleeps on a
 * shared counter (Atomics.wait) that a worker bumps after each batch; it takes results with
 * receiveMessageOnPort. Results come back in the order of the jobs, whatever order the workers finish in,
 * so the output is the same as a run on one thread. A small run stays on the main thread: starting a
 * worker (loading the engine, warming it up) costs more than it saves.
 *
 * Workers: ON_MESSAGE_JOBS=N sets how many (1: none, the main thread does the work); by default one per
 * core for a run of at least MIN_PARALLEL_BYTES.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import { MessageChannel, receiveMessageOnPort, Worker, isMainThread, workerData, type MessagePort } from 'node:worker_threads';
import { analyzeDocument, check, type Brand, type CheckResult, type DocumentFacts, type Severity } from '../core/index';
import { parseBrand } from '../core/brand/parse';
import { stripBom } from './brand-files';
import { ResultCache, sha256 } from './cache';

/** One document for a worker: read `file`, then check it or collect its report facts. */
export interface DocumentJob {
  kind: 'check' | 'facts';
  file: string;
  /** The brand file's path: a key into the brand texts given with the jobs. */
  brand: string;
  /** The document's path relative to the brand file's folder (channel path globs). */
  brandRelativePath: string;
  /** The path the report shows (facts only). */
  reportPath?: string;
  /** The date documents without a front-matter `date` are judged at. */
  today: string;
  severity?: Readonly<Record<string, Severity | 'off'>>;
}

export type JobResult =
  | { kind: 'check'; text: string; result: CheckResult; cached: boolean }
  | { kind: 'facts'; facts: DocumentFacts; cached: boolean }
  /** `read`: the file could not be read; otherwise checking it threw. */
  | { kind: 'error'; read: boolean; message: string };

/**
 * A cache hit as a worker sends it: the entry's JSON as stored, parsed on the main thread. Parsing it in
 * the worker and cloning the object across cost the worker three times what the string costs (a profile
 * of a warm 10,000-document report: the workers spent more time serialising results than reading files).
 */
type WireHit = { kind: 'check'; text: string; cached: true; json: string } | { kind: 'facts'; cached: true; json: string };

/** The result a worker sent, as the caller sees it; undefined when a cached entry turned out not to be JSON. */
function fromWire(result: JobResult | WireHit): JobResult | undefined {
  if (!('json' in result)) return result;
  let value: unknown;
  try {
    value = JSON.parse(result.json);
  } catch {
    return undefined;
  }
  return result.kind === 'check' ? { kind: 'check', text: result.text, result: value as CheckResult, cached: true } : { kind: 'facts', facts: value as DocumentFacts, cached: true };
}

export interface PoolOptions {
  /** The brand already parsed by the caller for a job, so the main thread does not parse it again. */
  brand?: (job: DocumentJob) => Brand | undefined;
  /**
   * Brands already parsed, by path, handed to the workers as they are (a structured clone costs a few
   * milliseconds; parsing the YAML again, hundreds), so that a worker's first miss does not wait on it.
   */
  parsed?: ReadonlyMap<string, Brand>;
  /** Called on the main thread as results arrive (progress). */
  onResult?: (index: number, result: JobResult) => void;
}

/**
 * Workers pay for themselves from about this much text. Each loads the engine (about 100 ms) and warms it
 * up (the first 2 MB of documents parse at 0.6× the speed of the next), and V8's own compiler and collector
 * threads want a share of the cores. On two cores, checking copies of the peer bench's documents with
 * one bundle, alternating (medians of three): 2 MB took 3.4 s on the main thread alone and 4.0 s on two
 * workers, 4 MB 5.1 s and 5.2 s, 8 MB 9.1 s and 8.4 s.
 */
export const MIN_PARALLEL_BYTES = 4 * 1024 * 1024;
/** Fewer documents than this per worker leaves a worker with a long tail. */
const MIN_JOBS_PER_WORKER = 4;

/**
 * How many workers for these documents: ON_MESSAGE_JOBS, else one per core when they hold at least
 * MIN_PARALLEL_BYTES (files are stat'ed only until that much is found); 1 means none.
 */
export function workerCount(files: readonly string[]): number {
  const env = Number(process.env.ON_MESSAGE_JOBS);
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  const wanted = Number.isInteger(env) && env > 0 ? env : atLeastBytes(files, MIN_PARALLEL_BYTES) ? cores : 1;
  return Math.max(1, Math.min(wanted, Math.ceil(files.length / MIN_JOBS_PER_WORKER)));
}

function atLeastBytes(files: readonly string[], bytes: number): boolean {
  let total = 0;
  for (const file of files) {
    try {
      total += fs.statSync(file).size;
    } catch {
      // A file that cannot be read is reported by the job that reads it.
    }
    if (total >= bytes) return true;
  }
  return false;
}

/**
 * Jobs go to a worker in batches and come back in one message per batch. A warm run's job is a cache hit
 * of about 0.1 ms, and one message per job kept both sides waiting on each other: in a profile of a warm
 * 10,000-document report the workers sat idle 30% of the time and the main thread 60%. A batch is a
 * share of what is left (BATCH_SHARE batches per worker), so the last batches of a cold run are single
 * documents and no worker is left with a long tail; never more than MAX_BATCH jobs.
 */
const MAX_BATCH = 64;
const BATCH_SHARE = 8;
/** Batches in flight per worker: the next one is queued before the current one finishes. */
const IN_FLIGHT = 2;
/** With no result from any worker for this long, the rest runs on the main thread. */
const STALL_MS = 10 * 60 * 1000;

interface WorkerHandle {
  worker: Worker;
  port: MessagePort;
  /** Job indexes sent and not yet answered, by batch. */
  batches: number[][];
}

/** What a worker receives, in this order on its port: the brands once, then batches of jobs. */
type ToWorker = { brands: Record<string, string>; parsed: Record<string, Brand> } | { jobs: DocumentJob[] };
/** A worker's answer to a batch: results in the order of its jobs. */
interface BatchAnswer {
  results: (JobResult | WireHit)[];
}

/**
 * The threads of one run. A worker takes about 100 ms to load the engine, so a command starts the pool as
 * soon as it knows which documents there are (DocumentPool.start), and the workers load while
 * the main thread finds the brand files and applies the ignore files; `run` then hands them the jobs. One
 * run per pool: `run` stops the workers when it returns.
 */
export class DocumentPool {
  private closed = false;

  private constructor(
    private readonly handles: readonly WorkerHandle[],
    private readonly signal: Int32Array,
    private readonly cache: string | undefined,
  ) {}

  /** A pool for these documents: workerCount(files) threads, or none when the main thread alone does better. */
  static start(files: readonly string[], cache?: string): DocumentPool {
    const count = workerCount(files);
    const signal = new Int32Array(new SharedArrayBuffer(4));
    const handles: WorkerHandle[] = [];
    for (let i = 0; count > 1 && i < count; i++) {
      const { port1, port2 } = new MessageChannel();
      const worker = new Worker(`require(${JSON.stringify(__filename)});`, {
        eval: true,
        workerData: { onMessagePool: true, port: port2, signal, cache },
        transferList: [port2],
        stdout: false,
        stderr: false,
      });
      worker.unref();
      handles.push({ worker, port: port1, batches: [] });
    }
    return new DocumentPool(handles, signal, cache);
  }

  /** Stops the workers; a pool that is not run must still be closed. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const h of this.handles) {
      h.port.close();
      void h.worker.terminate();
    }
  }

  /** Runs every job; results in job order. `brands`: each brand file's text, by path. */
  run(jobs: readonly DocumentJob[], brands: ReadonlyMap<string, string>, options: PoolOptions = {}): JobResult[] {
    if (this.closed) throw new Error('this pool has already run');
    if (this.handles.length === 0 || jobs.length <= 1) {
      this.close();
      const state = new WorkerState(brands, this.cache, options.brand);
      return jobs.map((job, i) => {
        const result = state.run(job);
        options.onResult?.(i, result);
        return result;
      });
    }
    try {
      return this.runOnWorkers(jobs, brands, options);
    } finally {
      this.close();
    }
  }

  private runOnWorkers(jobs: readonly DocumentJob[], brands: ReadonlyMap<string, string>, options: PoolOptions): JobResult[] {
    const { handles, signal } = this;
    const setup: ToWorker = { brands: Object.fromEntries(brands), parsed: options.parsed ? Object.fromEntries(options.parsed) : {} };
    for (const h of handles) h.port.postMessage(setup);
    const results: JobResult[] = new Array(jobs.length);
    let local: WorkerState | undefined;
    let next = 0;
    let done = 0;
    const feed = (h: WorkerHandle): void => {
      while (next < jobs.length && h.batches.length < IN_FLIGHT) {
        const size = Math.max(1, Math.min(MAX_BATCH, Math.floor((jobs.length - next) / (handles.length * BATCH_SHARE))));
        const indexes: number[] = [];
        for (const end = Math.min(jobs.length, next + size); next < end; next++) indexes.push(next);
        h.batches.push(indexes);
        const message: ToWorker = { jobs: indexes.map((i) => jobs[i]) };
        h.port.postMessage(message);
      }
    };
    handles.forEach(feed);
    let last = Date.now();
    while (done < jobs.length) {
      const seen = Atomics.load(signal, 0);
      let got = false;
      for (const h of handles) {
        for (let m = receiveMessageOnPort(h.port); m; m = receiveMessageOnPort(h.port)) {
          // A worker answers its batches in the order they were sent.
          const indexes = h.batches.shift() ?? [];
          const answer = m.message as BatchAnswer;
          // Queue the next batch before taking these results in, so the worker is not idle meanwhile.
          feed(h);
          for (const [k, index] of indexes.entries()) {
            // A cached entry that is not JSON after all is computed again here, as a worker would have.
            const result = fromWire(answer.results[k]) ?? (local ??= new WorkerState(brands, this.cache, options.brand)).run(jobs[index]);
            results[index] = result;
            done++;
            options.onResult?.(index, result);
          }
          got = true;
        }
        feed(h);
      }
      if (got) {
        last = Date.now();
        continue;
      }
      if (Date.now() - last > STALL_MS) break;
      Atomics.wait(signal, 0, seen, 1000);
    }
    if (done < jobs.length) {
      // A worker died or hung: what is missing is done here.
      this.close();
      const state = new WorkerState(brands, this.cache, options.brand);
      for (let i = 0; i < jobs.length; i++) if (!results[i]) results[i] = state.run(jobs[i]);
    }
    return results;
  }
}

/** What a thread keeps between jobs: parsed brands and the cache. */
class WorkerState {
  private readonly parsed = new Map<string, { brand?: Brand; hash: string }>();
  private readonly caches = new Map<string, ResultCache>();

  constructor(
    private readonly brands: ReadonlyMap<string, string>,
    private readonly cacheRoot: string | undefined,
    private readonly given?: (job: DocumentJob) => Brand | undefined,
  ) {}

  /** `wire` (in a worker): a cache hit comes back as its JSON (WireHit). */
  run(job: DocumentJob): JobResult;
  run(job: DocumentJob, wire: boolean): JobResult | WireHit;
  run(job: DocumentJob, wire = false): JobResult | WireHit {
    try {
      return this.compute(job, wire);
    } catch (error) {
      return { kind: 'error', read: false, message: error instanceof Error ? error.message : String(error) };
    }
  }

  private compute(job: DocumentJob, wire: boolean): JobResult | WireHit {
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(job.file);
    } catch (error) {
      return { kind: 'error', read: true, message: (error as Error).message };
    }
    // The key hashes the file's bytes: a warm report's hit never needs the text, and decoding 10,000
    // documents to hash them again as UTF-8 took a third of a worker's reading time.
    const cache = this.cache(job.kind);
    const key = cache ? ResultCache.key(bytes, [this.entry(job).hash, job.brandRelativePath, job.reportPath ?? null, job.today, job.severity ?? null]) : '';
    if (cache && wire) {
      const json = cache.getText(key);
      if (json !== undefined) return job.kind === 'check' ? { kind: 'check', text: decode(bytes), cached: true, json } : { kind: 'facts', cached: true, json };
    }
    const text = decode(bytes);
    if (job.kind === 'check') {
      const hit = cache?.get<CheckResult>(key);
      if (hit) return { kind: 'check', text, result: hit, cached: true };
      const result = check(text, this.brand(job), { path: job.brandRelativePath, today: job.today, ...(job.severity ? { severity: job.severity } : {}) });
      cache?.set(key, result);
      return { kind: 'check', text, result, cached: false };
    }
    const hit = cache?.get<DocumentFacts>(key);
    if (hit) return { kind: 'facts', facts: hit, cached: true };
    const facts = analyzeDocument(
      { path: job.reportPath ?? job.brandRelativePath, text, brandRelativePath: job.brandRelativePath },
      this.brand(job),
      { today: job.today, ...(job.severity ? { severity: job.severity } : {}) },
    );
    cache?.set(key, facts);
    return { kind: 'facts', facts, cached: false };
  }

  private brand(job: DocumentJob): Brand {
    const entry = this.entry(job);
    entry.brand ??= this.given?.(job) ?? parseBrand(this.text(job)).brand;
    return entry.brand;
  }

  private entry(job: DocumentJob): { brand?: Brand; hash: string } {
    let entry = this.parsed.get(job.brand);
    if (!entry) {
      entry = { hash: sha256(this.text(job)) };
      this.parsed.set(job.brand, entry);
    }
    return entry;
  }

  private text(job: DocumentJob): string {
    const text = this.brands.get(job.brand);
    if (text === undefined) throw new Error(`no text for the brand file ${job.brand}`);
    return text;
  }

  private cache(kind: string): ResultCache | undefined {
    if (!this.cacheRoot) return undefined;
    let cache = this.caches.get(kind);
    if (!cache) {
      cache = new ResultCache(this.cacheRoot, kind);
      this.caches.set(kind, cache);
    }
    return cache;
  }
}

/** A document's text: its bytes as UTF-8, less a byte-order mark. */
function decode(bytes: Buffer): string {
  return stripBom(bytes.toString('utf8'));
}

/** The worker side: the brands, then batches in, one answer per batch, a bump of the shared counter after each. */
function serve(data: { port: MessagePort; signal: Int32Array; cache?: string }): void {
  let state: WorkerState | undefined;
  data.port.on('message', (message: ToWorker) => {
    if ('brands' in message) {
      const parsed = new Map(Object.entries(message.parsed));
      state = new WorkerState(new Map(Object.entries(message.brands)), data.cache, (job) => parsed.get(job.brand));
      return;
    }
    const run = state ?? new WorkerState(new Map(), data.cache);
    const answer: BatchAnswer = { results: message.jobs.map((job) => run.run(job, true)) };
    data.port.postMessage(answer);
    Atomics.add(data.signal, 0, 1);
    Atomics.notify(data.signal, 0);
  });
}

if (!isMainThread && (workerData as { onMessagePool?: boolean } | null)?.onMessagePool) serve(workerData);
