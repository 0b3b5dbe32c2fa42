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
import { rule as personQuoteSpeaker } from './person.quote-speaker';
import { rule as taglineExact } from './tagline.exact';
import { rule as taglineRetired } from './tagline.retired';
import { rule as messageExact } from './message.exact';
import { rule as boilerplateMismatch } from './boilerplate.mismatch';
import { rule as boilerplateMissing } from './boilerplate.missing';
import { rule as boilerplateExpired } from './boilerplate.expired';
import { rule as claimOverstated } from './claim.overstated';
import { rule as claimUnderstated } from './claim.understated';
import { rule as claimQualifier } from './claim.qualifier';
import { rule as claimContext } from './claim.context';
import { rule as claimFraming } from './claim.framing';
import { rule as claimFact } from './claim.fact';
import { rule as claimRanking } from './claim.ranking';
import { rule as claimExpired } from './claim.expired';
import { rule as claimUnverified } from './claim.unverified';
import { rule as claimDisclosure } from './claim.disclosure';
import { rule as prDateline } from './pr.dateline';
import { rule as prDayDate } from './pr.day-date';
import { rule as prHeadline } from './pr.headline';
import { rule as prThirdPerson } from './pr.third-person';
import { rule as prRequired } from './pr.required';
import { rule as adLength } from './ad.length';
import { rule as adAssetStandalone } from './ad.asset-standalone';
import { rule as newsletterUnsubscribe } from './newsletter.unsubscribe';
import { rule as newsletterAddress } from './newsletter.address';
import { rule as newsletterSender } from './newsletter.sender';
import { rule as newsletterSubject } from './newsletter.subject';
import { rule as socialLength } from './social.length';
import { rule as socialPaid } from './social.paid';

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
  personQuoteSpeaker,
  taglineExact,
  taglineRetired,
  messageExact,
  boilerplateMismatch,
  boilerplateMissing,
  boilerplateExpired,
  claimOverstated,
  claimUnderstated,
  claimQualifier,
  claimContext,
  claimFraming,
  claimFact,
  claimRanking,
  claimExpired,
  claimUnverified,
  claimDisclosure,
  prDateline,
  prDayDate,
  prHeadline,
  prThirdPerson,
  prRequired,
  adLength,
  adAssetStandalone,
  newsletterUnsubscribe,
  newsletterAddress,
  newsletterSender,
  newsletterSubject,
  socialLength,
  socialPaid,
];

export const ruleIds: readonly string[] = rules.map((r) => r.id);
