// `npm run bench`: every performance target of On Message, measured side by side in one run.
//
//   node bench/run.mjs [--quick] [--only=parse,growth,peer,workspace,editor,startup]
//
// Prints a table of figures and targets and writes bench/results/latest.json. Not part of `npm test`:
// on the shared 2-core machine the full run takes tens of minutes (the workspace bench alone reads 50 MB
// of Markdown three times cold). --quick runs fewer rounds on a 1,000-document workspace.
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { POSTHOG_BRAND, RESULTS, ROOT, fmt, machine, median, percentile, run, sideBySide, timeSync } from './lib.mjs';
import { bigDocument, corpusTexts, mediumDocument, pressRelease, writePeerCorpus, writeWorkspace } from './corpus.mjs';
import { brandWith } from './brands.mjs';
import { buildFloorCli } from './floor.mjs';
import { parseSplit } from './parse-split.mjs';
import { parseCases, parseRatioInProcess } from './parse-ratio.mjs';
import { nodeBundle } from '../esbuild.shared.mjs';
import { Server, editPoints, positionAt, writeFolder } from './lsp.mjs';

const argv = process.argv.slice(2);
const quick = argv.includes('--quick');
const only = argv.find((a) => a.startsWith('--only='))?.slice(7).split(',');
const wanted = (name) => !only || only.includes(name);
const log = (s) => process.stderr.write(`${s}\n`);

// The bundles are copied aside at the start: others may rebuild dist/ while the bench runs, and a
// different bundle is a different engine to the cache (its key includes the bundle's hash).
const BUILD = path.join(RESULTS, '.build');
const CLI = path.join(BUILD, 'cli.js');
const SERVER = path.join(BUILD, 'server.js');
const TODAY = '2026-06-01';
const started = new Date();
const results = { date: started.toISOString(), machine: machine(), quick, figures: [], details: {} };

function figure(id, label, value, display, target, met, note = '') {
  results.figures.push({ id, label, value, display, target, met, note });
  log(`  ${met === undefined ? '·' : met ? '✓' : '✗'} ${label}: ${display}${target ? ` (target ${target})` : ''}${note ? ` — ${note}` : ''}`);
}

for (const bundle of ['cli.js', 'server.js']) {
  if (!fs.existsSync(path.join(ROOT, 'dist', bundle))) throw new Error(`dist/${bundle} is missing: run npm run bench (it builds first).`);
}
fs.mkdirSync(BUILD, { recursive: true });
for (const bundle of ['cli.js', 'server.js']) fs.copyFileSync(path.join(ROOT, 'dist', bundle), path.join(BUILD, bundle));
const bundleSizes = Object.fromEntries(['extension.js', 'server.js', 'cli.js'].map((f) => [f, fs.statSync(path.join(ROOT, 'dist', f)).size]));
const enginePath = path.join(RESULTS, '.build', 'engine.cjs');
await esbuild.build({ ...nodeBundle, entryPoints: [path.join(ROOT, 'bench', 'engine.ts')], outfile: enginePath });
const engine = createRequire(import.meta.url)(enginePath);

// 0. What the machine gives: the same CPU loop on one thread and on one thread per core at once.
{
  const { together } = createRequire(import.meta.url)('./spin.cjs');
  const cores = results.machine.cpus;
  const r = await sideBySide(() => together(1), () => together(cores), { rounds: quick ? 2 : 3, warmup: 0 });
  const capacity = (cores * r.medianA) / r.medianB;
  results.details.parallelCapacity = { cores, oneThreadMs: r.medianA, allCoresMs: r.medianB, capacity };
  log('machine');
  figure('machine.parallel', `parallel capacity now: ${cores} threads' work ÷ time, in one thread's units`, capacity, `${capacity.toFixed(2)} of ${cores}`, '', undefined, 'how much the worker threads can give on this machine during this run');
}

