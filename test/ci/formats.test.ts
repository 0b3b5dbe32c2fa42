/**
 * The CI formats of `on-message check` (sarif, github, junit, checkstyle), --max-warnings, the
 * .onmessageignore file, and the terminal's colour and progress line. Each format is produced by the
 * bundled dist/cli.js and read back with an independent reader: SARIF against the official 2.1.0 JSON
 * Schema (test/schemas/, from Microsoft's SARIF SDK) with Ajv, XML with fast-xml-parser, workflow
 * commands by unescaping them as the Actions runner does, and every format is compared finding by
 * finding with the JSON contract.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { rules } from '../../server/src/core/index';
import { run, type Io } from '../../server/src/cli/main';
import { escapeData, escapeProperty } from '../../server/src/cli/formats/github';
import { stripColor } from '../../server/src/cli/formats/pretty';
import { Progress, type Terminal } from '../../server/src/cli/terminal';
import type { JsonFinding } from '../../server/src/core/format';
import { cli, scratch, type Run } from './support';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const BRAND = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'brand', 'lumora.yaml'), 'utf8');

const jsonRuns = new Map<string, { files: number; findings: JsonFinding[] }>();

/** The JSON contract for the same run (memoised: the workspaces are not changed once made). */
function jsonFindings(cwd: string, ...args: string[]): { files: number; findings: JsonFinding[] } {
  const key = [cwd, ...args].join('\0');
  if (!jsonRuns.has(key)) jsonRuns.set(key, JSON.parse(cli(cwd, 'check', '--format', 'json', ...args).stdout));
  return jsonRuns.get(key)!;
}

let shared: string | undefined;

/** A workspace with errors, warnings, a fix, a clean file, a brand-file problem and awkward names; one per run unless `fresh`. */
function workspace(fresh = false): string {
  if (shared && !fresh) return shared;
  const dir = scratch({
    'brand-messaging.yaml': BRAND.replace('version: 1', 'version: 1\nunknown_key: true'),
    'copy/a.md': '# Title\n\nSign up for LumoraPulse today.\n',
    'copy/b.md': 'Lumora Pulse is a monitoring tool.\n',
    'copy/clean.md': 'All good here.\n',
    'odd, name: 100%.md': 'LumoraPulse & <Lumora> "quoted".\n',
  });
  if (!fresh) shared = dir;
  return dir;
}

const sarifValidator = (() => {
  const ajv = new Ajv2020({ allErrors: true });
  addFormats(ajv);
  return ajv.compile(JSON.parse(fs.readFileSync(path.join(ROOT, 'test', 'schemas', 'sarif-2.1.0.json'), 'utf8')));
})();

function assertValidSarif(log: unknown): void {
  const ok = sarifValidator(log);
  assert.ok(ok, `SARIF schema errors: ${JSON.stringify(sarifValidator.errors?.slice(0, 5), null, 2)}`);
}

