/**
 * The `onMessage.*` settings: one typed shape, its defaults, and a parser that never throws. The manifest
 * (package.json `contributes.configuration`) declares the same keys and defaults; test/lsp/settings.test.ts
 * holds the two together.
 */
import type { Severity } from '../core/index';

export type RuleSeverity = Severity | 'off';

export interface Settings {
  /** Check documents at all. */
  enable: boolean;
  /** Brand file for every document of the folder, absolute or relative to the workspace folder; '' searches upward. */
  brandFile: string;
  /** When the client asks for diagnostics: as the writer types, or when the file is saved. */
  run: 'onType' | 'onSave';
  /** Per-rule severity overrides by rule id; wins over the brand file. */
  severity: Record<string, RuleSeverity>;
  /** Globs, relative to the workspace folder, of documents never to check. */
  ignore: string[];
}

export const defaults: Readonly<Settings> = Object.freeze({
  enable: true,
  brandFile: '',
  run: 'onType',
  severity: {},
  ignore: [],
});

const SEVERITIES: readonly string[] = ['error', 'warning', 'info', 'off'];

/** Settings from whatever the client sent: unknown keys are dropped, invalid values fall back to the defaults. */
export function parseSettings(raw: unknown): Settings {
  const r = isRecord(raw) ? raw : {};
  return {
    enable: typeof r.enable === 'boolean' ? r.enable : defaults.enable,
    brandFile: typeof r.brandFile === 'string' ? r.brandFile.trim() : defaults.brandFile,
    run: r.run === 'onSave' || r.run === 'onType' ? r.run : defaults.run,
    severity: parseSeverity(r.severity),
    ignore: Array.isArray(r.ignore) ? r.ignore.filter((g): g is string => typeof g === 'string' && g.length > 0) : [...defaults.ignore],
  };
}

function parseSeverity(raw: unknown): Record<string, RuleSeverity> {
  const out: Record<string, RuleSeverity> = {};
  if (!isRecord(raw)) return out;
  for (const [rule, value] of Object.entries(raw)) {
    if (typeof value === 'string' && SEVERITIES.includes(value)) out[rule] = value as RuleSeverity;
  }
  return out;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Settings per document, asked of the client once and kept until the configuration changes. Without
 * `workspace/configuration` support the last `didChangeConfiguration` payload (or the defaults) applies.
 */
export class SettingsCache {
  private readonly byUri = new Map<string, Promise<Settings>>();
  private global: Settings = parseSettings(undefined);

  constructor(private readonly fetch: ((uri: string) => Promise<unknown>) | undefined) {}

  get(uri: string): Promise<Settings> {
    if (!this.fetch) return Promise.resolve(this.global);
    let settings = this.byUri.get(uri);
    if (!settings) {
      settings = this.fetch(uri).then(parseSettings, () => parseSettings(undefined));
      this.byUri.set(uri, settings);
    }
    return settings;
  }

  /** Forget everything; `pushed` is the `onMessage` section of a `didChangeConfiguration`, if any. */
  reset(pushed?: unknown): void {
    this.byUri.clear();
    if (pushed !== undefined) this.global = parseSettings(pushed);
  }

  forget(uri: string): void {
    this.byUri.delete(uri);
  }
}
