// The command line as it would run if every rule cost nothing: the real entry point, bundled with an empty
// rule registry. Everything else is the product's own code: start-up, the brand file's load and self-tests
// (which keep the real rule ids), the file walk, the worker threads, the parse, the prose model, the shared
// analysis and the output. The peer bench runs it against textlint to measure what bounds the peer ratio.
import * as esbuild from 'esbuild';
import * as path from 'node:path';
import { ROOT } from './lib.mjs';
import { nodeBundle } from '../esbuild.shared.mjs';

/** Bundles the floor CLI to `outfile` and returns that path. */
export async function buildFloorCli(outfile) {
  await esbuild.build({
    entryPoints: [path.join(ROOT, 'server', 'src', 'cli', 'main.ts')],
    ...nodeBundle,
    outfile,
    define: { ON_MESSAGE_VERSION: JSON.stringify('bench-no-rules') },
    plugins: [
      {
        name: 'no-rules',
        setup(build) {
          // Only the check's registry: the brand file's self-tests still know every rule id.
          build.onResolve({ filter: /[\\/]rules[\\/]index$/ }, (args) => (/[\\/]core[\\/]check\.ts$/.test(args.importer) ? { path: 'no-rules', namespace: 'bench-floor' } : undefined));
          build.onLoad({ filter: /.*/, namespace: 'bench-floor' }, () => ({ contents: 'export const rules = [];', loader: 'ts' }));
        },
      },
    ],
  });
  return outfile;
}