suite('ci: output formats', () => {
  test('sarif: valid SARIF 2.1.0 on the examples, one result per finding, with rule metadata and fixes', () => {
    const r = cli(ROOT, 'check', '--format', 'sarif', 'examples');
    assert.equal(r.status, 1, r.stderr);
    const log = JSON.parse(r.stdout);
    assertValidSarif(log);
    const expected = jsonFindings(ROOT, 'examples').findings;
    assert.ok(expected.length > 10);
    const run0 = log.runs[0];
    assert.equal(run0.tool.driver.name, 'On Message');
    assert.equal(run0.columnKind, 'utf16CodeUnits');
    assert.equal(run0.originalUriBaseIds['%SRCROOT%'].uri, `${pathToFileURL(ROOT).href}/`);
    for (const rule of rules) {
      const descriptor = run0.tool.driver.rules.find((d: { id: string }) => d.id === rule.id);
      assert.ok(descriptor, rule.id);
      assert.equal(descriptor.shortDescription.text, rule.description);
      assert.equal(descriptor.helpUri, `https://github.com/on-message/on-message#${rule.id.replace(/\./g, '')}`);
    }
    assert.equal(run0.results.length, expected.length);
    run0.results.forEach((result: any, i: number) => {
      const f = expected[i];
      assert.equal(result.ruleId, f.rule);
      assert.equal(run0.tool.driver.rules[result.ruleIndex].id, f.rule);
      assert.equal(result.level, { error: 'error', warning: 'warning', info: 'note' }[f.severity]);
      assert.equal(result.message.text, f.message);
      const location = result.locations[0].physicalLocation;
      assert.equal(decodeURIComponent(location.artifactLocation.uri), f.file);
      assert.equal(location.artifactLocation.uriBaseId, '%SRCROOT%');
      assert.deepEqual(location.region, { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn });
      assert.equal(result.fixes?.[0].artifactChanges[0].replacements[0].insertedContent.text, f.fix?.text);
    });
  });

  test('sarif: fixes rewrite the file as --fix does; brand-file problems get their own rule; odd names are URIs', () => {
    const dir = workspace(true);
    const log = JSON.parse(cli(dir, 'check', '--format', 'sarif').stdout);
    assertValidSarif(log);
    const results = log.runs[0].results as any[];
    const schema = results.find((r) => r.ruleId === 'brandfile.schema');
    assert.ok(schema, 'the brand-file problem is a result');
    const descriptor = log.runs[0].tool.driver.rules[schema.ruleIndex];
    assert.equal(descriptor.id, 'brandfile.schema');
    assert.equal(descriptor.helpUri, 'https://github.com/on-message/on-message#the-brand-messaging-file');
    assert.ok(results.some((r) => r.locations[0].physicalLocation.artifactLocation.uri === 'odd%2C%20name%3A%20100%25.md'));
    // Apply the SARIF replacements of copy/b.md and compare with what --fix writes.
    const file = 'copy/b.md';
    let text = fs.readFileSync(path.join(dir, file), 'utf8');
    const lines = text.split('\n');
    const offset = (line: number, column: number) => lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0) + column - 1;
    const replacements = results
      .filter((r) => r.locations[0].physicalLocation.artifactLocation.uri === file && r.fixes)
      .flatMap((r) => r.fixes[0].artifactChanges[0].replacements)
      .sort((a: any, b: any) => offset(b.deletedRegion.startLine, b.deletedRegion.startColumn) - offset(a.deletedRegion.startLine, a.deletedRegion.startColumn));
    assert.ok(replacements.length > 0);
    for (const rep of replacements) {
      const d = rep.deletedRegion;
      text = text.slice(0, offset(d.startLine, d.startColumn)) + rep.insertedContent.text + text.slice(offset(d.endLine, d.endColumn));
    }
    cli(dir, 'check', '--fix', file);
    assert.equal(text, fs.readFileSync(path.join(dir, file), 'utf8'));
  });

  test('github: one workflow command per finding, escaped so that the runner reads back every value', () => {
    const dir = workspace();
    const r = cli(dir, 'check', '--format', 'github');
    assert.equal(r.status, 1);
    const expected = jsonFindings(dir).findings;
    const lines = r.stdout.trimEnd().split('\n');
    assert.equal(lines.length, expected.length);
    const unescapeData = (s: string) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
    const unescapeProperty = (s: string) => unescapeData(s.replace(/%3A/g, ':').replace(/%2C/g, ','));
    lines.forEach((line, i) => {
      // The runner's grammar: ::command key=value,key=value::message, split on the first "::" after the properties.
      const m = /^::(error|warning|notice) ([^:]*)::(.*)$/.exec(line);
      assert.ok(m, line);
      const props = Object.fromEntries(m[2].split(',').map((kv) => [kv.slice(0, kv.indexOf('=')), unescapeProperty(kv.slice(kv.indexOf('=') + 1))]));
      const f = expected[i];
      assert.equal(m[1], { error: 'error', warning: 'warning', info: 'notice' }[f.severity]);
      assert.deepEqual(props, { file: f.file, line: String(f.line), col: String(f.column), endLine: String(f.endLine), endColumn: String(f.endColumn), title: f.rule });
      assert.equal(unescapeData(m[3]), f.message);
    });
    assert.ok(lines.some((l) => l.includes('file=odd%2C name%3A 100%25.md')), 'commas, colons and percent signs in properties are escaped');
    assert.match(r.stderr, /files checked/);
  });

  test('github: escaping of %, CR, LF, colon and comma', () => {
    assert.equal(escapeData('50% off\r\nnow: a, b'), '50%25 off%0D%0Anow: a, b');
    assert.equal(escapeProperty('50% off\r\nnow: a, b'), '50%25 off%0D%0Anow%3A a%2C b');
  });

  test('junit: well-formed XML, one testsuite per file, one failure per finding, clean files pass', () => {
    const dir = workspace();
    const r = cli(dir, 'check', '--format', 'junit');
    assert.equal(r.status, 1);
    assert.equal(XMLValidator.validate(r.stdout), true);
    const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['testsuite', 'testcase'].includes(name) }).parse(r.stdout);
    const { files, findings } = jsonFindings(dir);
    const suites = xml.testsuites.testsuite as any[];
    const byFile = new Map<string, JsonFinding[]>();
    for (const f of findings) byFile.set(f.file, [...(byFile.get(f.file) ?? []), f]);
    assert.deepEqual(suites.map((s) => s.name).sort(), [...new Set([...byFile.keys(), 'copy/clean.md'])].sort());
    assert.equal(files, 4);
    let tests = 0;
    for (const suite of suites) {
      const expected = byFile.get(suite.name) ?? [];
      const failing = suite.testcase.filter((c: any) => c.failure);
      assert.equal(Number(suite.failures), expected.length, suite.name);
      assert.equal(failing.length, expected.length, suite.name);
      assert.equal(Number(suite.tests), suite.testcase.length);
      tests += suite.testcase.length;
      failing.forEach((c: any, i: number) => {
        const f = expected[i];
        assert.equal(c.classname, f.file);
        assert.equal(c.name, `${f.rule} ${f.line}:${f.column}`);
        assert.equal(c.failure.message, f.message);
        assert.equal(c.failure.type, f.severity);
      });
      if (expected.length === 0) assert.deepEqual(suite.testcase.map((c: any) => c.name), ['on-message']);
    }
    assert.equal(Number(xml.testsuites.tests), tests);
    assert.equal(Number(xml.testsuites.failures), findings.length);
  });

  test('checkstyle: well-formed XML, one <file> per file, one <error> per finding', () => {
    const dir = workspace();
    const r = cli(dir, 'check', '--format', 'checkstyle');
    assert.equal(r.status, 1);
    assert.equal(XMLValidator.validate(r.stdout), true);
    const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['file', 'error'].includes(name) }).parse(r.stdout);
    assert.equal(xml.checkstyle.version, '4.3');
    const actual = (xml.checkstyle.file as any[]).flatMap((file) =>
      (file.error ?? []).map((e: any) => ({ file: file.name, line: Number(e.line), column: Number(e.column), severity: e.severity, message: e.message, source: e.source })),
    );
    const expected = jsonFindings(dir).findings.map((f) => ({ file: f.file, line: f.line, column: f.column, severity: f.severity, message: f.message, source: `on-message.${f.rule}` }));
    assert.deepEqual(actual, expected);
    assert.ok((xml.checkstyle.file as any[]).some((f) => f.name === 'copy/clean.md'));
  });

  test('an unknown format is a usage error that lists the formats', () => {
    const r = cli(workspace(), 'check', '--format', 'xml');
    assert.equal(r.status, 2);
    assert.match(r.stderr, /--format must be text, json, sarif, github, junit or checkstyle, not 'xml'/);
  });
});