// 1. A full check against remark's parse alone (remark-parse, remark-gfm, remark-frontmatter: the
// yardstick), and against the engine's own lighter parse, same text, in several fresh processes.
if (wanted('parse')) {
  log('checks vs parse');
  for (const [id, c] of Object.entries(parseCases(quick))) {
    const processes = id === 'press' ? (quick ? 3 : 7) : quick ? 1 : 3;
    const runs = [];
    for (let i = 0; i < processes; i++) runs.push(await parseRatioInProcess(enginePath, id, quick));
    const ratios = runs.map((r) => r.ratio);
    const ratio = median(ratios);
    const ownRatio = median(runs.map((r) => r.ownRatio));
    const parseMs = median(runs.map((r) => r.parseMs));
    const ownParseMs = median(runs.map((r) => r.ownParseMs));
    const checkMs = median(runs.map((r) => r.checkMs));
    const range = processes > 1 ? `, ${fmt.x(Math.min(...ratios))}–${fmt.x(Math.max(...ratios))} over ${processes} processes` : '';
    results.details[`parse.${id}`] = { bytes: runs[0].bytes, parseMs, ownParseMs, checkMs, ratio, ratios, ownRatio, ownRatios: runs.map((r) => r.ownRatio), rounds: c.rounds };
    figure(`parse.${id}`, `check ÷ remark's parse (remark-gfm), ${fmt.kb(runs[0].bytes)} ${c.label}`, ratio, `${fmt.x(ratio)} (parse ${fmt.ms(parseMs)}, check ${fmt.ms(checkMs)}${range})`, '≤ 1.5', ratio <= 1.5);
    figure(`parse.${id}.own`, `check ÷ the engine's own parse (no literal autolinks), ${fmt.kb(runs[0].bytes)} ${c.label}`, ownRatio, `${fmt.x(ownRatio)} (parse ${fmt.ms(ownParseMs)}, check ${fmt.ms(checkMs)})`, '', undefined, 'the work after the parse, in parses');
  }
}

// 2. Check time with a brand file of 5,000 names and terms over one of 50; load time reported apart.
if (wanted('growth')) {
  log('brand-file growth');
  const sizes = [50, 5000];
  const loaded = {};
  for (const n of sizes) {
    const text = brandWith(n);
    const runs = n > 1000 ? 1 : 3;
    const parseMs = median(Array.from({ length: runs }, () => timeSync(() => engine.parseBrand(text))));
    const parsed = engine.parseBrand(text);
    let problems = [];
    const selfTestMs = median(Array.from({ length: runs }, () => timeSync(() => (problems = engine.selfTest(parsed.brand)))));
    loaded[n] = parsed.brand;
    const counts = { names: parsed.brand.names.length, terms: parsed.brand.terms.length };
    results.details[`growth.load.${n}`] = { bytes: text.length, ...counts, parseMs, selfTestMs, selfTestProblems: problems.length };
    figure(`growth.load.${n}`, `load ${n} names+terms (${fmt.kb(text.length)})`, parseMs + selfTestMs, `parse ${fmt.ms(parseMs)}, self-test ${fmt.ms(selfTestMs)} (${problems.length} problems)`, '', undefined, 'load time, not check time');
  }
  const docs = corpusTexts().filter((_, i) => i % 8 === 0);
  const bytes = docs.reduce((s, d) => s + d.text.length, 0);
  let findings = {};
  const checkAll = (n) => () => {
    let count = 0;
    for (const d of docs) count += engine.check(d.text, loaded[n], { path: 'blog/doc.md', today: TODAY }).findings.length;
    findings[n] = count;
  };
  const r = await sideBySide(checkAll(50), checkAll(5000), { rounds: quick ? 3 : 7, warmup: 1 });
  results.details.growth = { documents: docs.length, bytes, ms50: r.medianA, ms5000: r.medianB, ratio: r.ratio, ratioOfRounds: r.ratioOfRounds, findings };
  figure('growth', `check with 5,000 ÷ with 50 names+terms (${docs.length} docs, ${fmt.kb(bytes)})`, r.ratio, `${fmt.x(r.ratio)} (${fmt.ms(r.medianA)} → ${fmt.ms(r.medianB)})`, '≤ 1.5', r.ratio <= 1.5);
}

