/**
 * The fast paths of the pr.* rules and their helpers added after pr.headline's and pr.third-person's
 * (rule-fastpaths.test.ts), held equal to the code they replace.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as fc from 'fast-check';
import { monthNumber } from '../../server/src/core/channels/dates';
import { acceptedNames, hasCapsWord, headlineNames, withoutPossessive } from '../../server/src/core/rules/pr.headline';
import { hasPhone } from '../../server/src/core/rules/pr.required';
import { loadBrand } from '../../server/src/core/index';
import type { Brand } from '../../server/src/core/brand/model';

const EDGES = ["'", '’', '_', '1', '٣', 'é', 'É', 'x', 'S', 's', ' ', '\u00a0', '\n', '.', ',', '-', '𝐀', '\ud835', '\udc00', '😀', 'İ', 'ß', 'ǅ', '\u212a'];
const textOf = (pieces: string[], maxLength = 20) => fc.array(fc.constantFrom(...pieces, ...EDGES), { maxLength }).map((p) => p.join(''));

/** monthNumber as it was: a search of the month names, lowercased on every call. */
function monthNumberBySearch(word: string): number | undefined {
  const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  const w = word.replace(/\.$/, '').toLowerCase();
  if (w === 'sept') return 9;
  const i = MONTHS.findIndex((m) => m.toLowerCase() === w || (w.length === 3 && m.toLowerCase().startsWith(w)));
  return i < 0 ? undefined : i + 1;
}

/** hasCapsWord's definition (pr.headline.ts), without its ASCII pre-test. */
function hasCapsWordInFull(text: string): boolean {
  const HEADLINE_WORD = /(?<![\p{L}\p{N}])\p{L}[\p{L}\p{N}'’]*/gu;
  return [...text.matchAll(HEADLINE_WORD)].map((m) => withoutPossessive(m[0])).some((w) => w === w.toUpperCase() && w !== w.toLowerCase());
}

/** hasPhone as it was written in pr.required's hasField. */
function hasPhoneByMatchAll(text: string): boolean {
  for (const m of text.matchAll(/\+?\(?\d[\d\s().-]{5,}\d/g)) if (m[0].replace(/\D/g, '').length >= 7 && !/^\d{4}-\d{2}-\d{2}$/.test(m[0].trim())) return true;
  return false;
}

suite('pr fast paths', () => {
  test('monthNumber reads a month as the search of month names did', () => {
    const words = ['January', 'jan', 'JAN', 'Jan.', 'Sept', 'sept.', 'SEPT', 'Sep', 'May', 'may.', 'Ma', 'Mar', 'March', 'Marc', 'June', 'Jun', 'Ju', 'Dec', 'December.', 'Decemb', '..', '.', ''];
    fc.assert(fc.property(textOf(words, 3), (s) => assert.equal(monthNumber(s), monthNumberBySearch(s), JSON.stringify(s))), { numRuns: 5000, seed: 31 });
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 12 }), (s) => assert.equal(monthNumber(s), monthNumberBySearch(s))), { numRuns: 2000, seed: 32 });
    assert.equal(monthNumber('Sept.'), 9);
    assert.equal(monthNumber('MAY'), 5);
    assert.equal(monthNumber('Ma'), undefined);
  });

  test('hasCapsWord answers as the Unicode word scan does', () => {
    const words = ['SaaS', 'AI', 'A', 'a', 'Ledger', 'LEDGER', 'IoT', "CEO's", 'CEO’s', "ACME'", 'Launches', 'x2', 'X2', 'Q3', 'q', 'Z', "'s", 'S'];
    fc.assert(fc.property(textOf(words), (s) => assert.equal(hasCapsWord(s), hasCapsWordInFull(s), JSON.stringify(s))), { numRuns: 8000, seed: 33 });
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 30 }), (s) => assert.equal(hasCapsWord(s), hasCapsWordInFull(s))), { numRuns: 3000, seed: 34 });
    assert.equal(hasCapsWord('Fernhill Launches Ledger Autopilot to Code Invoices'), false);
    assert.equal(hasCapsWord('Fernhill Launches an AI Assistant'), true);
    assert.equal(hasCapsWord('Fernhill’s Ledger É'), true);
  });

  test('hasPhone finds a phone number where the matchAll form did', () => {
    const pieces = ['+1', '303', '-', '555', '0178', '(', ')', '.', ' ', '2026-03-10', '12', '1234567', 'Tel: ', '\n', 'press@fernhill.example', 'x'];
    fc.assert(fc.property(textOf(pieces), (s) => assert.equal(hasPhone(s), hasPhoneByMatchAll(s), JSON.stringify(s))), { numRuns: 5000, seed: 35 });
    // Each call starts the shared pattern from 0, wherever the last one left it.
    assert.equal(hasPhone('+1 303-555-0178 and +1 303-555-0179'), true);
    assert.equal(hasPhone('+1 303-555-0178'), true);
    assert.equal(hasPhone('2026-03-10'), false);
  });

  test("the headline's accepted names follow the brand's names and company, changed in place", () => {
    const text = fs.readFileSync(path.resolve(__dirname, '../../../examples/brand-messaging.yaml'), 'utf8');
    const same = (brand: Brand, wanted: string[]) => {
      const held = headlineNames(brand, wanted);
      const forms = acceptedNames(brand, wanted);
      assert.deepEqual(held.forms, forms, JSON.stringify(wanted));
      assert.ok(forms.every((f) => held.pattern.test(f)), JSON.stringify(wanted));
    };
    // Each field acceptedNames reads, changed in place between two reads of the same list.
    const edits: Array<(brand: Brand) => void> = [
      (brand) => (brand.names[0].name = 'Zq Ledger'),
      (brand) => (brand.names[1].shortForm = 'Zq'),
      (brand) => (brand.names[0].kind = 'competitor'),
      (brand) => (brand.names[1].id = 'zq-id'),
      (brand) => brand.names.push({ ...brand.names[0], id: 'zq-new', name: 'Zq New', kind: 'product' }),
      (brand) => brand.company && (brand.company.name = 'Zq Company'),
      (brand) => brand.company && (brand.company.legalName = 'Zq Company Inc.'),
      (brand) => brand.company && (brand.company.firstMention = 'Zq Company (ZQ)'),
    ];
    for (const wanted of [['company'], ['names'], ['company', 'names'], ['name-0', 'Acme'], ['zq-id'], ['zq-new']]) {
      const brand = loadBrand(text).brand;
      const list = wanted.map((w) => (w === 'name-0' ? brand.names[0].id : w));
      for (const edit of edits) {
        same(brand, list);
        edit(brand);
        same(brand, list);
      }
    }
  });
});
