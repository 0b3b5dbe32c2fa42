/**
 * Finding and loading brand files for the CLI: `--brand FILE` for every document, or the nearest
 * brand-messaging.yaml / .yml walking up from each document's folder. Each brand file is read and
 * parsed once per run.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadBrand, type LoadedBrand } from '../core/index';
import { BRAND_FILE_NAMES } from '../protocol';

export interface BrandFile extends LoadedBrand {
  path: string;
  text: string;
}

export class BrandFiles {
  private readonly byPath = new Map<string, BrandFile>();
  private readonly byFolder = new Map<string, string | undefined>();

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
      brand = { ...loadBrand(text), path: full, text };
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