// 3. Files per second of `on-message check` and of textlint + textlint-rule-prh, same files, same terms.
if (wanted('peer')) {
  log('peer: textlint + prh');
  const dir = path.join(RESULTS, 'peer');
  const corpus = writePeerCorpus(path.join(dir, 'corpus'));
  const prh = prhRules(engine.parseBrand(fs.readFileSync(POSTHOG_BRAND, 'utf8')).brand);
  fs.writeFileSync(path.join(dir, 'prh.yml'), prh.yaml);
  fs.writeFileSync(path.join(dir, '.textlintrc.json'), JSON.stringify({ rules: { prh: { rulePaths: ['./prh.yml'] } } }, null, 2));
  const textlint = [path.join(ROOT, 'node_modules', 'textlint', 'bin', 'textlint.js'), '--no-color', '--format', 'json', '-c', '.textlintrc.json', '--rules-base-directory', path.join(ROOT, 'node_modules')];
  const ours = [CLI, 'check', 'corpus', '--brand', POSTHOG_BRAND, '--format', 'json'];
  const counts = {};
  const once = (name, args) => async () => {
    const r = await run(process.execPath, args, { cwd: dir });
    if (r.code !== 0 && r.code !== 1) throw new Error(`${name} failed (${r.code}): ${r.stderr.slice(0, 500)}`);
    counts[name] = problemCount(name, r.stdout);
    return r.ms;
  };
  const rounds = quick ? 3 : 5;
  const plain = await sideBySide(once('textlint', [...textlint, 'corpus']), once('on-message', ours), { rounds, warmup: 1 });
  const rate = (ms) => corpus.files / (ms / 1000);
  const ratio = rate(plain.medianB) / rate(plain.medianA);
  results.details.peer = { files: corpus.files, bytes: corpus.bytes, prhRules: prh.rules, textlintMs: plain.medianA, onMessageMs: plain.medianB, textlintRuns: plain.a, onMessageRuns: plain.b, problems: { ...counts } };
  figure('peer', `files/s, on-message check ÷ textlint+prh (${corpus.files} files, no caches)`, ratio, `${fmt.x(ratio)} (${rate(plain.medianB).toFixed(1)} vs ${rate(plain.medianA).toFixed(1)} files/s)`, '≥ 3', ratio >= 3);
  // The floor, measured end to end: the same command built with an empty rule registry (bench/floor.mjs), so
  // start-up, the brand file's load and self-tests, the file walk, the worker threads, the parse, the prose
  // model and the shared analysis all still run. No speed-up of the rules can take the check past this rate.
  const floorCli = await buildFloorCli(path.join(BUILD, 'cli-floor.js'));
  const floor = await sideBySide(once('textlint', [...textlint, 'corpus']), once('on-message-no-rules', [floorCli, ...ours.slice(1)]), { rounds, warmup: 1 });
  const floorRatio = rate(floor.medianB) / rate(floor.medianA);
  results.details.peerFloor = { textlintMs: floor.medianA, noRulesMs: floor.medianB, ratio: floorRatio, problems: counts['on-message-no-rules'] };
  figure('peer.floor', `files/s, on-message check with no rules ÷ textlint+prh, same files`, floorRatio, `${fmt.x(floorRatio)} (${rate(floor.medianB).toFixed(1)} vs ${rate(floor.medianA).toFixed(1)} files/s)`, '', undefined, 'the most rule speed-ups can reach, measured');
  // The limit: both parse with micromark. textlint's Markdown parser alone against ours alone, in process.
  const { parse: textlintParse } = createRequire(import.meta.url)('@textlint/markdown-to-ast');
  const texts = corpusTexts().map((t) => t.text);
  const parsers = await sideBySide(
    () => texts.forEach((t) => textlintParse(t)),
    () => texts.forEach((t) => engine.parseMarkdown(t)),
    { rounds: quick ? 3 : 5, warmup: 1 },
  );
  results.details.peerParsers = { textlintParseMs: parsers.medianA, engineParseMs: parsers.medianB, ratio: parsers.ratio };
  figure('peer.parsers', `the engine's parse ÷ textlint's parse, same ${texts.length} files, in process`, parsers.ratio, `${fmt.x(parsers.ratio)} (${fmt.ms(parsers.medianB)} vs ${fmt.ms(parsers.medianA)})`, '', undefined, 'what bounds the peer ratio per core');
  // What a run costs before its first document: both tools on one empty document (start-up, the brand
  // file and its self-tests, or the prh dictionary).
  const emptyDir = path.join(dir, 'empty');
  fs.rmSync(emptyDir, { recursive: true, force: true });
  fs.mkdirSync(emptyDir);
  fs.writeFileSync(path.join(emptyDir, 'empty.md'), '');
  const fixed = await sideBySide(once('textlint-empty', [...textlint, 'empty']), once('on-message-empty', [CLI, 'check', 'empty', '--brand', POSTHOG_BRAND, '--format', 'json']), { rounds, warmup: 1 });
  results.details.peerFixed = { textlintEmptyMs: fixed.medianA, onMessageEmptyMs: fixed.medianB };
  figure('peer.fixed', 'one empty document: on-message check vs textlint+prh (start-up, brand file and self-tests, or dictionary)', fixed.medianB, `${fmt.ms(fixed.medianB)} vs ${fmt.ms(fixed.medianA)}`, '', undefined, 'fixed cost per run');
  // What threads give this work now: the corpus parsed cold by the engine in one fresh process, and shared
  // among one process per core at once; a process that parses nothing is their start-up. The spin loop of
  // section 0 overstates it: each thread warms the parser up again, and V8's compiler and collector
  // threads want cores of their own. textlint runs in the same rounds, so that the bound compares times
  // taken under the same load.
  const corpusFiles = fs.readdirSync(path.join(dir, 'corpus')).sort().map((f) => path.join(dir, 'corpus', f));
  const cores = results.machine.cpus;
  const split = { textlint: [], start: [], one: [], all: [] };
  const textlintRun = once('textlint', [...textlint, 'corpus']);
  for (let i = 0; i < rounds; i++) {
    split.textlint.push(await textlintRun());
    split.start.push(await parseSplit(enginePath, [], 1));
    split.one.push(await parseSplit(enginePath, corpusFiles, 1));
    split.all.push(await parseSplit(enginePath, corpusFiles, cores));
  }
  const start = median(split.start);
  const parseOne = median(split.one) - start;
  const parseAll = median(split.all) - start;
  const parseCapacity = parseOne / parseAll;
  const bestParse = Math.min(parseOne, parseAll);
  // The bound. A tool that parses these files as the engine does and does nothing else, with no start-up
  // at all, cannot run faster than the corpus parses cold, on one thread or one per core, whichever is
  // faster.
  const textlintMs = median(split.textlint);
  const bound = textlintMs / bestParse;
  results.details.peerParseSplit = { files: corpusFiles.length, textlintMs, startMs: start, oneProcessMs: parseOne, perCoreMs: parseAll, processes: cores, parseCapacity, bound };
  figure('peer.parseCapacity', `the engine's cold parse of the ${corpusFiles.length} files: one process ÷ ${cores} at once, start-up less`, parseCapacity, `${parseCapacity.toFixed(2)} of ${cores} (${fmt.ms(parseOne)} vs ${fmt.ms(parseAll)})`, '', undefined, 'what threads give this work now');
  figure('peer.bound', `peer ratio bound: textlint+prh's run ÷ the engine's cold parse alone, the faster way, same rounds`, bound, `≤ ${fmt.x(bound)} (${fmt.ms(textlintMs)} vs ${fmt.ms(bestParse)})`, '', undefined, 'a tool that only parses, with no start-up');
  // Both with their own caches, after a priming run: what a second run on unchanged files costs.
  const omCache = path.join(dir, '.cache-on-message');
  const tlCache = path.join(dir, '.cache-textlint');
  fs.rmSync(omCache, { recursive: true, force: true });
  fs.rmSync(tlCache, { recursive: true, force: true });
  const cached = await sideBySide(
    once('textlint-cached', [...textlint, '--cache', '--cache-location', tlCache, 'corpus']),
    once('on-message-cached', [...ours, '--cache-dir', omCache]),
    { rounds, warmup: 1 },
  );
  const cachedRatio = rate(cached.medianB) / rate(cached.medianA);
  results.details.peerCached = { textlintMs: cached.medianA, onMessageMs: cached.medianB, ratio: cachedRatio };
  figure('peer.cached', 'files/s, both with their caches, unchanged files', cachedRatio, `${fmt.x(cachedRatio)} (${rate(cached.medianB).toFixed(1)} vs ${rate(cached.medianA).toFixed(1)} files/s)`, '', undefined, 'for information');
}

