/**
 * What the CI formats say about a rule: its description and the README section that explains it. Rules
 * of the registry have a section each (`### name.variant`, GitHub anchor `#namevariant`); brand-file
 * problems and the report's `claim.cross-doc` point at their own sections.
 */
import { CROSS_DOC_RULE, rules, type Severity } from '../../core/index';

export const HOMEPAGE = 'https://github.com/on-message/on-message';

export interface RuleInfo {
  id: string;
  description: string;
  helpUri: string;
  severity: Severity;
}

const BRAND_FILE_PROBLEMS: Record<string, string> = {
  'brandfile.yaml': 'The brand-messaging file is not valid YAML.',
  'brandfile.schema': 'A key or value of the brand-messaging file does not fit its schema.',
  'brandfile.duplicate': 'Two entries of the brand-messaging file have the same id or form.',
  'brandfile.conflict': 'Two entries of the brand-messaging file contradict each other.',
  'brandfile.example': "An example in the brand-messaging file is not judged as the entry says.",
  'brandfile.selftest': 'A self-test of the brand-messaging file failed.',
};

/** The README anchor GitHub makes for a heading that is a rule id. */
export function ruleAnchor(id: string): string {
  return id.toLowerCase().replace(/[^a-z0-9 _-]/g, '').replace(/ /g, '-');
}

export function ruleInfo(id: string): RuleInfo {
  const rule = rules.find((r) => r.id === id);
  if (rule) return { id, description: rule.description, helpUri: `${HOMEPAGE}#${ruleAnchor(id)}`, severity: rule.severity };
  if (id === CROSS_DOC_RULE) {
    return { id, description: 'The same subject stated with different figures in different documents.', helpUri: `${HOMEPAGE}#the-consistency-report`, severity: 'warning' };
  }
  const problem = BRAND_FILE_PROBLEMS[id];
  return {
    id,
    description: problem ?? `A finding of the ${id} check.`,
    helpUri: `${HOMEPAGE}#${problem ? 'the-brand-messaging-file' : 'what-it-checks'}`,
    severity: 'error',
  };
}
