import * as assert from 'node:assert/strict';
import { check, loadBrand } from '../../server/src/core/index';

const brandText = `version: 1
company: {name: Acme}
names:
  - {id: rocket, name: Acme Rocket, kind: product}
  - {id: rival, name: Zoomly, kind: competitor}
claims:
  - id: customers
    kind: count
    subject: customers
    value: 12000
    qualifier: more-than
  - id: speed
    kind: performance
    subject: faster builds
    subject_aliases: [faster builds, build time]
    value: 40
    unit: percent
    qualifier: up-to
  - id: latency
    kind: measure
    subject: p99 latency
    subject_aliases: [p99 latency]
    value: 50
    unit: ms
    qualifier: less-than
  - id: proposed-users
    kind: count
    subject: users
    value: 1000000
    qualifier: more-than
    status: proposed
`;
const brand = loadBrand(brandText);
const rules = (text: string): string[] => check(text, brand.brand, { today: '2026-01-01' }).findings.map((f) => f.rule);

suite('claims by meaning', () => {
  test('the brand file loads', () => {
    assert.deepEqual(brand.problems.map((p) => p.message), []);
  });

  test('equal meanings in other formats are never flagged', () => {
    for (const text of ['More than 12,000 customers use Acme Rocket.', '12,000+ customers use Acme Rocket.', 'Over 12k customers use Acme Rocket.', 'Acme Rocket has more than twelve thousand customers.']) {
      assert.deepEqual(rules(text), [], text);
    }
  });

  test('lower bounds: more is overstated, less is understated', () => {
    assert.deepEqual(rules('More than 15,000 customers use Acme Rocket.'), ['claim.overstated']);
    assert.deepEqual(rules('Nearly 13,000 customers use Acme Rocket.'), ['claim.overstated']);
    assert.deepEqual(rules('More than 10,000 customers use Acme Rocket.'), ['claim.understated']);
    assert.deepEqual(rules('Fewer than 9,000 customers use Acme Rocket.'), ['claim.understated']);
  });

  test('caps: "up to 40%" is not "40%"', () => {
    assert.deepEqual(rules('Acme Rocket cuts build time by up to 40%.'), []);
    assert.deepEqual(rules('Acme Rocket cuts build time by 40%.'), ['claim.qualifier']);
    assert.deepEqual(rules('Acme Rocket cuts build time by up to 50%.'), ['claim.overstated']);
    assert.deepEqual(rules('Acme Rocket cuts build time by up to 30%.'), ['claim.understated']);
  });

  test('upper bounds: a smaller figure claims more', () => {
    assert.deepEqual(rules('Acme Rocket keeps p99 latency under 50 ms.'), []);
    assert.deepEqual(rules('Acme Rocket keeps p99 latency under 20 ms.'), ['claim.overstated']);
  });

  test('a proposed claim is not approved: the figure is still unverified', () => {
    assert.deepEqual(rules('More than 1 million users build with Acme Rocket.'), ['claim.unverified']);
  });

  test("a competitor's figures and a beta cohort are not our claims", () => {
    assert.deepEqual(rules('Zoomly says it has more than 50,000 customers.'), []);
    assert.deepEqual(rules('Acme Rocket is in beta with 40 customers.'), []);
  });

  test('fixes keep the writer’s qualifier and number format', () => {
    const fix = (text: string): string | undefined => check(text, brand.brand, { today: '2026-01-01' }).findings[0]?.fix?.text;
    assert.equal(fix('Over 15k customers use Acme Rocket.'), '12k');
    assert.equal(fix('Nearly 13,000 customers use Acme Rocket.'), 'More than 12,000');
    assert.equal(fix('Acme Rocket cuts build time by 40%.'), 'up to 40%');
  });
});