// 4. The report over 10,000 documents: cold on every core, warm after one file changed, peak RSS.
if (wanted('workspace')) {
  const count = quick ? 1000 : 10_000;
  log(`workspace: ${count.toLocaleString('en-US')} documents`);
  const ws = writeWorkspace(path.join(os.tmpdir(), `on-message-bench-workspace-${count}`), count, 5000);
  const cache = path.join(os.tmpdir(), `on-message-bench-cache-${count}`);
  const out = path.join(os.tmpdir(), `on-message-bench-report-${count}.md`);
  const report = (env = {}) => run(process.execPath, [CLI, 'report', '.', '--brand', POSTHOG_BRAND, '--today', TODAY, '--cache-dir', cache, '--out', out], { cwd: ws.dir, probe: true, env });
  const checkOk = (r) => {
    if (r.code !== 0) throw new Error(`report failed (${r.code}): ${r.stderr.slice(0, 800)}`);
    return r;
  };
  const cold = [];
  const warm = [];
  const rss = [];
  const runs = quick ? 2 : 3;
  const files = fs.readdirSync(path.join(ws.dir, 'part-00')).filter((f) => f.endsWith('.md'));
  for (let i = 0; i < runs; i++) {
    fs.rmSync(cache, { recursive: true, force: true });
    const c = checkOk(await report());
    cold.push(c.ms);
    rss.push(c.rssKb);
    log(`    cold ${fmt.ms(c.ms)}, peak RSS ${fmt.mb(c.rssKb)}`);
    // One file changed: a sentence added to one document.
    fs.appendFileSync(path.join(ws.dir, 'part-00', files[i]), `\nA line added for warm run ${i}, ${Date.now()}.\n`);
    const w = checkOk(await report());
    warm.push(w.ms);
    rss.push(w.rssKb);
    log(`    warm ${fmt.ms(w.ms)}, peak RSS ${fmt.mb(w.rssKb)}`);
  }
  const summary = fs.readFileSync(out, 'utf8').length;
  const ratio = median(warm) / median(cold);
  const peak = Math.max(...rss);
  results.details.workspace = { documents: count, bytes: ws.bytes, coldMs: cold, warmMs: warm, rssKb: rss, reportBytes: summary, workers: results.machine.cpus };
  figure('workspace.cold', `report, ${count.toLocaleString('en-US')} docs (${Math.round(ws.bytes / 1e6)} MB), cold on ${results.machine.cpus} cores`, median(cold), `${fmt.ms(median(cold))} (${(ws.bytes / 1e6 / (median(cold) / 1000)).toFixed(2)} MB/s)`, '', undefined);
  figure('workspace.warm', 'report, warm after one file changed ÷ cold', ratio, `${fmt.pct(ratio)} (${fmt.ms(median(warm))})`, '≤ 5%', ratio <= 0.05);
  figure('workspace.rss', 'report, peak RSS (all threads)', peak, fmt.mb(peak), '≤ 500 MB', peak <= 500 * 1024);
}

