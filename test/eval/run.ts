/**
 * Runs the engine over the labelled evaluation set and reports precision and recall per rule family.
 *
 *   npx tsc -p . && node out/test/eval/run.js [--verbose]
 *
 * Reads test/eval/brand-messaging.yaml, test/eval/docs/** and test/eval/labels.json; prints a table
 * (family, tp, fp, fn, precision, recall, trap hits) and the unexpected and missed findings; writes
 * test/eval/results.json. Always exits 0: this is a measurement, not a gate.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { check, lineStarts, loadBrand, offsetToLineColumn } from '../../server/src/core/index';
import { RULES_IN_SCOPE, score, type Counts, type EvalFinding, type Labels } from './score';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const EVAL = path.join(ROOT, 'test', 'eval');
const verbose = process.argv.includes('--verbose');

function markdownFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...markdownFiles(full));
    else if (entry.name.endsWith('.md')) out.push(full);
  }
  return out.sort();
}

/** Checks every document of the set and scores the findings against the labels. Pure of output. */
export function evaluate() {
  const brandText = fs.readFileSync(path.join(EVAL, 'brand-messaging.yaml'), 'utf8');
  const loaded = loadBrand(brandText);
  if (!loaded.usable) throw new Error(`The evaluation brand file is not usable: ${loaded.problems.map((p) => p.message).join('; ')}`);
  const brandStarts = lineStarts(brandText);
  const brandProblems = loaded.problems.map((p) => ({ ...offsetToLineColumn(brandStarts, p.start), code: p.code, severity: p.severity, message: p.message }));

  const labels = JSON.parse(fs.readFileSync(path.join(EVAL, 'labels.json'), 'utf8')) as Labels;
  const findingsByFile: Record<string, EvalFinding[]> = {};
  const failures: Array<{ file: string; rule: string; message: string }> = [];
  const channels: Record<string, string | undefined> = {};
  const docs = markdownFiles(path.join(EVAL, 'docs'));
  for (const full of docs) {
    const file = path.relative(EVAL, full).split(path.sep).join('/');
    const text = fs.readFileSync(full, 'utf8');
    const starts = lineStarts(text);
    const result = check(text, loaded.brand, { path: file });
    channels[file] = result.channel;
    for (const f of result.failures) failures.push({ file, ...f });
    findingsByFile[file] = result.findings.map((f) => {
      const at = offsetToLineColumn(starts, f.start);
      return { rule: f.rule, line: at.line, column: at.column, severity: f.severity, message: f.message };
    });
  }

  const result = score(labels, findingsByFile, { rules: RULES_IN_SCOPE });
  return { docs, labels, brandProblems, failures, channels, result };
}

function main(): void {
  const { docs, labels, brandProblems, failures, channels, result } = evaluate();

  console.log(`On Message evaluation set: ${docs.length} documents, ${labels.violations.length} labelled violations, ${labels.traps.length} traps`);
  if (brandProblems.length) {
    console.log(`\nBrand file problems (${brandProblems.length}):`);
    for (const p of brandProblems) console.log(`  brand-messaging.yaml:${p.line}:${p.column} ${p.code} ${p.message}`);
  }
  if (failures.length) {
    console.log(`\nRule failures (${failures.length}):`);
    for (const f of failures) console.log(`  ${f.file} ${f.rule}: ${f.message}`);
  }

  console.log('');
  const rows = [...Object.entries(result.perFamily), ['OVERALL', result.overall] as [string, Counts]];
  const header = ['family', 'tp', 'fp', 'fn', 'precision', 'recall', 'trap hits'];
  const table = rows.map(([family, c]) => [family, String(c.tp), String(c.fp), String(c.fn), ratio(c.precision), ratio(c.recall), String(c.trapHits)]);
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((r) => r[i].length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of table.slice(0, -1)) console.log(line(r));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  console.log(line(table[table.length - 1]));

  console.log(`\nUnexpected findings (false positives): ${result.unexpected.length}`);
  for (const f of result.unexpected) {
    const trap = f.trap ? `  [TRAP: ${f.trap.text} — ${f.trap.why}]` : '';
    console.log(`  ${f.file}:${f.line}:${f.column ?? 1} ${f.rule} ${f.message ?? ''}${trap}`);
  }
  console.log(`\nMissed violations (false negatives): ${result.missed.length}`);
  for (const v of result.missed) console.log(`  ${v.file}:${v.line} ${v.rule} "${v.text}"${v.doc_level ? ' (document-level)' : ''}`);
  if (result.tolerated.length || result.duplicates.length) {
    console.log(`\nNot counted: ${result.tolerated.length} tolerated (also_ok), ${result.duplicates.length} duplicate`);
    if (verbose) for (const f of [...result.tolerated, ...result.duplicates]) console.log(`  ${f.file}:${f.line} ${f.rule} (for ${f.violation.rule})`);
  }
  if (result.ignored.length) {
    const byRule = new Map<string, number>();
    for (const f of result.ignored) byRule.set(f.rule, (byRule.get(f.rule) ?? 0) + 1);
    console.log(`\nIgnored (rules the set does not label): ${[...byRule].map(([r, n]) => `${r} ×${n}`).join(', ')}`);
  }

  const out = {
    generated: new Date().toISOString(),
    documents: docs.length,
    violations: labels.violations.length,
    traps: labels.traps.length,
    channels,
    brandProblems,
    failures,
    ...result,
  };
  fs.writeFileSync(path.join(EVAL, 'results.json'), JSON.stringify(out, null, 2) + '\n');
  console.log(`\nWrote ${path.relative(process.cwd(), path.join(EVAL, 'results.json')) || 'results.json'}`);
}

function ratio(x: number | null): string {
  return x === null ? '—' : x.toFixed(2);
}

if (require.main === module) main();
