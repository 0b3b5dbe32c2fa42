// Check ÷ parse for one document, measured in a fresh process: remark's parse alone (the yardstick,
// remarkGfmParse) and the engine's own parse (parseMarkdown, the same code the check runs) against the
// engine's full check of the same text, in rotating order in that process. bench/run.mjs runs it in
// several processes and takes the median: the ratio moves by ±0.1 from one process to the next (the same
// bundle against itself gave 0.92–1.10), more than it moves between rounds within one.
//
//   node bench/parse-ratio.mjs ENGINE CASE [--quick]   (child: prints the measurement as JSON)
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { bigDocument, pressRelease } from './corpus.mjs';
import { POSTHOG_BRAND, median, run } from './lib.mjs';
import { remarkGfmParse } from './parse-split.mjs';

const TODAY = '2026-06-01';

/** The documents measured, by id. */
export function parseCases(quick) {
  const press = pressRelease();
  return {
    // Warm-up to a steady state for both sides: a check runs 42 rules once per call where the parser runs
    // its few hot loops thousands of times, so after 5 calls the check was still half-compiled (its first
    // 40 calls took up to 5× its steady time) and the ratio measured V8's tiering more than the work.
    press: { label: 'press release', text: () => press.text, brand: press.brand, path: press.path, rounds: quick ? 21 : 101, warmup: 100 },
    big: { label: 'document', text: () => bigDocument(500_000), brand: POSTHOG_BRAND, path: 'blog/big.md', rounds: quick ? 3 : 7, warmup: 1 },
  };
}

const SELF = fileURLToPath(import.meta.url);

/**
 * One fresh process's measurement of `id`: { bytes, parseMs (the yardstick), ownParseMs (the engine's
 * parse), checkMs, ratio (check ÷ yardstick), ownRatio (check ÷ the engine's parse) }.
 */
export async function parseRatioInProcess(engine, id, quick) {
  const r = await run(process.execPath, [SELF, engine, id, ...(quick ? ['--quick'] : [])]);
  if (r.code !== 0) throw new Error(`parse-ratio ${id} failed (${r.code}): ${r.stderr.slice(0, 500)}`);
  return JSON.parse(r.stdout);
}

if (process.argv[1] === SELF) {
  const [enginePath, id] = process.argv.slice(2);
  const c = parseCases(process.argv.includes('--quick'))[id];
  const engine = createRequire(import.meta.url)(enginePath);
  const remark = remarkGfmParse();
  const text = c.text();
  const brand = engine.loadBrand(fs.readFileSync(c.brand, 'utf8')).brand;
  const sides = [() => remark.parse(text), () => engine.parseMarkdown(text), () => engine.check(text, brand, { path: c.path, today: TODAY })];
  const times = sides.map(() => []);
  for (let i = 0; i < c.warmup; i++) for (const side of sides) side();
  for (let i = 0; i < c.rounds; i++) {
    // Each side first, second and third in turn, so no side always follows the same one.
    for (let k = 0; k < sides.length; k++) {
      const s = (i + k) % sides.length;
      const t = performance.now();
      sides[s]();
      times[s].push(performance.now() - t);
    }
  }
  const [parseMs, ownParseMs, checkMs] = times.map(median);
  process.stdout.write(JSON.stringify({ bytes: text.length, parseMs, ownParseMs, checkMs, ratio: checkMs / parseMs, ownRatio: checkMs / ownParseMs }));
}
