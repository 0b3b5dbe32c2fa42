/**
 * One token trie over every form the brand file names: product and company names and their variants,
 * terms, phrase patterns, exceptions and people. A document is scanned once, whatever the size of the
 * brand file; at each token the longest form wins, so "Pulse Copilot" is never read as "Pulse" and
 * "leading indicators" (an exception) shadows "leading".
 */
import type { Brand, BrandName, Claim, Person, Phrase, RetiredName, Term, TermForm } from '../brand/model';
import { formKeys } from '../text/tokenize';
import { pluralize } from '../text/inflect';

export type NameForm = 'name' | 'short' | 'forbidden' | 'retired' | 'plural';
export type CompanyForm = 'name' | 'legal' | 'first' | 'forbidden';

/** What a matched form means. One trie node may carry several roles (e.g. a term that is also a name). */
export type Role =
  | { kind: 'name'; form: NameForm; text: string; name: BrandName; retired?: RetiredName }
  | { kind: 'company'; form: CompanyForm; text: string }
  | { kind: 'term'; form: 'preferred' | 'deprecated' | 'admitted'; text: string; term: Term; termForm?: TermForm; inflected: boolean }
  | { kind: 'phrase'; text: string; phrase: Phrase }
  | { kind: 'exception'; text: string }
  | { kind: 'person'; form: 'full' | 'first' | 'last'; text: string; person: Person }
  | { kind: 'claim'; text: string; claim: Claim };

export interface TrieNode {
  children: Map<string, TrieNode>;
  roles: Role[];
}

export interface MatchIndex {
  root: TrieNode;
  /** Phrases whose patterns are regular expressions; these are run per block, not through the trie. */
  regexPhrases: Phrase[];
}

function newNode(): TrieNode {
  return { children: new Map(), roles: [] };
}

function insert(root: TrieNode, form: string, role: Role): void {
  const keys = formKeys(form);
  if (keys.length === 0) return;
  let node = root;
  for (const key of keys) {
    let next = node.children.get(key);
    if (!next) {
      next = newNode();
      node.children.set(key, next);
    }
    node = next;
  }
  node.roles.push(role);
}

const cache = new WeakMap<Brand, MatchIndex>();

/** The index for a brand, built once per parsed brand object. */
export function matchIndexFor(brand: Brand): MatchIndex {
  let index = cache.get(brand);
  if (!index) {
    index = buildMatchIndex(brand);
    cache.set(brand, index);
  }
  return index;
}

export function buildMatchIndex(brand: Brand): MatchIndex {
  const root = newNode();
  const regexPhrases: Phrase[] = [];
  const add = (form: string | undefined, role: Role): void => {
    if (form && form.trim()) insert(root, form, role);
  };

  const company = brand.company;
  if (company) {
    add(company.name, { kind: 'company', form: 'name', text: company.name });
    if (company.legalName) add(company.legalName, { kind: 'company', form: 'legal', text: company.legalName });
    if (company.firstMention) add(company.firstMention, { kind: 'company', form: 'first', text: company.firstMention });
    for (const v of company.forbiddenVariants) add(v, { kind: 'company', form: 'forbidden', text: v });
    addExceptions(add, company.exceptions);
  }

  for (const name of brand.names) addName(add, name);
  for (const term of brand.terms) addTerm(add, term);
  for (const phrase of brand.phrases) {
    for (const pattern of phrase.patterns) {
      if (pattern.regex) {
        if (!regexPhrases.includes(phrase)) regexPhrases.push(phrase);
      } else add(pattern.text, { kind: 'phrase', text: pattern.text, phrase });
    }
    addExceptions(add, phrase.exceptions);
  }
  for (const person of brand.people) addPerson(add, person);
  // Only current claims are approved: a proposed one waits for its owner, a retired one is no longer true.
  for (const claim of brand.claims.filter((c) => c.status === 'current')) {
    for (const alias of claim.subjectAliases.length > 0 ? claim.subjectAliases : [claim.subject]) add(alias, { kind: 'claim', text: alias, claim });
  }
  return { root, regexPhrases };
}

type Add = (form: string | undefined, role: Role) => void;

function addExceptions(add: Add, exceptions: string[]): void {
  for (const text of exceptions) {
    add(text, { kind: 'exception', text });
    const plural = pluralize(text);
    if (plural !== text) add(plural, { kind: 'exception', text: plural });
  }
}

function addName(add: Add, name: BrandName): void {
  add(name.name, { kind: 'name', form: 'name', text: name.name, name });
  if (name.shortForm) add(name.shortForm, { kind: 'name', form: 'short', text: name.shortForm, name });
  for (const v of name.forbiddenVariants) add(v, { kind: 'name', form: 'forbidden', text: v, name });
  for (const retired of name.retiredNames) {
    add(retired.name, { kind: 'name', form: 'retired', text: retired.name, name, retired });
  }
  if (!name.allow.plural) {
    for (const form of [name.name, name.shortForm]) {
      if (!form) continue;
      const plural = pluralize(form);
      if (plural !== form) add(plural, { kind: 'name', form: 'plural', text: plural, name });
    }
  }
  addExceptions(add, name.exceptions);
}

function addTerm(add: Add, term: Term): void {
  add(term.preferred, { kind: 'term', form: 'preferred', text: term.preferred, term, inflected: false });
  const forms: Array<['deprecated' | 'admitted', TermForm]> = [
    ...term.deprecated.map((f): ['deprecated', TermForm] => ['deprecated', f]),
    ...term.admitted.map((f): ['admitted', TermForm] => ['admitted', f]),
  ];
  for (const [form, termForm] of forms) {
    add(termForm.form, { kind: 'term', form, text: termForm.form, term, termForm, inflected: false });
    if (term.inflections === 'auto' && termForm.pos !== 'verb') {
      const plural = pluralize(termForm.form);
      if (plural !== termForm.form) add(plural, { kind: 'term', form, text: plural, term, termForm, inflected: true });
    }
  }
  addExceptions(add, term.exceptions);
}

function addPerson(add: Add, person: Person): void {
  const parts = person.name.trim().split(/\s+/);
  add(person.name, { kind: 'person', form: 'full', text: person.name, person });
  if (parts.length >= 2) {
    add(parts[0], { kind: 'person', form: 'first', text: parts[0], person });
    add(parts[parts.length - 1], { kind: 'person', form: 'last', text: parts[parts.length - 1], person });
  }
}
