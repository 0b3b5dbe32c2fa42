// Bundles the three entry points. The client runs in the VS Code extension host (vscode is provided
// there); the server and the CLI are self-contained Node programs.
import * as esbuild from 'esbuild';
import { readFileSync } from 'node:fs';
import { nodeBundle } from './esbuild.shared.mjs';

const production = process.argv.includes('--production');
const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

const common = {
  ...nodeBundle,
  sourcemap: !production,
  minify: production,
  define: { ON_MESSAGE_VERSION: JSON.stringify(version) },
};

// VS Code for the Web: the client runs in the browser extension host, the server in a web worker. No
// Node API may reach these bundles (test/web/bundle.test.ts scans them): packages resolve to their
// `browser` builds, and anything that still asks for a Node built-in fails the build.
const web = {
  ...common,
  platform: 'browser',
  target: 'es2022',
  mainFields: ['browser', 'module', 'main'],
  // A web worker has no DOM: packages' `worker` builds win over their `browser` (DOM) builds.
  conditions: ['worker', 'browser'],
  plugins: [noNodeBuiltins()],
};

await Promise.all([
  esbuild.build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
  esbuild.build({ ...common, entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.js' }),
  esbuild.build({ ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js' }),
  esbuild.build({ ...web, entryPoints: ['client/src/web/extension.ts'], outfile: 'dist/web/extension.js', format: 'cjs', external: ['vscode'] }),
  esbuild.build({ ...web, entryPoints: ['server/src/web/main.ts'], outfile: 'dist/web/server.js', format: 'iife' }),
]);

/** Fails the build on any import of a Node built-in (`fs`, `node:path`, …) in a web bundle. */
function noNodeBuiltins() {
  return {
    name: 'no-node-builtins',
    setup(build) {
      const builtins = new Set(['assert', 'buffer', 'child_process', 'crypto', 'events', 'fs', 'http', 'https', 'net', 'os', 'path', 'process', 'stream', 'tty', 'url', 'util', 'worker_threads', 'zlib']);
      build.onResolve({ filter: /^(node:|[a-z_]+$)/ }, (args) => {
        const name = args.path.replace(/^node:/, '');
        if (args.path.startsWith('node:') || builtins.has(name)) {
          return { errors: [{ text: `'${args.path}' is a Node built-in, imported by ${args.importer}: the web bundles must not use Node APIs.` }] };
        }
        return undefined;
      });
    },
  };
}
