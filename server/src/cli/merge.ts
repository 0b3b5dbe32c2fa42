/**
 * Sharded reports. `report --shard i/n --format json` writes the report of shard i's documents plus a
 * `shard` member that carries what a merge needs and the report alone does not: the per-document facts
 * (every figure, spelling, claim use, tagline, boilerplate and suppression, with locations) and the brand
 * file's text. `report --merge a.json b.json …` checks that the files are the n shards of one run (same
 * report version, date, brand file and brand text; each shard once; no document twice) and assembles the
 * report from all their facts, exactly as one unsharded run would: cross-document conflicts, the census,
 * the ledger, the health and the score need every document, so they are recomputed, never added up.
 *
 *   { …the shard's own WorkspaceReport…,
 *     shard: { index, count, brandText, facts: [DocumentFacts, …] } }
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { assembleReport, loadBrand, REPORT_VERSION, type DocumentFacts, type WorkspaceReport } from '../core/index';
import type { Shard } from './shard';

export interface ShardData extends Shard {
  brandText: string;
  facts: DocumentFacts[];
}

export type ShardReport = WorkspaceReport & { shard: ShardData };

export function withShard(report: WorkspaceReport, shard: Shard, brandText: string, facts: readonly DocumentFacts[]): ShardReport {
  return { ...report, shard: { index: shard.index, count: shard.count, brandText, facts: [...facts].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)) } };
}

/** Why the shard files cannot be merged: a message for the user. */
export class MergeError extends Error {}

/** The merged report of the shard files (paths relative to `cwd`). */
export function mergeShardFiles(files: readonly string[], cwd: string): WorkspaceReport {
  if (files.length === 0) throw new MergeError('--merge needs the shard files: report --merge shard-1.json shard-2.json …');
  const shards = files.map((file) => ({ file, data: readShard(path.resolve(cwd, file), file) }));
  const first = shards[0].data;
  for (const { file, data } of shards.slice(1)) {
    const differs = (what: string, a: unknown, b: unknown): void => {
      if (a !== b) throw new MergeError(`${file} is not a shard of the same run as ${shards[0].file}: its ${what} is ${JSON.stringify(b)}, not ${JSON.stringify(a)}.`);
    };
    differs('report version', first.version, data.version);
    differs('date (--today)', first.today, data.today);
    differs('brand file', first.brandFile ?? null, data.brandFile ?? null);
    differs('shard count', first.shard.count, data.shard.count);
    if (data.shard.brandText !== first.shard.brandText) throw new MergeError(`${file} was checked against another version of ${first.brandFile ?? 'the brand file'} than ${shards[0].file}.`);
  }
  const count = first.shard.count;
  const byIndex = new Map<number, string>();
  for (const { file, data } of shards) {
    const other = byIndex.get(data.shard.index);
    if (other) throw new MergeError(`${other} and ${file} are both shard ${data.shard.index}/${count}.`);
    byIndex.set(data.shard.index, file);
  }
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !byIndex.has(i));
  if (missing.length > 0) throw new MergeError(`Shard${missing.length > 1 ? 's' : ''} ${missing.map((i) => `${i}/${count}`).join(', ')} missing: merge all ${count} shards of the run.`);
  const seen = new Map<string, string>();
  for (const { file, data } of shards) {
    for (const d of data.shard.facts) {
      const other = seen.get(d.path);
      if (other) throw new MergeError(`${d.path} is in both ${other} and ${file}.`);
      seen.set(d.path, file);
    }
  }
  const loaded = loadBrand(first.shard.brandText);
  if (!loaded.usable) throw new MergeError(`The brand file in ${shards[0].file} cannot be used as a brand file.`);
  return assembleReport(
    shards.flatMap((s) => s.data.shard.facts),
    loaded,
    { today: first.today, ...(first.brandFile !== undefined ? { brandPath: first.brandFile } : {}), brandText: first.shard.brandText },
  );
}

function readShard(full: string, file: string): ShardReport {
  let data: unknown;
  try {
    data = JSON.parse(fs.readFileSync(full, 'utf8'));
  } catch (error) {
    throw new MergeError(`cannot read ${file}: ${(error as Error).message}`);
  }
  const r = data as Partial<ShardReport> | null;
  if (!r || typeof r !== 'object' || typeof r.shard !== 'object' || r.shard === null || !Array.isArray(r.shard.facts) || typeof r.shard.brandText !== 'string') {
    throw new MergeError(`${file} is not a shard report: write each shard with report --shard i/n --format json.`);
  }
  if (r.version !== REPORT_VERSION) throw new MergeError(`${file} has report version ${JSON.stringify(r.version)}; this on-message reads version ${REPORT_VERSION}.`);
  return r as ShardReport;
}
