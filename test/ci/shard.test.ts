/**
 * `--shard i/n` for check and report, and `report --merge`: shards never overlap, their union is
 * everything, and the merged report is the unsharded report, to the byte, on the examples and on a
 * generated workspace whose cross-document conflicts, census and ledger span shards.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fnv1a, parseShard, shardOf } from '../../server/src/cli/shard';
import { cli, scratch } from './support';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const EXAMPLES = path.join(ROOT, 'examples');
const TODAY = '2026-04-01';

interface JsonFinding {
  file: string;
  line: number;
  column: number;
  rule: string;
  message: string;
}

function checkJson(cwd: string, ...args: string[]): { files: number; findings: JsonFinding[] } {
  const r = cli(cwd, 'check', '--format', 'json', ...args);
  assert.ok(r.status === 0 || r.status === 1, r.stderr);
  return JSON.parse(r.stdout);
}

const key = (f: JsonFinding) => `${f.file}:${f.line}:${f.column} ${f.rule} ${f.message}`;

/** Report JSON text of the unsharded run, and of the merge of `n` shards (each written with --out). */
function shardedAndMerged(cwd: string, n: number, ...args: string[]): { whole: string; merged: string; shards: any[] } {
  const whole = cli(cwd, 'report', '--format', 'json', '--today', TODAY, ...args);
  assert.equal(whole.status, 0, whole.stderr);
  const files: string[] = [];
  for (let i = 1; i <= n; i++) {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'on-message-shard-')), `shard-${i}.json`);
    const r = cli(cwd, 'report', '--format', 'json', '--today', TODAY, '--shard', `${i}/${n}`, '--out', out, ...args);
    assert.equal(r.status, 0, r.stderr);
    files.push(out);
  }
  const merged = cli(cwd, 'report', '--merge', ...files.reverse(), '--format', 'json');
  assert.equal(merged.status, 0, merged.stderr);
  return { whole: whole.stdout, merged: merged.stdout, shards: files.map((f) => JSON.parse(fs.readFileSync(f, 'utf8'))) };
}

/** A workspace of `count` documents made of the examples' paragraphs, with figures that disagree across documents. */
function generatedWorkspace(count: number): string {
  const paragraphs = fs
    .readdirSync(EXAMPLES, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.md'))
    .sort()
    .flatMap((f) =>
      fs
        .readFileSync(path.join(EXAMPLES, f), 'utf8')
        .replace(/^---\n[\s\S]*?\n---\n/, '')
        .split(/\n\s*\n/)
        .filter((p) => p.trim() && !p.startsWith('<!--')),
    );
  let seed = 42;
  const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % paragraphs.length;
  const files: Record<string, string> = { 'brand-messaging.yaml': fs.readFileSync(path.join(EXAMPLES, 'brand-messaging.yaml'), 'utf8') };
  for (let i = 0; i < count; i++) {
    const body = [0, 1, 2].map(() => paragraphs[next()]);
    const figure = `Fernhill Ledger connects to ${[40, 45, 50][i % 3]} banks, and Fernhill serves ${[2500, 3000][i % 2].toLocaleString('en-US')} customers.`;
    files[`${['blog', 'press', 'web/pages', 'social'][i % 4]}/doc-${String(i).padStart(3, '0')}.md`] = `# Document ${i}\n\n${figure}\n\n${body.join('\n\n')}\n`;
  }
  return scratch(files);
}

suite('ci: --shard', () => {
  test('i/n is parsed strictly', () => {
    assert.deepEqual(parseShard('2/5'), { index: 2, count: 5 });
    assert.deepEqual(parseShard('1/1'), { index: 1, count: 1 });
    for (const bad of ['0/3', '4/3', '1/0', '1', 'a/b', '1/2/3', '-1/2']) assert.equal(typeof parseShard(bad), 'string', bad);
  });

  test('the hash is FNV-1a of the UTF-8 path: stable, in range, and balanced', () => {
    assert.equal(fnv1a(''), 0x811c9dc5);
    assert.equal(fnv1a('a'), 0xe40c292c);
    assert.equal(fnv1a('é'), fnv1a('\u00e9'));
    const paths = Array.from({ length: 2000 }, (_, i) => `content/${['blog', 'press', 'ads'][i % 3]}/post-${i}.md`);
    for (const n of [2, 4, 7]) {
      const sizes = new Array(n).fill(0);
      for (const p of paths) {
        const s = shardOf(p, n);
        assert.ok(s >= 1 && s <= n);
        assert.equal(shardOf(p, n), s, 'stable');
        sizes[s - 1]++;
      }
      for (const size of sizes) assert.ok(Math.abs(size - paths.length / n) < (paths.length / n) * 0.2, `shard sizes for n=${n}: ${sizes}`);
    }
  });

  test('check: the shards never overlap and together find exactly what one run finds', () => {
    const whole = checkJson(ROOT, 'examples');
    const shards = [1, 2, 3].map((i) => checkJson(ROOT, 'examples', '--shard', `${i}/3`));
    assert.equal(shards.reduce((n, s) => n + s.files, 0), whole.files);
    const files = shards.map((s) => new Set(s.findings.map((f) => f.file)));
    for (let i = 0; i < files.length; i++) for (let j = i + 1; j < files.length; j++) assert.deepEqual([...files[i]].filter((f) => files[j].has(f)), []);
    assert.deepEqual(shards.flatMap((s) => s.findings.map(key)).sort(), whole.findings.map(key).sort());
    assert.ok(shards.every((s) => s.files > 0), 'each shard has work');
  });

  test('check: a brand file’s own problems are reported by one shard only', () => {
    const dir = scratch({
      'brand-messaging.yaml': fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'brand', 'lumora.yaml'), 'utf8').replace('version: 1', 'version: 1\nunknown_key: true'),
      ...Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`doc-${i}.md`, 'LumoraPulse.\n'])),
    });
    const brandProblems = (r: { findings: JsonFinding[] }) => r.findings.filter((f) => f.file === 'brand-messaging.yaml').map(key);
    const whole = brandProblems(checkJson(dir));
    assert.equal(whole.length, 1);
    assert.deepEqual([1, 2, 3, 4].flatMap((i) => brandProblems(checkJson(dir, '--shard', `${i}/4`))), whole);
  });

  test('check: a bad --shard is a usage error', () => {
    const r = cli(ROOT, 'check', 'examples', '--shard', '4/3');
    assert.equal(r.status, 2);
    assert.match(r.stderr, /--shard 4\/3: i must be from 1 to n/);
  });
});

