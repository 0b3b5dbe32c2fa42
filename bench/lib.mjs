// Measuring on a shared, noisy machine: every figure is a ratio of two things timed side by side, in
// alternating order, several times; we report medians (and the median of the per-round ratios).
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const RESULTS = path.join(ROOT, 'bench', 'results');
export const CORPUS = path.resolve(ROOT, '..', 'shared', 'corpus', 'posthog', 'contents');
export const POSTHOG_BRAND = path.join(ROOT, 'test', 'fixtures', 'brand', 'posthog.yaml');

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** The p-th percentile (0–100), nearest rank. */
export function percentile(xs, p) {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

export function timeSync(fn) {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

/**
 * Times `a` and `b` in `rounds` rounds, alternating which goes first; `warmup` untimed rounds first.
 * Returns each side's times, their medians, and the ratio b/a (median of b over median of a, and the
 * median of the per-round ratios).
 */
export async function sideBySide(a, b, { rounds = 5, warmup = 1 } = {}) {
  for (let i = 0; i < warmup; i++) {
    await a();
    await b();
  }
  const ta = [];
  const tb = [];
  for (let i = 0; i < rounds; i++) {
    const order = i % 2 === 0 ? [[a, ta], [b, tb]] : [[b, tb], [a, ta]];
    for (const [fn, into] of order) {
      const t = performance.now();
      const extra = await fn();
      into.push(typeof extra === 'number' ? extra : performance.now() - t);
    }
  }
  return {
    a: ta,
    b: tb,
    medianA: median(ta),
    medianB: median(tb),
    ratio: median(tb) / median(ta),
    ratioOfRounds: median(ta.map((x, i) => tb[i] / x)),
  };
}

/**
 * Runs a command to completion; resolves with its wall time (ms), exit code, output, and the child's
 * peak RSS (KB) measured inside it by rss-probe.cjs when `probe` is set (node commands only).
 */
export function run(command, args, { cwd = ROOT, env = {}, probe = false, input } = {}) {
  return new Promise((resolve, reject) => {
    const rssFile = probe ? path.join(os.tmpdir(), `on-message-rss-${process.pid}-${Math.random().toString(36).slice(2)}`) : undefined;
    const fullArgs = probe ? ['--require', path.join(ROOT, 'bench', 'rss-probe.cjs'), ...args] : args;
    const t = performance.now();
    const child = spawn(command, fullArgs, {
      cwd,
      env: { ...process.env, ...env, ...(rssFile ? { ON_MESSAGE_RSS_FILE: rssFile } : {}) },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - t;
      let rssKb;
      if (rssFile) {
        try {
          rssKb = Number(fs.readFileSync(rssFile, 'utf8'));
          fs.rmSync(rssFile, { force: true });
        } catch {
          rssKb = undefined;
        }
      }
      resolve({ ms, code, stdout, stderr, rssKb });
    });
    if (input !== undefined) child.stdin.end(input);
    else child.stdin.end();
  });
}

export function markdownFiles(dir) {
  const out = [];
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((x, y) => (x.name < y.name ? -1 : 1))) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else if (/\.(md|mdx|markdown)$/.test(e.name)) out.push(full);
    }
  };
  walk(dir);
  return out;
}

export function machine() {
  const cpus = os.cpus();
  return {
    cpus: typeof os.availableParallelism === 'function' ? os.availableParallelism() : cpus.length,
    model: cpus[0]?.model ?? 'unknown',
    memoryGb: Math.round(os.totalmem() / 1024 ** 3),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    loadAverage: os.loadavg().map((x) => Math.round(x * 100) / 100),
  };
}

export const fmt = {
  ms: (x) => (x >= 10000 ? `${(x / 1000).toFixed(1)} s` : x >= 100 ? `${Math.round(x)} ms` : `${x.toFixed(1)} ms`),
  x: (x) => `${x.toFixed(2)}×`,
  pct: (x) => `${(x * 100).toFixed(1)}%`,
  mb: (kb) => `${Math.round(kb / 1024)} MB`,
  kb: (bytes) => `${Math.round(bytes / 1024)} KB`,
};
