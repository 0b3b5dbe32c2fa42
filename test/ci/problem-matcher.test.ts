/**
 * The problem matcher the extension contributes (`$on-message`, package.json contributes.problemMatchers)
 * reads the CLI's real text output: a VS Code task running `on-message check` fills the Problems panel
 * with the same findings as the JSON contract, file, line, column, severity, rule and message.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { run, type Io } from '../../server/src/cli/main';
import { stripColor } from '../../server/src/cli/formats/pretty';
import { cli, scratch } from './support';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

interface Matcher {
  name: string;
  owner: string;
  fileLocation: string[];
  pattern: { regexp: string; file: number; line: number; column: number; severity: number; code: number; message: number };
}

function matcher(): Matcher {
  const found = (manifest.contributes.problemMatchers as Matcher[]).find((m) => m.name === 'on-message');
  assert.ok(found, 'contributes.problemMatchers has on-message');
  return found;
}

/** What VS Code makes of one line with a single-line pattern. */
function problem(m: Matcher, line: string) {
  const match = new RegExp(m.pattern.regexp).exec(line);
  if (!match) return undefined;
  const p = m.pattern;
  return { file: match[p.file], line: Number(match[p.line]), column: Number(match[p.column]), severity: match[p.severity], rule: match[p.code], message: match[p.message] };
}

function expected(cwd: string, ...args: string[]) {
  return JSON.parse(cli(cwd, 'check', '--format', 'json', ...args).stdout).findings.map((f: any) => ({
    file: f.file,
    line: f.line,
    column: f.column,
    severity: f.severity,
    rule: f.rule,
    message: f.message,
  }));
}

suite('ci: the problem matcher', () => {
  test('is contributed as $on-message, for files relative to the workspace folder', () => {
    const m = matcher();
    assert.equal(m.owner, 'on-message');
    assert.deepEqual(m.fileLocation, ['relative', '${workspaceFolder}']);
  });

  test('reads every line of the text format on the examples, as the JSON contract has it', () => {
    const m = matcher();
    const r = cli(ROOT, 'check', 'examples');
    const lines = r.stdout.trimEnd().split('\n');
    assert.ok(lines.length > 10);
    assert.deepEqual(
      lines.map((l) => problem(m, l)),
      expected(ROOT, 'examples'),
    );
    assert.equal(problem(m, r.stderr.trim()), undefined, 'the summary is not a problem');
  });

  test('file names with colons and spaces, messages with colons, and the coloured terminal output once stripped', () => {
    const m = matcher();
    const dir = scratch({
      'brand-messaging.yaml': fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'brand', 'lumora.yaml'), 'utf8'),
      'notes: draft 2.md': 'Sign up for LumoraPulse: a monitoring tool.\n',
    });
    const want = expected(dir);
    assert.deepEqual(cli(dir, 'check').stdout.trimEnd().split('\n').map((l) => problem(m, l)), want);
    const out: string[] = [];
    const io: Io = { cwd: dir, out: (s) => out.push(s), err: () => undefined, terminal: { stdout: true, stderr: true, env: {}, write: () => undefined } };
    run(['check'], io);
    const lines = stripColor(out.join('\n')).split('\n').filter(Boolean);
    assert.deepEqual(lines.map((l) => problem(m, l)), want);
  });
});
