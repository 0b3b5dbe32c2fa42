/**
 * What the extension does when the language server's process dies (issue 7): restart it, and say so
 * once per burst of crashes, not once per crash; after too many crashes in a short time, stop restarting
 * and say that once too. Pure (no vscode), so that it is unit-tested; extension.ts adapts it to
 * vscode-languageclient's `ErrorHandler.closed`.
 */

export interface CrashDecision {
  restart: boolean;
  /** A message for the writer; absent when this crash belongs to a burst already announced. */
  notify?: string;
}

export interface CrashPolicyOptions {
  /** Restarts allowed within `windowMs`; one crash more and the server is left stopped. */
  maxRestarts: number;
  windowMs: number;
  /** A crash this long after the previous one starts a new burst (announced again). */
  quietMs: number;
}

export const DEFAULT_CRASH_POLICY: CrashPolicyOptions = { maxRestarts: 4, windowMs: 3 * 60_000, quietMs: 3 * 60_000 };

export const RESTARTED_MESSAGE = 'On Message: the language server stopped unexpectedly and was restarted. Details are in Output › On Message.';

export function gaveUpMessage(crashes: number, windowMs: number): string {
  return `On Message: the language server crashed ${crashes} times in ${Math.round(windowMs / 60_000)} minutes and will not be restarted. Details are in Output › On Message; run "On Message: Restart Server" to try again.`;
}

export class CrashPolicy {
  private crashes: number[] = [];
  private announced = false;

  constructor(
    private readonly now: () => number = Date.now,
    private readonly options: CrashPolicyOptions = DEFAULT_CRASH_POLICY,
  ) {}

  /** The server's connection closed without a stop: restart or not, and what to tell the writer. */
  closed(): CrashDecision {
    const now = this.now();
    const last = this.crashes[this.crashes.length - 1];
    if (last !== undefined && now - last >= this.options.quietMs) {
      this.crashes = [];
      this.announced = false;
    }
    this.crashes = [...this.crashes.filter((t) => now - t < this.options.windowMs), now];
    if (this.crashes.length > this.options.maxRestarts) {
      const decision = { restart: false, notify: gaveUpMessage(this.crashes.length, this.options.windowMs) };
      this.reset();
      return decision;
    }
    if (this.announced) return { restart: true };
    this.announced = true;
    return { restart: true, notify: RESTARTED_MESSAGE };
  }

  /** The writer restarted the server by hand (or it was stopped on purpose): the next crash starts a new burst. */
  reset(): void {
    this.crashes = [];
    this.announced = false;
  }
}
