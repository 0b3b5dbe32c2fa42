/**
 * The report's parts on small workspaces: cross-document conflicts (with and without an approved claim),
 * the ledger's statuses, the census, taglines, boilerplate, suppressions, brand-file health and the score.
 */
import * as assert from 'node:assert/strict';
import { buildReport, loadBrand, type ReportDocument, type WorkspaceReport } from '../../server/src/core/index';
import { documentScore, meanScore } from '../../server/src/core/report/score';
import { figureSubject } from '../../server/src/core/report/subjects';
import { findFigures } from '../../server/src/core/claims/numbers';

const BRAND = `version: 1
meta:
  last_reviewed: 2025-10-01
  review_every_days: 90
company:
  id: acme
  name: Acme
  forbidden_variants: [ACME]
names:
  - id: rocket
    name: Acme Rocket
    kind: product
    mark: none
    forbidden_variants: [AcmeRocket]
  - id: unused-name
    name: Acme Comet
    kind: product
    mark: none
  - id: rival
    name: Zephyr
    kind: competitor
terms:
  - id: customers
    preferred: customers
    deprecated: [clients]
claims:
  - id: customers
    kind: count
    subject: customers
    subject_aliases: [customers]
    value: 12000
    qualifier: more-than
    approved_wordings: ["more than 12,000 customers"]
    valid_until: 2026-04-20
  - id: uptime
    kind: commitment
    subject: uptime SLA
    value: 99.9
    unit: percent
    qualifier: exact
    valid_until: 2026-01-01
  - id: idea
    kind: count
    subject: partners
    value: 50
    status: proposed
people:
  - id: jane
    name: Jane Doe
    title: CEO
messages:
  taglines:
    - id: now
      text: "Launch with confidence."
      status: current
      exact: true
    - id: old
      text: "Rockets for everyone."
      status: retired
boilerplate:
  - id: about
    heading: About Acme
    text: "Acme makes Acme Rocket for launch teams."
    required_in: [press-release]
channels:
  press-release:
    match: {paths: ["press/**"]}
`;

const TODAY = '2026-04-01';

function report(docs: Record<string, string>, brand = BRAND, severity?: Record<string, 'error' | 'warning' | 'info' | 'off'>): WorkspaceReport {
  const documents: ReportDocument[] = Object.entries(docs).map(([path, text]) => ({ path, text }));
  return buildReport(documents, loadBrand(brand), { today: TODAY, brandText: brand, ...(severity ? { severity } : {}) });
}