suite('ci: --max-warnings', () => {
  const files = { 'brand-messaging.yaml': BRAND, 'a.md': 'Lumora Pulse is a monitoring tool.\n', 'b.md': 'Lumora Pulse is a monitoring tool too.\n' };

  test('more warnings than N exit 1 and say so; N or fewer exit 0', () => {
    const dir = scratch(files);
    const over = cli(dir, 'check', '--max-warnings', '1');
    assert.equal(over.status, 1);
    assert.match(over.stderr, /on-message: 2 warnings, more than --max-warnings 1 allows\./);
    const at = cli(dir, 'check', '--max-warnings=2');
    assert.equal(at.status, 0, at.stderr);
    assert.doesNotMatch(at.stderr, /max-warnings/);
    assert.equal(cli(dir, 'check').status, 0, 'without the flag warnings never fail');
    assert.equal(cli(dir, 'check', '--format', 'sarif', '--max-warnings', '0').status, 1, 'whatever the format');
  });

  test('errors still exit 1, usage problems 2', () => {
    const dir = scratch({ ...files, 'c.md': 'LumoraPulse.\n' });
    assert.equal(cli(dir, 'check', '--max-warnings', '10').status, 1);
    const bad = cli(dir, 'check', '--max-warnings', 'many');
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--max-warnings must be a whole number, not 'many'/);
  });
});

