#!/usr/bin/env node
// Checks test/eval/labels.json against the documents: every label's text occurs on its line, every rule in
// scope is planted at least once, document-level labels sit where the convention says, no trap shares a
// line with a violation of the very rule it is meant to tempt, and the set meets its size targets.
//
//   node test/eval/verify-labels.mjs
//
// Exits 1 and lists the problems when anything is off. Run it after editing a document: line numbers move.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const EVAL = path.dirname(fileURLToPath(import.meta.url));
const labels = JSON.parse(fs.readFileSync(path.join(EVAL, 'labels.json'), 'utf8'));
const scoreSource = fs.readFileSync(path.join(EVAL, 'score.ts'), 'utf8');
const scopeBlock = scoreSource.match(/RULES_IN_SCOPE[^=]*=\s*\[([\s\S]*?)\];/);
if (!scopeBlock) throw new Error('RULES_IN_SCOPE not found in score.ts');
const RULES = [...scopeBlock[1].matchAll(/'([a-z-]+\.[a-z-]+)'/g)].map((m) => m[1]);

const problems = [];
const cache = new Map();
function lines(file) {
  if (!cache.has(file)) {
    const full = path.join(EVAL, file);
    if (!fs.existsSync(full)) {
      problems.push(`${file}: file does not exist`);
      cache.set(file, null);
    } else cache.set(file, fs.readFileSync(full, 'utf8').split(/\r?\n/));
  }
  return cache.get(file);
}
const lastLine = (ls) => {
  let i = ls.length - 1;
  while (i > 0 && ls[i].trim() === '') i--;
  return i + 1;
};
const h1Line = (ls) => ls.findIndex((l) => /^# /.test(l)) + 1;
const frontMatterEnd = (ls) => (ls[0] === '---' ? ls.indexOf('---', 1) + 1 : 0);

function checkPlace(kind, e) {
  const ls = lines(e.file);
  if (!ls) return;
  if (!Number.isInteger(e.line) || e.line < 1 || e.line > ls.length) {
    problems.push(`${kind} ${e.file}:${e.line}: line out of range`);
    return;
  }
  if (typeof e.text !== 'string' || !e.text || !ls[e.line - 1].includes(e.text)) {
    const found = ls.flatMap((l, i) => (e.text && l.includes(e.text) ? [i + 1] : []));
    problems.push(`${kind} ${e.file}:${e.line}: "${e.text}" is not on that line${found.length ? ` (found on ${found.join(', ')})` : ''}`);
  }
}

// Violations
const seen = new Set();
for (const v of labels.violations) {
  checkPlace('violation', v);
  if (!RULES.includes(v.rule)) problems.push(`violation ${v.file}:${v.line}: rule ${v.rule} is not in scope`);
  for (const r of v.also_ok ?? []) if (!RULES.includes(r)) problems.push(`violation ${v.file}:${v.line}: also_ok ${r} is not in scope`);
  if (!v.note) problems.push(`violation ${v.file}:${v.line}: no note`);
  const key = `${v.file}:${v.line}:${v.rule}`;
  if (seen.has(key)) problems.push(`violation ${key}: labelled twice`);
  seen.add(key);
  const ls = lines(v.file);
  if (ls && v.doc_level) {
    const fmEnd = frontMatterEnd(ls);
    const expected = v.rule.startsWith('pr.') ? h1Line(ls) : lastLine(ls);
    const inFrontMatter = /^newsletter\.(sender|subject)$/.test(v.rule) && v.line <= fmEnd;
    if (v.line !== expected && !inFrontMatter) problems.push(`violation ${key}: document-level label should be on line ${expected}`);
  }
}

// Traps
for (const t of labels.traps) {
  checkPlace('trap', t);
  if (!RULES.includes(t.could_be_mistaken_for)) problems.push(`trap ${t.file}:${t.line}: could_be_mistaken_for ${t.could_be_mistaken_for} is not in scope`);
  if (!t.why) problems.push(`trap ${t.file}:${t.line}: no why`);
  const clash = labels.violations.find((v) => v.file === t.file && v.line === t.line && v.rule === t.could_be_mistaken_for);
  if (clash) problems.push(`trap ${t.file}:${t.line} "${t.text}": shares its line with a ${clash.rule} violation, so a hit could not be told from a match`);
}

// Coverage and size
const docs = [];
(function walk(dir) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) walk(full);
    else if (e.name.endsWith('.md')) docs.push(path.relative(EVAL, full).split(path.sep).join('/'));
  }
})(path.join(EVAL, 'docs'));
for (const d of docs) {
  const ls = lines(d);
  const fm = ls.slice(0, frontMatterEnd(ls)).join('\n');
  if (!/^channel: \S/m.test(fm)) problems.push(`${d}: no front-matter channel`);
  if (!/^date: \d{4}-\d{2}-\d{2}$/m.test(fm)) problems.push(`${d}: no front-matter date`);
  if (!labels.violations.some((v) => v.file === d) && !labels.traps.some((t) => t.file === d)) problems.push(`${d}: no labels at all`);
}
for (const r of RULES) if (!labels.violations.some((v) => v.rule === r)) problems.push(`rule ${r}: no planted violation`);

const byFamily = {};
for (const v of labels.violations) byFamily[v.rule.split('.')[0]] = (byFamily[v.rule.split('.')[0]] ?? 0) + 1;
const sum = (...fs_) => fs_.reduce((n, f) => n + (byFamily[f] ?? 0), 0);
const targets = [
  ['documents', docs.length, 15],
  ['violations', labels.violations.length, 60],
  ['traps', labels.traps.length, 60],
  ['claim violations', sum('claim'), 15],
  ['name + term + phrase violations', sum('name', 'term', 'phrase'), 15],
  ['channel violations (pr, ad, newsletter, social)', sum('pr', 'ad', 'newsletter', 'social'), 12],
];
for (const [what, n, min] of targets) if (n < min) problems.push(`${what}: ${n}, need at least ${min}`);

console.log(`${docs.length} documents, ${labels.violations.length} violations, ${labels.traps.length} traps`);
console.log(Object.entries(byFamily).sort().map(([f, n]) => `${f} ${n}`).join(', '));
if (problems.length) {
  console.log(`\n${problems.length} problem(s):`);
  for (const p of problems) console.log(`  ${p}`);
  process.exitCode = 1;
} else {
  console.log('All labels verified.');
}
