/**
 * The report of the bundled examples against its golden JSON (test/report/examples.report.json), judged
 * on a fixed day. After a deliberate change to the engine or the examples, regenerate it with
 * `UPDATE_GOLDEN=1 npx mocha --no-config --ui tdd out/test/report/examples.test.js` and review the diff.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildReport, loadBrand, REPORT_VERSION, type WorkspaceReport } from '../../server/src/core/index';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const EXAMPLES = path.join(ROOT, 'examples');
const GOLDEN = path.join(ROOT, 'test', 'report', 'examples.report.json');
const TODAY = '2026-04-01';

function markdownFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? markdownFiles(full) : e.name.endsWith('.md') ? [full] : [];
  });
}

function examplesReport(): WorkspaceReport {
  const brandText = fs.readFileSync(path.join(EXAMPLES, 'brand-messaging.yaml'), 'utf8');
  const documents = markdownFiles(EXAMPLES)
    .sort()
    .map((file) => ({ path: path.relative(EXAMPLES, file).split(path.sep).join('/'), text: fs.readFileSync(file, 'utf8') }));
  return buildReport(documents, loadBrand(brandText), { today: TODAY, brandPath: 'brand-messaging.yaml', brandText });
}

suite('report: the examples', () => {
  const report = examplesReport();

  test('matches the golden JSON', () => {
    const actual = JSON.stringify(report, null, 2) + '\n';
    if (process.env.UPDATE_GOLDEN) fs.writeFileSync(GOLDEN, actual);
    assert.deepEqual(JSON.parse(actual), JSON.parse(fs.readFileSync(GOLDEN, 'utf8')));
  });

  test('is plain JSON: a round trip changes nothing', () => {
    assert.deepEqual(JSON.parse(JSON.stringify(report)), report);
    assert.equal(report.version, REPORT_VERSION);
  });

  test('the same documents in another order give the same report', () => {
    const brandText = fs.readFileSync(path.join(EXAMPLES, 'brand-messaging.yaml'), 'utf8');
    const documents = markdownFiles(EXAMPLES)
      .sort()
      .reverse()
      .map((file) => ({ path: path.relative(EXAMPLES, file).split(path.sep).join('/'), text: fs.readFileSync(file, 'utf8') }));
    assert.deepEqual(buildReport(documents, loadBrand(brandText), { today: TODAY, brandPath: 'brand-messaging.yaml', brandText }), report);
  });

  test('every finding of check() is in the report, once', () => {
    const counted = report.documents.reduce((n, d) => n + d.findings.length, 0);
    assert.equal(counted, report.totals.findings);
  });

  test('the examples disagree on two approved figures, and only those (examples.expected.md, "Cross-document conflicts")', () => {
    assert.deepEqual(
      report.conflicts.map((c) => `${c.claim} ${c.values.map((v) => v.display).join('/')}`),
      ['customers 3,000/2,500/2,000', 'founded 2017/2016'],
    );
    assert.equal(report.totals.conflicts, 2);
    assert.ok(report.documents.every((d) => d.findings.every((f) => f.rule !== 'claim.cross-doc')), 'approved claims settle both conflicts: no claim.cross-doc finding');
  });

  test('the claims ledger shows every use of the customer count, with the planted ones off message', () => {
    const customers = report.claims.find((c) => c.id === 'customers');
    assert.ok(customers);
    assert.deepEqual(customers.uses.map((u) => `${u.location.path}:${u.location.line} ${u.written} ${u.status}`), [
      'ads/autumn-campaign.md:17 3,000+ overstated',
      'ads/spring-campaign.md:17 2,500+ ok',
      'blog/2026-06-nine-years.md:17 Over 2,500 ok',
      'press/2026-03-launch.md:28 More than 2,500 ok',
      'press/2026-05-funding.md:10 More than 2,500 ok',
      'press/2026-05-funding.md:26 More than 2,500 ok',
      'press/2026-10-partnership.md:16 More than 2,500 expired',
      'press/2026-10-partnership.md:30 More than 2,500 expired',
      'web/pricing.md:26 more than 2,000 understated',
    ]);
  });

  test('the census counts the planted name variants and the suppression keeps its approval note', () => {
    const ledger = report.census.find((e) => e.id === 'ledger');
    assert.ok(ledger?.spellings.some((s) => s.text === 'FernhillLedger' && s.status === 'variant'));
    assert.ok(ledger?.spellings.some((s) => s.text === 'Fernhill Payables' && s.status === 'retired'));
    const camille = report.census.find((e) => e.id === 'camille-duarte');
    assert.ok(camille?.spellings.some((s) => s.text === 'Camille Duerte' && s.status === 'variant' && s.flagged === 1));
    assert.equal(report.suppressions.length, 1);
    assert.match(report.suppressions[0].note ?? '', /LEGAL-412/);
    assert.deepEqual(report.suppressions[0].hiddenRules, ['phrase.risky']);
  });
});

suite('report: README', () => {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('\n## The consistency report\n'), readme.indexOf('\n## Development\n'));

  test('the section sits before Development and states the score formula the code uses', () => {
    assert.ok(section.length > 1000);
    assert.match(section, /`n = max\(1, words \/ 75\)`/);
    assert.match(section, /`w = errors \+ ½ · warnings \+ ¼ · info`/);
    const { WORDS_PER_UNIT, SEVERITY_WEIGHTS } = require('../../server/src/core/report/score') as typeof import('../../server/src/core/report/score');
    assert.deepEqual([WORDS_PER_UNIT, SEVERITY_WEIGHTS], [75, { error: 1, warning: 0.5, info: 0.25 }]);
  });

  test('the JSON shape names every top-level key of the report', () => {
    const shape = section.slice(section.indexOf('### The JSON shape'));
    for (const key of Object.keys(examplesReport())) assert.match(shape, new RegExp(`\\b${key}\\b`), key);
  });
});
