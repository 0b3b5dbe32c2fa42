/**
 * What the CLI does differently on a terminal: colour in the text format and its summary (only when
 * standard output, or standard error for the summary, is a terminal, NO_COLOR is unset or empty and TERM
 * is not `dumb`), and a progress line on standard error during long runs (only when standard error is a
 * terminal). Piped or redirected output never carries either, so the plain contract stays byte-identical.
 */

export interface Terminal {
  /** Whether standard output and standard error are terminals. */
  stdout: boolean;
  stderr: boolean;
  /** Standard error's width, when known. */
  columns?: number;
  env: Readonly<Record<string, string | undefined>>;
  /** Writes to standard error as is (no newline added): the progress line. */
  write: (s: string) => void;
}

export function colorOn(isTTY: boolean, env: Terminal['env']): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.TERM === 'dumb') return false;
  return isTTY;
}

export interface ProgressOptions {
  /** Show nothing for runs shorter than this (ms). */
  delay?: number;
  /** Redraw at most this often (ms). */
  interval?: number;
  now?: () => number;
}

/**
 * "checking 120/4,000 files  docs/press/launch.md" on one line of standard error, redrawn in place,
 * appearing only once a run has taken `delay` ms, and erased before anything else is written.
 */
export class Progress {
  private readonly started: number;
  private lastDrawn = -Infinity;
  private shown = false;
  private readonly delay: number;
  private readonly interval: number;
  private readonly now: () => number;

  constructor(
    private readonly terminal: Terminal | undefined,
    private readonly total: number,
    private readonly verb = 'checking',
    options: ProgressOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.delay = options.delay ?? 1000;
    this.interval = options.interval ?? 100;
    this.started = this.now();
  }

  /** `done` files finished; `file` is the one being worked on. */
  tick(done: number, file: string): void {
    if (!this.terminal?.stderr) return;
    const t = this.now();
    if (t - this.started < this.delay || t - this.lastDrawn < this.interval) return;
    this.lastDrawn = t;
    const width = Math.max(20, (this.terminal.columns || 80) - 1);
    const head = `${this.verb} ${done.toLocaleString('en-US')}/${this.total.toLocaleString('en-US')} files`;
    const room = width - head.length - 2;
    const name = room <= 1 ? '' : file.length <= room ? file : `…${file.slice(file.length - room + 1)}`;
    this.terminal.write(`\r\u001b[2K${name ? `${head}  ${name}` : head.slice(0, width)}`);
    this.shown = true;
  }

  /** Erases the line, if it was drawn. */
  clear(): void {
    if (!this.shown || !this.terminal) return;
    this.terminal.write('\r\u001b[2K');
    this.shown = false;
  }
}