suite('ci: .onmessageignore', () => {
  const files = {
    'brand-messaging.yaml': BRAND,
    '.onmessageignore': '# generated and scratch copy\nbuild/\n*.tmp.md\n!keep.tmp.md\n/top-only.md\n',
    'a.md': 'LumoraPulse.\n',
    'top-only.md': 'LumoraPulse.\n',
    'nested/top-only.md': 'LumoraPulse.\n',
    'build/out.md': 'LumoraPulse.\n',
    'notes.tmp.md': 'LumoraPulse.\n',
    'keep.tmp.md': 'LumoraPulse.\n',
    'content/.onmessageignore': 'legacy/**\n',
    'content/new.md': 'LumoraPulse.\n',
    'content/legacy/old.md': 'LumoraPulse.\n',
  };
  const checked = (r: Run) => [...new Set(r.stdout.trim().split('\n').filter(Boolean).map((l) => l.split(':')[0]))].sort();

  test('the working directory’s file applies to folders and globs, with negation, anchoring and folders', () => {
    const dir = scratch(files);
    assert.deepEqual(checked(cli(dir, 'check')), ['a.md', 'content/legacy/old.md', 'content/new.md', 'keep.tmp.md', 'nested/top-only.md']);
    assert.deepEqual(checked(cli(dir, 'check', '**/*.md')), ['a.md', 'content/legacy/old.md', 'content/new.md', 'keep.tmp.md', 'nested/top-only.md']);
  });

  test('a checked folder’s own file applies too; files named one by one are always checked', () => {
    const dir = scratch(files);
    assert.deepEqual(checked(cli(dir, 'check', 'content')), ['content/new.md']);
    assert.deepEqual(checked(cli(dir, 'check', 'content/**/*.md')), ['content/new.md']);
    assert.deepEqual(checked(cli(dir, 'check', 'build/out.md', 'content/legacy/old.md')), ['build/out.md', 'content/legacy/old.md']);
    const json = JSON.parse(cli(dir, 'check', 'content', '--format', 'json').stdout);
    assert.equal(json.files, 1, 'ignored files are not counted as checked');
  });

  test('the report leaves the same files out', () => {
    const dir = scratch(files);
    const report = JSON.parse(cli(dir, 'report', '--format', 'json', '--today', '2026-04-01').stdout);
    assert.deepEqual(report.documents.map((d: { path: string }) => d.path), ['a.md', 'content/legacy/old.md', 'content/new.md', 'keep.tmp.md', 'nested/top-only.md']);
  });
});

