/**
 * Engine-wide types. Everything here is plain data: the engine takes text and a parsed brand file and
 * returns findings with UTF-16 offsets into that text. Positions (line/column) are computed at the edges.
 */

/** How serious a finding is. `error` is reserved for deterministic conflicts with the brand file. */
export type Severity = 'error' | 'warning' | 'info';

/** A replacement of `[start, end)` in the checked text with `text`. */
export interface Fix {
  /** Short imperative label shown on a quick fix, e.g. "Replace with 'Lumora Pulse'". */
  title: string;
  start: number;
  end: number;
  text: string;
}

/** Where in the brand file the rule that produced a finding comes from. */
export interface BrandSource {
  /** Section and entry, for people: "names › pulse", "terms › customers". */
  label: string;
  /** Offset range of the entry in the brand file text, when known. */
  start?: number;
  end?: number;
  /** The entry's `owner`, `source`, when given. */
  owner?: string;
  reference?: string;
}

/** One problem in a document. Offsets are UTF-16 code units into the checked text, end exclusive. */
export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  start: number;
  end: number;
  /** The safe fix, present only when applying it cannot change the meaning beyond what the brand file says. */
  fix?: Fix;
  /** The brand-file entry behind the finding. */
  source?: BrandSource;
  /** Retired names and taglines: editors render these struck through. */
  deprecated?: boolean;
  /** Id of the brand-file entry that produced the finding; used by the brand file's self-tests. */
  entryId?: string;
  /** For a figure with no approved claim: what a proposed claim for it would say. */
  figure?: FigureProposal;
}

/** A figure read from copy, as the start of a proposed claim (`status: proposed`) in the brand file. */
export interface FigureProposal {
  /** The figure as written: "3x", "4,000+", "35%". */
  text: string;
  value: number;
  unit: 'count' | 'percent' | 'money' | 'multiplier';
  qualifier: 'exact' | 'more-than' | 'at-least' | 'up-to' | 'about' | 'less-than';
  kind: 'performance' | 'count' | 'measure';
  /** The words the figure quantifies, as best read: "faster", "teams", "cloud costs". */
  subject: string;
}

/** A problem in the brand-messaging file itself. Offsets are into the brand file text. */
export interface BrandProblem {
  /** `brandfile.yaml`, `brandfile.schema`, `brandfile.duplicate`, `brandfile.conflict`, `brandfile.example`, `brandfile.selftest`. */
  code: string;
  severity: Severity;
  message: string;
  start: number;
  end: number;
}