// 5. The editor: didChange → pulled diagnostics, 20 KB and 500 KB documents.
if (wanted('editor')) {
  log('editor latency over LSP');
  const dir = path.join(os.tmpdir(), 'on-message-bench-editor');
  const medium = mediumDocument(20_000);
  const big = bigDocument(500_000);
  const files = writeFolder(dir, fs.readFileSync(POSTHOG_BRAND, 'utf8'), { 'medium.md': medium, 'big.md': big });
  const server = Server.start(SERVER);
  try {
    await server.initialize(dir);
    const latency = async (file, text, edits) => {
      const uri = server.open(file, text);
      const t = performance.now();
      await server.diagnostics(uri);
      const first = performance.now() - t;
      const times = [];
      let current = text;
      for (const [k, at] of editPoints(text, edits, 7).entries()) {
        // Type one letter, then take it back: the text stays the text the points were chosen in.
        for (const [range, insert] of [
          [{ start: positionAt(current, at), end: positionAt(current, at) }, 'x'],
          [{ start: positionAt(current, at), end: positionAt(current, at + 1) }, ''],
        ]) {
          const s = performance.now();
          server.change(uri, range, insert);
          await server.diagnostics(uri);
          times.push(performance.now() - s);
          current = insert ? current.slice(0, at) + insert + current.slice(at) : current.slice(0, at) + current.slice(at + 1);
        }
        if (k === 0) times.length = 0; // the first edit warms the incremental path
      }
      return { first, times };
    };
    const m = await latency(files['medium.md'], medium, quick ? 11 : 31);
    const b = await latency(files['big.md'], big, quick ? 4 : 8);
    const bigParse = median(Array.from({ length: 3 }, () => timeSync(() => engine.parseMarkdown(big))));
    results.details.editor = {
      mediumBytes: medium.length,
      mediumFirstMs: m.first,
      mediumMs: m.times,
      bigBytes: big.length,
      bigFirstMs: b.first,
      bigMs: b.times,
      bigParseMs: bigParse,
    };
    const p95 = percentile(m.times, 95);
    figure('editor.medium', `didChange → diagnostics, ${fmt.kb(medium.length)} document (${m.times.length} edits)`, p95, `median ${fmt.ms(median(m.times))}, p95 ${fmt.ms(p95)}`, 'p95 ≤ 50 ms', p95 <= 50);
    const bm = median(b.times);
    figure('editor.big', `didChange → diagnostics, ${fmt.kb(big.length)} document (${b.times.length} edits)`, bm, `median ${fmt.ms(bm)}, p95 ${fmt.ms(percentile(b.times, 95))}; full parse alone ${fmt.ms(bigParse)}`, '< full parse', bm < bigParse);
  } finally {
    await server.stop();
  }
}

