/**
 * The registry: every rule, in the order findings are reported for the same span. Adding or retiring a
 * rule is a one-line change here plus its file; the README, fixtures and LSP codes all use these ids.
 */
import type { Rule } from '../rule';
import { rule as nameVariant } from './name.variant';
import { rule as nameRetired } from './name.retired';
import { rule as nameCompany } from './name.company';
import { rule as nameSymbol } from './name.symbol';
import { rule as nameGrammar } from './name.grammar';
import { rule as termDeprecated } from './term.deprecated';
import { rule as phraseBanned } from './phrase.banned';
import { rule as phraseNeedsClaim } from './phrase.needs-claim';
import { rule as phraseRisky } from './phrase.risky';
import { rule as personSpelling } from './person.spelling';
import { rule as personTitle } from './person.title';
import { rule as personFormer } from './person.former';

export const rules: readonly Rule[] = [
  nameVariant,
  nameRetired,
  nameCompany,
  nameSymbol,
  nameGrammar,
  termDeprecated,
  phraseBanned,
  phraseNeedsClaim,
  phraseRisky,
  personSpelling,
  personTitle,
  personFormer,
];

export const ruleIds: readonly string[] = rules.map((r) => r.id);
