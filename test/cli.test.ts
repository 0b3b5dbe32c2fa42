/**
 * The CLI as CI runs it: the bundled dist/cli.js in a child process, in a scratch folder. Exit codes,
 * the text and JSON formats, and --fix are public contracts.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';

const ROOT = path.resolve(__dirname, '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const BRAND = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'brand', 'lumora.yaml'), 'utf8');

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function run(cwd: string, ...args: string[]): Run {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function scratch(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'on-message-cli-'));
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

suite('cli', () => {
  test('text format: file:line:col severity rule message; exit 1 on an error', () => {
    const dir = scratch({ 'brand-messaging.yaml': BRAND, 'copy/a.md': '# Title\n\nSign up for LumoraPulse today.\n' });
    const r = run(dir, 'check');
    assert.equal(r.status, 1);
    assert.equal(
      r.stdout,
      "copy/a.md:3:13 error name.variant Use 'Lumora Pulse' instead of 'LumoraPulse': the brand file lists 'LumoraPulse' as a wrong form of this name.\n",
    );
    assert.match(r.stderr, /1 file checked: 1 error\./);
  });

  test('json format has exactly the documented shape', () => {
    const dir = scratch({ 'brand-messaging.yaml': BRAND, 'a.md': 'Lumora Pulse is a monitoring tool.\n', 'b.md': 'All good here.\n' });
    const r = run(dir, 'check', '--format', 'json');
    assert.equal(r.status, 0, 'warnings alone exit 0');
    assert.deepEqual(JSON.parse(r.stdout), {
      version: 1,
      files: 2,
      findings: [
        {
          file: 'a.md',
          line: 1,
          column: 19,
          endLine: 1,
          endColumn: 34,
          rule: 'term.deprecated',
          severity: 'warning',
          message: "Use 'observability platform' instead of 'monitoring tool': We sell a platform, not a point tool (pillar 'Unified visibility').",
          fix: { text: 'an observability platform' },
        },
      ],
    });
  });

  test('exit 0 and a clean summary when nothing is wrong', () => {
    const dir = scratch({ 'brand-messaging.yaml': BRAND, 'a.md': 'Lumora Pulse is an observability platform.\n' });
    const r = run(dir, 'check', 'a.md');
    assert.equal(r.status, 0);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /1 file checked: no problems\./);
  });

  test('--brand, globs, and the brand file found by walking up', () => {
    const dir = scratch({ 'brands/lumora.yaml': BRAND, 'copy/deep/a.md': 'LumoraPulse.\n', 'copy/b.txt': 'LumoraPulse' });
    const explicit = run(dir, 'check', '--brand', 'brands/lumora.yaml', 'copy/**/*.md');
    assert.equal(explicit.status, 1);
    assert.match(explicit.stdout, /^copy\/deep\/a\.md:1:1 error name\.variant/);
    const missing = run(dir, 'check', 'copy');
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /no brand-messaging\.yaml found for copy\/deep\/a\.md/);
  });

  test('usage errors and unusable brand files exit 2 with a clear message', () => {
    const dir = scratch({ 'brand-messaging.yaml': 'names: []\n', 'a.md': 'text\n' });
    const unusable = run(dir, 'check');
    assert.equal(unusable.status, 2);
    assert.match(unusable.stderr, /version: 1/);
    assert.match(unusable.stderr, /cannot be used as a brand file/);
    assert.equal(run(dir, 'check', '--format', 'xml').status, 2);
    assert.equal(run(dir, 'check', '--nope').status, 2);
    assert.equal(run(dir, 'lint').status, 2);
    assert.equal(run(dir, 'check', 'missing.md').status, 2);
    assert.equal(run(dir, 'check', '--brand', 'missing.yaml').status, 2);
    assert.doesNotMatch(unusable.stderr + run(dir, 'check', '--nope').stderr, /at .*\.js:\d+/, 'no stack traces');
  });

  test('brand-file problems are reported with line and column, and the valid rest still applies', () => {
    const brand = BRAND.replace('  - id: launchpad\n    name: Lumora Launchpad\n    kind: program', '  - id: launchpad\n    name: Lumora Launchpad\n    kind: programme');
    const dir = scratch({ 'brand-messaging.yaml': brand, 'a.md': 'LumoraPulse.\n' });
    const r = run(dir, 'check');
    assert.equal(r.status, 1);
    const lines = r.stdout.trim().split('\n');
    assert.match(lines[0], /^brand-messaging\.yaml:\d+:\d+ error brandfile\.schema .*programme/);
    assert.match(lines[1], /^a\.md:1:1 error name\.variant/);
  });

  test('--fix writes the fixes, keeps CRLF and the BOM, and says what changed', () => {
    const original = '\ufeffSign up for LumoraPulse today.\r\nLumora Pulse is a monitoring tool.\r\nLumora Pulse is the leading platform.\r\n';
    const dir = scratch({ 'brand-messaging.yaml': BRAND, 'a.md': original });
    const r = run(dir, 'check', '--fix');
    assert.equal(
      fs.readFileSync(path.join(dir, 'a.md'), 'utf8'),
      '\ufeffSign up for Lumora Pulse today.\r\nLumora Pulse is an observability platform.\r\nLumora Pulse is the leading platform.\r\n',
    );
    assert.match(r.stderr, /fixed a\.md: 2 fixes \(name\.variant, term\.deprecated\)/);
    assert.match(r.stdout, /^a\.md:3:21 warning phrase\.needs-claim/);
    assert.equal(r.status, 0);
    assert.deepEqual(fs.readdirSync(dir).sort(), ['a.md', 'brand-messaging.yaml'], 'no temporary files left behind');
  });

  test('--help and --version', () => {
    const dir = scratch({});
    assert.match(run(dir, '--help').stdout, /Usage: on-message check/);
    assert.match(run(dir, '--version').stdout.trim(), /^\d+\.\d+\.\d+$/);
  });
});