// 6. Start-up: server spawn → initialize → first diagnostics of an open document; bundle sizes.
if (wanted('startup')) {
  log('start-up');
  const dir = path.join(os.tmpdir(), 'on-message-bench-startup');
  const press = pressRelease();
  const files = writeFolder(dir, fs.readFileSync(press.brand, 'utf8'), { 'press.md': press.text });
  const init = [];
  const first = [];
  for (let i = 0; i < (quick ? 3 : 5); i++) {
    const server = Server.start(SERVER);
    init.push(await server.initialize(dir));
    const uri = server.open(files['press.md'], press.text);
    await server.diagnostics(uri);
    first.push(performance.now() - server.t0);
    await server.stop();
  }
  results.details.startup = { initializeMs: init, firstDiagnosticsMs: first };
  figure('startup', 'server start → initialize → first diagnostics (5 KB press release)', median(first), `${fmt.ms(median(first))} (initialize ${fmt.ms(median(init))})`, '', undefined, 'VS Code activation itself not included');
  const sizes = bundleSizes;
  results.details.bundles = sizes;
  figure('bundles', 'bundle sizes (dist/, development build with source maps beside)', sizes['extension.js'] + sizes['server.js'] + sizes['cli.js'], Object.entries(sizes).map(([f, s]) => `${f} ${fmt.kb(s)}`).join(', '), '', undefined);
}

results.finished = new Date().toISOString();
results.machine.loadAverageAtEnd = os.loadavg().map((x) => Math.round(x * 100) / 100);
fs.mkdirSync(RESULTS, { recursive: true });
fs.writeFileSync(path.join(RESULTS, 'latest.json'), JSON.stringify(results, null, 2) + '\n');

const rows = results.figures.map((f) => `| ${f.label} | ${f.display} | ${f.target || '—'} | ${f.met === undefined ? '' : f.met ? 'met' : '**not met**'} |`);
process.stdout.write(
  [
    `On Message bench, ${results.date.slice(0, 10)}: ${results.machine.cpus} × ${results.machine.model}, ${results.machine.memoryGb} GB, Node ${results.machine.node}, load average ${results.machine.loadAverage.join(' ')} → ${results.machine.loadAverageAtEnd.join(' ')}`,
    '',
    '| figure | result | target | |',
    '|---|---|---|---|',
    ...rows,
    '',
    `Written to ${path.relative(ROOT, path.join(RESULTS, 'latest.json'))}.`,
    '',
  ].join('\n'),
);

/** PostHog's company, names and terms as prh rules: each forbidden or deprecated form → the right one. */
function prhRules(brand) {
  const rules = [];
  if (brand.company?.forbiddenVariants.length) rules.push({ expected: brand.company.name, patterns: brand.company.forbiddenVariants });
  for (const n of brand.names) {
    const patterns = [...n.forbiddenVariants, ...n.retiredNames.map((r) => r.name)];
    if (patterns.length) rules.push({ expected: n.name, patterns });
  }
  for (const t of brand.terms) {
    const patterns = t.deprecated.map((f) => f.form);
    if (patterns.length) rules.push({ expected: t.preferred, patterns });
  }
  const q = (s) => JSON.stringify(s);
  const yaml = `version: 1\nrules:\n${rules.map((r) => `  - expected: ${q(r.expected)}\n    patterns: [${r.patterns.map(q).join(', ')}]\n`).join('')}`;
  return { yaml, rules: rules.length };
}

function problemCount(name, stdout) {
  try {
    const data = JSON.parse(stdout);
    if (Array.isArray(data)) return data.reduce((n, f) => n + (f.messages?.length ?? 0), 0);
    return data.findings?.length ?? null;
  } catch {
    return null;
  }
}
