/**
 * Finding and loading brand files for the CLI: `--brand FILE` for every document, or the nearest
 * brand-messaging.yaml / .yml walking up from each document's folder. Each brand file is read and
 * parsed once per run.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import { loadBrand, type Brand, type BrandProblem, type LoadedBrand } from '../core/index';
import { parseBrand, type BrandParseResult } from '../core/brand/parse';
import { selfTest } from '../core/brand/selftest';
import { ResultCache } from './cache';
import { BRAND_FILE_NAMES } from '../protocol';

export interface BrandFile extends LoadedBrand {
  path: string;
  text: string;
}

export class BrandFiles {
  private readonly byPath = new Map<string, BrandFile>();
  private readonly byFolder = new Map<string, string | undefined>();

  /** `cache`: keep each brand file's self-test results there (--cache), keyed by its text and the engine. */
  constructor(private readonly cache?: ResultCache) {}

  /** The brand file for a document, or undefined when no folder above it has one. */
  forDocument(file: string, explicit?: string): BrandFile | undefined {
    const found = explicit ?? this.nearest(path.dirname(file));
    return found ? this.load(found) : undefined;
  }

  all(): BrandFile[] {
    return [...this.byPath.values()];
  }

  load(file: string): BrandFile {
    const full = path.resolve(file);
    let brand = this.byPath.get(full);
    if (!brand) {
      const text = stripBom(fs.readFileSync(full, 'utf8'));
      const cache = this.cache;
      const test = cache
        ? (parsed: Brand): BrandProblem[] => {
            // The examples are checked as of today (no front-matter date): the day is part of the key.
            const key = ResultCache.key(text, ['selftest', new Date().toISOString().slice(0, 10)]);
            const hit = cache.get<BrandProblem[]>(key);
            if (hit) return hit;
            const problems = selfTest(parsed);
            cache.set(key, problems);
            return problems;
          }
        : undefined;
      // The parse too (the YAML, the schema, the model): a profile of the warm 10,000-document report put it
      // at 5% of the main thread. Kept in V8's serialisation, which keeps what JSON would not (patterns).
      const parse = cache
        ? (source: string): BrandParseResult => {
            const key = ResultCache.key(source, ['brand']);
            const bytes = cache.getBytes(key);
            if (bytes) {
              try {
                return v8.deserialize(bytes) as BrandParseResult;
              } catch {
                // An entry that cannot be read is parsed again and replaced.
              }
            }
            const parsed = parseBrand(source);
            cache.setBytes(key, v8.serialize(parsed));
            return parsed;
          }
        : undefined;
      brand = { ...loadBrand(text, test, parse), path: full, text };
      this.byPath.set(full, brand);
    }
    return brand;
  }

  private nearest(folder: string): string | undefined {
    if (this.byFolder.has(folder)) return this.byFolder.get(folder);
    let found: string | undefined;
    for (const name of BRAND_FILE_NAMES) {
      const candidate = path.join(folder, name);
      if (fs.existsSync(candidate)) {
        found = candidate;
        break;
      }
    }
    if (!found) {
      const parent = path.dirname(folder);
      found = parent !== folder ? this.nearest(parent) : undefined;
    }
    this.byFolder.set(folder, found);
    return found;
  }
}

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
