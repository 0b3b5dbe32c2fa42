/**
 * The contract of a rule. A rule is metadata plus one function; its id names its file in `rules/`, the
 * diagnostic `code`, the README section and the fixture marker.
 */
import type { RuleContext } from './context';
import type { Severity } from './types';

export interface Rule {
  /** Dotted id, e.g. "name.variant". */
  id: string;
  /** One line for the README and hovers: what the rule finds. */
  description: string;
  /** Severity unless the brand-file entry or the user's settings say otherwise. */
  severity: Severity;
  check(ctx: RuleContext): void;
}
