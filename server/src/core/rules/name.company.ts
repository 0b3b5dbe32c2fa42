import type { Rule } from '../rule';
import type { Company } from '../brand/model';
import type { BrandSource } from '../types';
import { isApprovedSpelling, nameUse, variantIsUsed } from '../match/name-use';
import { because, q } from '../match/explain';

const LEGAL_SUFFIX = /\b(?:inc|incorporated|corp|corporation|llc|ltd|limited|gmbh|plc|co|company|s\.?a|ag)\b\.?$/i;

/** Variants of the company's own name. */
export const rule: Rule = {
  id: 'name.company',
  description: "The company's name written in a form the brand file forbids, or with the wrong capitals.",
  severity: 'error',
  check(ctx) {
    const company = ctx.brand.company;
    if (!company) return;
    for (const m of ctx.mentions) {
      if (isApprovedSpelling(ctx, m)) continue;
      for (const role of m.roles) {
        if (role.kind !== 'company') continue;
        let wrong = false;
        if (role.form === 'forbidden') wrong = variantIsUsed(ctx, m, role.text);
        else wrong = nameUse(ctx, m, role.text) === 'miscased';
        if (!wrong) continue;
        const correct = role.form === 'forbidden' ? preferredFor(company, m.surface) : role.text;
        ctx.report({
          block: m.block,
          start: m.start,
          end: m.end,
          message: `Use ${q(correct)} instead of ${q(m.surface)}: ${because(company, defaultReason(company))}`,
          fix: { title: `Replace with ${q(correct)}`, text: correct },
          severity: company.severity,
          source: companySource(company),
          entryId: company.id,
        });
        break;
      }
    }
  },
};

/** A variant that carries a legal suffix is corrected to the legal name; any other to the body-copy name. */
function preferredFor(company: Company, variant: string): string {
  return company.legalName && LEGAL_SUFFIX.test(variant) ? company.legalName : company.name;
}

function defaultReason(company: Company): string {
  return company.legalName
    ? `the company is ${q(company.name)} in copy and ${q(company.legalName)} where the legal name is needed`
    : `the company is always written ${q(company.name)}`;
}

function companySource(company: Company): BrandSource {
  const src: BrandSource = { label: 'company', start: company.span.start, end: company.span.end };
  if (company.owner) src.owner = company.owner;
  return src;
}
