// The engine's parse of a set of files, cold, in fresh processes: one process for all of them, or one
// process per core each taking a share, at once. It measures what threads can give the CLI's work on this
// machine right now, which a pure CPU loop (spin.cjs) overstates: a cold parse also keeps V8's compiler
// and collector threads busy, and each new thread warms the parser up again.
//
//   node bench/parse-split.mjs ENGINE LIST   (child: parses the files listed, one path per line, with the
//                                             engine bundle's parseMarkdown, and exits)
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import { run } from './lib.mjs';

/**
 * The yardstick of check ÷ parse: remark-parse with remark-gfm and remark-frontmatter, GitHub Flavored
 * Markdown as remark reads it (and as textlint does). The engine ran exactly this parse until it left out
 * remark-gfm's literal autolinks (server/src/core/markdown/gfm.ts); the bench keeps the yardstick fixed and
 * reports the engine's own, lighter parse beside it (parseMarkdown of the engine bundle).
 */
export function remarkGfmParse() {
  return unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm);
}

const SELF = fileURLToPath(import.meta.url);

/**
 * Wall time (ms) of `processes` fresh processes at once, each parsing every processes-th file with the
 * engine bundle's parse (`engine`, a path); 0 files: start-up and loading the bundle only.
 */
export async function parseSplit(engine, files, processes) {
  const lists = Array.from({ length: processes }, (_, k) => {
    const list = path.join(os.tmpdir(), `on-message-parse-split-${process.pid}-${k}`);
    fs.writeFileSync(list, files.filter((_, i) => i % processes === k).join('\n'));
    return list;
  });
  const t = performance.now();
  const runs = await Promise.all(lists.map((list) => run(process.execPath, [SELF, engine, list])));
  const ms = performance.now() - t;
  for (const list of lists) fs.rmSync(list, { force: true });
  const failed = runs.find((r) => r.code !== 0);
  if (failed) throw new Error(`parse-split child failed (${failed.code}): ${failed.stderr.slice(0, 500)}`);
  return ms;
}

if (process.argv[1] === SELF) {
  const { parseMarkdown } = createRequire(import.meta.url)(process.argv[2]);
  const files = fs.readFileSync(process.argv[3], 'utf8').split('\n').filter(Boolean);
  for (const file of files) parseMarkdown(fs.readFileSync(file, 'utf8'));
}
