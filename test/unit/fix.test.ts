import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyFixes, check, loadBrand, type Finding } from '../../server/src/core/index';

const brand = loadBrand(fs.readFileSync(path.resolve(__dirname, '../../../test/fixtures/brand/lumora.yaml'), 'utf8')).brand;
const fixed = (text: string): string => applyFixes(text, check(text, brand).findings).text;

function finding(start: number, end: number, text: string): Finding {
  return { rule: 'r', severity: 'warning', message: 'm', start, end, fix: { title: 't', start, end, text } };
}

suite('fixes', () => {
  test('replace names, symbols, terms and titles as the brand file says', () => {
    assert.equal(fixed('Sign up for LumoraPulse today.'), 'Sign up for Lumora Pulse today.');
    assert.equal(fixed('Pulse Copilot® is available today.'), 'Pulse Copilot™ is available today.');
    assert.equal(fixed('Lumora Inc. today announced it.'), 'Lumora Systems Inc. today announced it.');
    assert.equal(fixed('Lumora Watch now supports OpenTelemetry.'), 'Lumora Pulse now supports OpenTelemetry.');
    assert.equal(fixed('Daniel Reyes, chief operating officer at Lumora, said hi.'), 'Daniel Reyes, chief financial officer at Lumora, said hi.');
    assert.equal(fixed('Lumora CTO Daniel Reyes said hi.'), 'Lumora CFO Daniel Reyes said hi.');
    assert.equal(fixed('“Great,” said Maya Okafer, co-founder and CEO of Lumora.'), '“Great,” said Maya Okafor, co-founder and CEO of Lumora.');
  });

  test('the article moves with the noun, and case follows the sentence', () => {
    assert.equal(fixed('Lumora Pulse is a monitoring tool for cloud teams.'), 'Lumora Pulse is an observability platform for cloud teams.');
    assert.equal(fixed('Replace your monitoring tools today.'), 'Replace your observability platforms today.');
    assert.equal(fixed('Signup for the beta today.'), 'Sign up for the beta today.');
    assert.equal(fixed('Clients love it.'), 'Customers love it.');
  });

  test('a count noun that replaces a mass noun gets an article only where the phrase has none', () => {
    assert.equal(fixed('We were looking for monitoring software that scales.'), 'We were looking for an observability platform that scales.');
    assert.equal(fixed('Monitoring software is hard to run.'), 'An observability platform is hard to run.');
    assert.equal(fixed('Teams switch to monitoring software.'), 'Teams switch to an observability platform.');
    // Determined already, or a modifier of the next noun: the plain replacement.
    assert.equal(fixed('Our monitoring software is slow.'), 'Our observability platform is slow.');
    assert.equal(fixed('Acme’s monitoring software is slow.'), 'Acme’s observability platform is slow.');
    assert.equal(fixed('Monitoring software vendors agree.'), 'Observability platform vendors agree.');
    assert.equal(fixed('We replaced a monitoring tool.'), 'We replaced an observability platform.');
  });

  test('fixes that would change markup are not offered', () => {
    const [variant] = check('Try Lumora**Pulse** today.', brand).findings;
    assert.equal(variant.rule, 'name.variant');
    assert.equal(variant.fix, undefined);
  });

  test('overlapping fixes: the first wins, the rest wait for the next run', () => {
    const result = applyFixes('abcdef', [finding(1, 3, 'X'), finding(2, 4, 'Y'), finding(4, 5, 'Z')]);
    assert.equal(result.text, 'aXdZf');
    assert.equal(result.applied.length, 2);
  });

  test('applying twice equals applying once', () => {
    const text = 'LumoraPulse and Lumora Inc. and a monitoring tool.';
    const once = fixed(text);
    assert.equal(fixed(once), once);
  });
});