suite('ci: report --shard and --merge', () => {
  test('the examples: three shards merged are the unsharded report, byte for byte', () => {
    const { whole, merged, shards } = shardedAndMerged(ROOT, 3, 'examples');
    assert.equal(merged, whole);
    assert.deepEqual(JSON.parse(merged), JSON.parse(whole));
    assert.equal(shards.reduce((n, s) => n + s.shard.facts.length, 0), JSON.parse(whole).documents.length);
    for (const s of shards) assert.deepEqual(Object.keys(s.shard).sort(), ['brandText', 'count', 'facts', 'index']);
  });

  test('a generated workspace: conflicts, census and ledger across shards merge to the unsharded report', () => {
    const dir = generatedWorkspace(32);
    const { whole, merged, shards } = shardedAndMerged(dir, 4);
    const report = JSON.parse(whole);
    assert.equal(report.documents.length, 32);
    assert.ok(report.conflicts.some((c: any) => new Set(c.values.flatMap((v: any) => v.statements.map((s: any) => s.location.path))).size > 4), 'conflicts span documents of several shards');
    assert.ok(shards.some((s) => JSON.stringify(s.conflicts) !== JSON.stringify(report.conflicts)), 'no shard alone sees every conflict');
    assert.equal(merged, whole);
  });

  test('md and html from a merge equal the unsharded ones', () => {
    const dir = generatedWorkspace(12);
    const shardFiles = [1, 2].map((i) => {
      const out = path.join(dir, `s${i}.json`);
      assert.equal(cli(dir, 'report', '--today', TODAY, '--shard', `${i}/2`, '--out', out, '--format', 'json', 'blog', 'press', 'web', 'social').status, 0);
      return out;
    });
    for (const format of ['md', 'html']) {
      const whole = cli(dir, 'report', '--today', TODAY, '--format', format, 'blog', 'press', 'web', 'social');
      const merged = cli(dir, 'report', '--merge', ...shardFiles, '--format', format);
      assert.equal(merged.status, 0, merged.stderr);
      assert.equal(merged.stdout, whole.stdout, format);
      assert.equal(merged.stderr, whole.stderr);
    }
  });

  test('exit 2 when the shard files are not one complete run', () => {
    const dir = generatedWorkspace(6);
    const write = (name: string, ...args: string[]) => {
      const r = cli(dir, 'report', '--format', 'json', '--out', name, ...args);
      assert.equal(r.status, 0, r.stderr);
      return name;
    };
    const a = write('a.json', '--today', TODAY, '--shard', '1/3');
    const b = write('b.json', '--today', TODAY, '--shard', '2/3');
    const c = write('c.json', '--today', TODAY, '--shard', '3/3');
    const expectFailure = (pattern: RegExp, ...args: string[]) => {
      const r = cli(dir, 'report', '--merge', ...args);
      assert.equal(r.status, 2, r.stdout);
      assert.match(r.stderr, pattern);
    };
    expectFailure(/Shard 3\/3 missing/, a, b);
    expectFailure(/a\.json and a\.json are both shard 1\/3/, a, a, b, c);
    expectFailure(/not a shard report/, a, b, write('whole.json', '--today', TODAY));
    expectFailure(/its date \(--today\) is "2026-05-01"/, a, b, write('late.json', '--today', '2026-05-01', '--shard', '3/3'));
    expectFailure(/its shard count is 2/, a, b, write('two.json', '--today', TODAY, '--shard', '2/2'));
    expectFailure(/cannot read missing\.json/, a, b, 'missing.json');
    expectFailure(/--merge needs the shard files/);
    const usage = cli(dir, 'report', '--merge', a, b, c, '--today', TODAY);
    assert.equal(usage.status, 2);
    assert.match(usage.stderr, /--brand, --today and --shard do not apply/);
    fs.writeFileSync(path.join(dir, 'brand-messaging.yaml'), fs.readFileSync(path.join(dir, 'brand-messaging.yaml'), 'utf8') + '\n# edited\n');
    expectFailure(/checked against another version of brand-messaging\.yaml/, a, b, write('edited.json', '--today', TODAY, '--shard', '3/3'));
    assert.equal(cli(dir, 'report', '--merge', a, b, c).status, 0, 'the complete run still merges');
  });
});