function fakeTerminal(over: Partial<Terminal> = {}, cwd = workspace()): { io: Io; stdout: string[]; stderr: string[]; raw: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const raw: string[] = [];
  return {
    stdout,
    stderr,
    raw,
    io: {
      cwd,
      out: (s) => stdout.push(s),
      err: (s) => stderr.push(s),
      terminal: { stdout: true, stderr: true, columns: 60, env: {}, write: (s) => raw.push(s), ...over },
    },
  };
}

suite('ci: the text format on a terminal', () => {
  test('colour on a terminal: the same lines once the colour is stripped, files apart, a coloured summary', () => {
    const plain = cli(workspace(), 'check');
    const t = fakeTerminal();
    assert.equal(run(['check'], t.io), 1);
    const out = t.stdout.join('\n');
    assert.match(out, /\u001b\[/);
    assert.equal(stripColor(out).split('\n').filter(Boolean).join('\n') + '\n', plain.stdout);
    assert.match(stripColor(out), /\n\n/, 'a blank line between files');
    assert.match(t.stderr.join('\n'), /^\u001b\[1m\u001b\[31m✖ 4 files checked: \d+ errors?, \d+ warnings?\.\u001b/);
    assert.equal(stripColor(t.stderr.join('\n')), `✖ ${plain.stderr.trim()}`);
  });

  test('no colour with NO_COLOR, TERM=dumb, in pipes, or in the other formats', () => {
    const plain = cli(workspace(), 'check');
    assert.doesNotMatch(plain.stdout + plain.stderr, /\u001b/, 'a pipe gets the plain contract');
    for (const env of [{ NO_COLOR: '1' }, { TERM: 'dumb' }]) {
      const t = fakeTerminal({ env });
      run(['check'], t.io);
      assert.equal(t.stdout.join('\n') + '\n', plain.stdout);
      assert.equal(t.stderr.join('\n') + '\n', plain.stderr);
    }
    const piped = fakeTerminal({ stdout: false });
    run(['check'], piped.io);
    assert.equal(piped.stdout.join('\n') + '\n', plain.stdout, 'stdout piped, stderr a terminal');
    const json = fakeTerminal();
    run(['check', '--format', 'json'], json.io);
    assert.doesNotMatch(json.stdout.join('\n'), /\u001b/);
  });

  test('progress: nothing on short runs, one redrawn line on long ones, erased before the output', () => {
    let now = 0;
    const writes: string[] = [];
    const terminal: Terminal = { stdout: true, stderr: true, columns: 40, env: {}, write: (s) => writes.push(s) };
    const progress = new Progress(terminal, 4000, 'checking', { now: () => now, delay: 500, interval: 100 });
    progress.tick(0, 'a.md');
    now = 400;
    progress.tick(1, 'b.md');
    assert.equal(writes.length, 0, 'nothing before the delay');
    now = 600;
    progress.tick(120, 'docs/press/very/long/path/launch-announcement.md');
    now = 650;
    progress.tick(121, 'c.md');
    assert.equal(writes.length, 1, 'at most one redraw per interval');
    assert.ok(writes[0].startsWith('\r\u001b[2Kchecking 120/4,000 files  …'), JSON.stringify(writes[0]));
    assert.ok(writes[0].length - '\r\u001b[2K'.length <= 39, 'fits the terminal');
    progress.clear();
    assert.equal(writes[1], '\r\u001b[2K');
    const silent: string[] = [];
    const noTty = new Progress({ ...terminal, stderr: false, write: (s) => silent.push(s) }, 10, 'checking', { now: () => (now += 1000) });
    noTty.tick(1, 'a.md');
    noTty.clear();
    assert.equal(silent.length, 0, 'never when standard error is not a terminal');
  });
});
