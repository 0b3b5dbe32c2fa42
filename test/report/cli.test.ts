/**
 * `on-message report` as CI runs it: dist/cli.js in a child process, in a scratch folder. Formats, --out,
 * file selection (.gitignore, the brand file's ignore:) and exit codes are public contracts.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { GitIgnore, parseGitignore } from '../../server/src/workspace/gitignore';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');

const BRAND = `version: 1
company:
  name: Acme
names:
  - id: rocket
    name: Acme Rocket
    kind: product
    forbidden_variants: [AcmeRocket]
ignore: ["drafts/**"]
`;

function run(cwd: string, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function scratch(files: Record<string, string>): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'on-message-report-')));
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

const WORKSPACE = {
  'brand-messaging.yaml': BRAND,
  '.gitignore': '# build output\nbuild/\n*.tmp.md\n!keep.tmp.md\n',
  'web/home.md': 'AcmeRocket has 40 integrations.\n',
  'blog/post.md': 'Acme Rocket has 45 integrations.\n',
  'build/out.md': 'AcmeRocket generated.\n',
  'notes.tmp.md': 'AcmeRocket scratch.\n',
  'keep.tmp.md': 'Acme Rocket kept.\n',
  'drafts/idea.md': 'AcmeRocket idea.\n',
};

suite('report: CLI', () => {
  test('json: the report object, with .gitignore and the brand file’s ignore: applied; exit 0 despite findings', () => {
    const dir = scratch(WORKSPACE);
    const r = run(dir, 'report', '--format', 'json', '--today', '2026-04-01');
    assert.equal(r.status, 0, r.stderr);
    const report = JSON.parse(r.stdout);
    assert.equal(report.version, 1);
    assert.equal(report.today, '2026-04-01');
    assert.equal(report.brandFile, 'brand-messaging.yaml');
    assert.deepEqual(report.documents.map((d: { path: string }) => d.path), ['blog/post.md', 'keep.tmp.md', 'web/home.md']);
    assert.equal(report.conflicts.length, 1);
    assert.match(r.stderr, /3 documents: score \d+ \(\w+\), 1 error, 2 warnings, 0 info, 1 conflict between documents\./);
  });

  test('a file named on the command line is read even if ignored', () => {
    const dir = scratch(WORKSPACE);
    const r = run(dir, 'report', '--format', 'json', 'build/out.md', 'web');
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout).documents.map((d: { path: string }) => d.path), ['build/out.md', 'web/home.md']);
  });

  test('md to standard output; html and json to --out, the format taken from the extension', () => {
    const dir = scratch(WORKSPACE);
    const md = run(dir, 'report');
    assert.equal(md.status, 0, md.stderr);
    assert.match(md.stdout, /^# Acme: consistency report\n/);
    assert.match(md.stdout, /## Where documents disagree\n\n### integrations/);
    assert.match(md.stdout, /\[web\/home\.md:1:16\]\(<\.\/web\/home\.md#L1>\)/);

    const html = run(dir, 'report', '--out', 'reports/consistency.html');
    assert.equal(html.status, 0, html.stderr);
    assert.equal(html.stdout, '');
    assert.match(html.stderr, /written to reports\/consistency\.html\./);
    const page = fs.readFileSync(path.join(dir, 'reports', 'consistency.html'), 'utf8');
    assert.match(page, /^<!DOCTYPE html>/);
    assert.match(page, /href="\.\.\/web\/home\.md#L1"/, 'links are relative to the page');
    assert.ok(!/<script/.test(page));

    const json = run(dir, 'report', '--out', 'r.json');
    assert.equal(json.status, 0, json.stderr);
    assert.equal(JSON.parse(fs.readFileSync(path.join(dir, 'r.json'), 'utf8')).version, 1);
    const forced = run(dir, 'report', '--out', 'r.txt', '--format', 'html');
    assert.match(fs.readFileSync(path.join(dir, 'r.txt'), 'utf8'), /^<!DOCTYPE html>/);
    assert.equal(forced.status, 0);
  });

  test('exit 2: usage errors, a missing or unusable brand file, two brand files', () => {
    const dir = scratch(WORKSPACE);
    assert.equal(run(dir, 'report', '--format', 'pdf').status, 2);
    assert.equal(run(dir, 'report', '--today', 'tomorrow').status, 2);
    assert.equal(run(dir, 'report', '--bogus').status, 2);
    assert.equal(run(dir, 'report', 'no-such-folder').status, 2);
    assert.equal(run(dir, 'report', '--brand', 'missing.yaml').status, 2);
    const help = run(dir, 'report', '--help');
    assert.equal(help.status, 0);
    assert.match(help.stdout, /^Usage: on-message report/);

    const none = scratch({ 'a.md': 'Hello.\n' });
    const missing = run(none, 'report');
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /no brand-messaging\.yaml found/);

    const broken = scratch({ 'brand-messaging.yaml': 'names: [\n', 'a.md': 'Hello.\n' });
    assert.equal(run(broken, 'report').status, 2);

    const two = scratch({ 'one/brand-messaging.yaml': BRAND, 'one/a.md': 'A.\n', 'two/brand-messaging.yaml': BRAND, 'two/b.md': 'B.\n' });
    const split = run(two, 'report');
    assert.equal(split.status, 2);
    assert.match(split.stderr, /fall under 2 brand files/);
    assert.equal(run(two, 'report', 'one').status, 0);
    assert.equal(run(two, 'report', '--brand', 'one/brand-messaging.yaml', '--format', 'json').status, 0);
  });

  test('check is unchanged: same findings, same exit code', () => {
    const dir = scratch(WORKSPACE);
    const r = run(dir, 'check', 'web/home.md');
    assert.equal(r.status, 1);
    assert.match(r.stdout, /^web\/home\.md:1:1 error name\.variant /);
  });
});

suite('report: .gitignore', () => {
  test('patterns: comments, negation, folders only, anchoring, globs', () => {
    const p = parseGitignore('# c\n\\#hash\n!keep.md\nbuild/\n/root.md\ndocs/*.tmp\n**/gen/**\n  \n');
    assert.deepEqual(p.map((x) => [x.negate, x.dirOnly, x.anchored]), [
      [false, false, false],
      [true, false, false],
      [false, true, false],
      [false, false, true],
      [false, false, true],
      [false, false, true],
    ]);
    assert.ok(p[0].match('#hash'));
  });

  test('nested .gitignore files, the last match winning, and ignored folders staying ignored', () => {
    const dir = scratch({
      '.git/HEAD': 'ref: refs/heads/main\n',
      '.gitignore': '*.md\n!*.keep.md\nbuild/\n/only-root.txt\n',
      'a.md': '',
      'a.keep.md': '',
      'sub/.gitignore': '!b.md\n/deep/anchored.txt\nskip/\n',
      'sub/b.md': '',
      'sub/deep/anchored.txt': '',
      'sub/deeper/deep/anchored.txt': '',
      'sub/x/skip/y/z.txt': '',
      'skip/kept.txt': '',
      'sub/c.md': '',
      'build/x.keep.md': '',
      'only-root.txt': '',
      'sub/only-root.txt': '',
    });
    const g = new GitIgnore(dir);
    const ignored = (f: string): boolean => g.isIgnored(path.join(dir, f));
    assert.equal(ignored('a.md'), true);
    assert.equal(ignored('a.keep.md'), false);
    assert.equal(ignored('sub/b.md'), false, 'a deeper .gitignore re-includes');
    assert.equal(ignored('sub/c.md'), true);
    assert.equal(ignored('build/x.keep.md'), true, 'a file in an ignored folder cannot be re-included');
    assert.equal(ignored('only-root.txt'), true);
    assert.equal(ignored('sub/only-root.txt'), false, 'a leading slash anchors to the .gitignore’s folder');
    assert.equal(ignored('sub/deep/anchored.txt'), true, 'an anchored pattern of a deeper .gitignore, from its folder');
    assert.equal(ignored('sub/deeper/deep/anchored.txt'), false, 'anchored: not further down');
    assert.equal(ignored('sub/x/skip/y/z.txt'), true, 'a folder pattern of a deeper .gitignore, at any depth below it');
    assert.equal(ignored('skip/kept.txt'), false, 'a deeper .gitignore does not apply above its folder');
    assert.equal(ignored('build/x.keep.md'), true, 'asked again, from what is known of the folder');
  });
});