suite('report: cross-document conflicts (claim.cross-doc)', () => {
  test('a subject with no claim stated with different figures in two documents is a conflict', () => {
    const r = report({
      'web/home.md': 'Acme Rocket connects to 40 integrations.\n',
      'blog/post.md': 'Today Acme Rocket works with more than 45 integrations.\n',
    });
    assert.equal(r.conflicts.length, 1);
    const c = r.conflicts[0];
    assert.equal(c.subject, 'integrations');
    assert.equal(c.claim, null);
    assert.deepEqual(
      c.values.map((v) => [v.display, v.statements.map((s) => `${s.location.path}:${s.location.line}:${s.location.column}`)]),
      [
        ['45', ['blog/post.md:1:30']],
        ['40', ['web/home.md:1:25']],
      ],
    );
    const home = r.documents.find((d) => d.path === 'web/home.md')!;
    const finding = home.findings.find((f) => f.rule === 'claim.cross-doc');
    assert.ok(finding, 'each side gets a finding');
    assert.match(finding.message, /other documents say 45 \(blog\/post\.md:1\)/);
    assert.equal(finding.severity, 'warning');
    assert.equal(r.totals.conflicts, 1);
  });

  test('a finding names at most four other figures, those stated most, and three places for each; the conflict keeps them all', () => {
    const docs: Record<string, string> = {};
    // Seven figures for one subject: 40 in five documents, 41 to 46 in one each.
    for (let i = 0; i < 5; i++) docs[`forty/${i}.md`] = 'Acme Rocket connects to 40 integrations.\n';
    for (let n = 41; n <= 46; n++) docs[`other/${n}.md`] = `Acme Rocket connects to ${n} integrations.\n`;
    const r = report(docs);
    assert.equal(r.conflicts.length, 1);
    assert.equal(r.conflicts[0].values.length, 7);
    assert.equal(r.conflicts[0].values.reduce((n, v) => n + v.statements.length, 0), 11, 'the conflict lists every statement');
    const on46 = r.documents.find((d) => d.path === 'other/46.md')!.findings.find((f) => f.rule === 'claim.cross-doc')!;
    assert.equal(
      on46.message,
      "'46' integrations here; other documents say 45 (other/45.md:1); 44 (other/44.md:1); 43 (other/43.md:1); 40 (forty/0.md:1, forty/1.md:1, forty/2.md:1 and 2 more); and 2 other figures in 2 places. Make them agree.",
    );
    const on40 = r.documents.find((d) => d.path === 'forty/0.md')!.findings.find((f) => f.rule === 'claim.cross-doc')!;
    assert.match(on40.message, /other documents say 46 \(other\/46\.md:1\); 45 \(other\/45\.md:1\); 44 \(other\/44\.md:1\); 43 \(other\/43\.md:1\); and 2 other figures in 2 places\. Make them agree\.$/);
    assert.doesNotMatch(on40.message, /\b40 \(/, 'a finding does not name its own figure');
  });

  test('the same figure written differently is not a conflict', () => {
    const r = report({
      'a.md': 'Acme Rocket serves 12,000 launch teams.\n',
      'b.md': 'Acme Rocket serves 12k launch teams.\n',
      'c.md': 'Acme Rocket serves twelve thousand launch teams.\n',
      'd.md': 'Acme Rocket serves more than 12,000 launch teams.\n',
    });
    assert.deepEqual(r.conflicts, []);
  });

  test('figures that differ within one document only are not a conflict', () => {
    const r = report({ 'a.md': 'Acme Rocket cut launch steps from 12 launch checks to 3 launch checks.\n', 'b.md': 'Nothing to see.\n' });
    assert.deepEqual(r.conflicts, []);
  });

  test('figures that are not about us, in third-party quotes, samples or durations are never compared', () => {
    const r = report({
      'a.md': 'Zephyr has 40 integrations. We surveyed 500 engineers. Acme Rocket ships in 3 days.\n',
      'b.md': '“Our 45 integrations matter,” said Pat Lee of Orbit Co. We surveyed 300 engineers. Acme Rocket ships in 5 days.\n',
    });
    assert.deepEqual(r.conflicts, []);
  });

  test('a claim stated with different figures is a conflict that names the approved value', () => {
    const r = report({
      'press/a.md': 'More than 12,000 customers use Acme Rocket.\n',
      'web/b.md': 'More than 15,000 customers use Acme Rocket.\n',
    });
    assert.equal(r.conflicts.length, 1);
    assert.equal(r.conflicts[0].claim, 'customers');
    assert.equal(r.conflicts[0].approved, 'more than 12,000 customers');
    // The overstated use already carries claim.overstated; no second finding for the same words.
    const b = r.documents.find((d) => d.path === 'web/b.md')!;
    assert.deepEqual(b.findings.map((f) => f.rule).filter((x) => x.startsWith('claim.')).sort(), ['claim.expired', 'claim.overstated']);
  });

  test('a claim.cross-doc suppression takes a statement out; severity off takes the rule out', () => {
    const docs = { 'a.md': '<!-- on-message-disable-next-line claim.cross-doc -->\nAcme Rocket connects to 40 integrations.\n', 'b.md': 'Acme Rocket connects to 45 integrations.\n' };
    assert.deepEqual(report(docs).conflicts, []);
    const plain = { 'a.md': 'Acme Rocket connects to 40 integrations.\n', 'b.md': 'Acme Rocket connects to 45 integrations.\n' };
    assert.equal(report(plain).conflicts.length, 1);
    assert.deepEqual(report(plain, BRAND, { 'claim.cross-doc': 'off' }).conflicts, []);
    assert.equal(report(plain, BRAND, { 'claim.cross-doc': 'error' }).totals.error, 2);
  });
});

suite('report: subjects of figures', () => {
  const subject = (text: string): string | undefined => {
    const f = findFigures(text)[0];
    return f && figureSubject(text, f);
  };
  test('the noun phrase after the figure', () => {
    assert.equal(subject('We have 2,500+ customers today.'), 'customers');
    assert.equal(subject('It pays about 3,000 vendor invoices a month.'), 'vendor invoices');
    assert.equal(subject('It moved $30 billion in vendor payments.'), 'vendor payments');
    assert.equal(subject('A 99.9% uptime commitment.'), 'uptime commitment');
    assert.equal(subject('Trusted by 2,500+ Customers'), 'customers');
  });
  test('no subject where the figure does not count a noun, or counts a part', () => {
    assert.equal(subject('It is 3x faster.'), undefined);
    assert.equal(subject('It ships in 3 days.'), undefined);
    assert.equal(subject('We added 12 new dashboards.'), undefined);
    assert.equal(subject('It costs $15 per user.'), undefined);
    assert.equal(subject('Save 20% off today.'), undefined);
    assert.equal(subject('In 2016 we started.'), undefined);
  });
});

suite('report: ledger, census, taglines, boilerplate, suppressions, health', () => {
  const r = report({
    'press/launch.md': [
      '# Acme launches',
      '',
      'More than 12,000 customers use Acme Rocket. Our clients love AcmeRocket, and ACME does too.',
      '',
      'Acme Rocket is backed by a 99.9% uptime SLA. Launch with confidence.',
      '',
      '<!-- Legal OK, LEGAL-1 -->',
      '<!-- on-message-disable-next-line term.deprecated -->',
      'Ask our clients.',
      '',
      '"Acme Rocket changed everything," said Jane Doe, CEO.',
    ].join('\n'),
    'web/home.md': 'Over 10,000 customers use Acme Rocket. Rockets for everyone.\n\n## About Acme\n\nAcme makes Acme Rocket for launch teams.\n',
  });

  test('the ledger lists every use of a current claim with its status, judged at the document date', () => {
    const customers = r.claims.find((c) => c.id === 'customers')!;
    assert.equal(customers.state, 'expiring');
    assert.deepEqual(
      customers.uses.map((u) => [u.location.path, u.written, u.implied, u.status]),
      [
        ['press/launch.md', 'More than 12,000', 'more than 12,000', 'expiring'],
        ['web/home.md', 'Over 10,000', 'more than 10,000', 'understated'],
      ],
    );
    const uptime = r.claims.find((c) => c.id === 'uptime')!;
    assert.equal(uptime.state, 'expired');
    assert.deepEqual(uptime.uses.map((u) => u.status), ['expired']);
    assert.ok(!r.claims.some((c) => c.id === 'idea'), 'proposed claims are not in the ledger');
  });

  test('the census counts every spelling, approved or not', () => {
    const rocket = r.census.find((e) => e.id === 'rocket')!;
    assert.deepEqual(
      rocket.spellings.map((s) => [s.text, s.status, s.count]),
      [
        ['Acme Rocket', 'approved', 5],
        ['AcmeRocket', 'variant', 1],
      ],
    );
    const company = r.census.find((e) => e.kind === 'company')!;
    assert.deepEqual(company.spellings.map((s) => [s.text, s.status]), [['Acme', 'approved'], ['ACME', 'variant']]);
    const terms = r.census.find((e) => e.id === 'customers' && e.kind === 'term')!;
    const clients = terms.spellings.find((s) => s.text === 'clients')!;
    assert.equal(clients.count, 2);
    assert.equal(clients.flagged, 1, 'the suppressed one is not flagged');
  });

  test('taglines and boilerplate in circulation, and where a required boilerplate is missing', () => {
    assert.deepEqual(
      r.taglines.map((t) => [t.id, t.versions.map((v) => `${v.text}|${v.form}|${v.exact}`)]),
      [
        ['now', ['Launch with confidence|tagline|true']],
        ['old', ['Rockets for everyone|retired|true']],
      ],
    );
    const about = r.boilerplate[0];
    assert.deepEqual(about.versions.map((v) => [v.current, v.locations.map((l) => l.path)]), [[true, ['web/home.md']]]);
    assert.deepEqual(about.missingIn, ['press/launch.md']);
  });

  test('suppressions with the note above them and what they hid', () => {
    assert.deepEqual(r.suppressions, [
      {
        location: { path: 'press/launch.md', line: 8, column: 1, endLine: 8, endColumn: 54 },
        kind: 'next-line',
        rules: ['term.deprecated'],
        fromLine: 9,
        toLine: 9,
        hidden: 1,
        hiddenRules: ['term.deprecated'],
        note: 'Legal OK, LEGAL-1',
      },
    ]);
  });

  test('brand-file health: review overdue, claims expired or expiring, unused and proposed entries', () => {
    const h = r.health;
    assert.equal(h.reviewDue, '2025-12-30');
    assert.equal(h.reviewOverdue, true);
    assert.deepEqual(h.claims.map((c) => [c.id, c.state, c.days]), [['customers', 'expiring', 19], ['uptime', 'expired', -90]]);
    assert.deepEqual(h.unused.map((u) => `${u.section}:${u.id}`), ['names:unused-name', 'names:rival']);
    assert.deepEqual(h.proposed.map((p) => `${p.section}:${p.id}`), ['claims:idea']);
    assert.ok(h.unused.every((u) => typeof u.line === 'number'));
  });

  test('summaries by channel and rule add up to the totals', () => {
    const sum = (xs: Array<{ counts: { error: number; warning: number; info: number } }>): number => xs.reduce((n, x) => n + x.counts.error + x.counts.warning + x.counts.info, 0);
    assert.equal(sum(r.channels), r.totals.findings);
    assert.equal(sum(r.rules), r.totals.findings);
    assert.deepEqual(r.channels.map((c) => c.channel), ['press-release', null]);
  });
});

suite('report: the score', () => {
  test('100 · n / (n + w), n = max(1, words / 75), w = errors + warnings / 2 + info / 4', () => {
    assert.equal(documentScore(750, { error: 0, warning: 0, info: 0 }), 100);
    assert.equal(documentScore(750, { error: 10, warning: 0, info: 0 }), 50);
    assert.equal(documentScore(750, { error: 0, warning: 20, info: 0 }), 50);
    assert.equal(documentScore(750, { error: 0, warning: 0, info: 40 }), 50);
    // A short document counts as 75 words: two errors in a tweet weigh like two errors in 75 words.
    assert.equal(Math.round(documentScore(20, { error: 2, warning: 0, info: 0 })), 33);
    assert.equal(meanScore([100, 50, 33.4]), 61);
    assert.equal(meanScore([]), 100);
  });

  test('the workspace score is the mean of the documents’ scores, with its band', () => {
    const r = report({ 'a.md': 'All good here, nothing to flag at all.\n', 'b.md': 'Our clients love AcmeRocket.\n' });
    const [a, b] = r.documents;
    assert.equal(a.score, 100);
    assert.equal(b.score, Math.round(documentScore(b.words, b.counts)));
    assert.equal(r.score.value, Math.round((100 + documentScore(b.words, b.counts)) / 2));
    assert.equal(r.score.band, r.score.value >= 80 ? 'good' : r.score.value >= 60 ? 'fair' : 'poor');
  });
});
