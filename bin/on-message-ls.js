#!/usr/bin/env node
'use strict';
// The On Message language server for any LSP client (Neovim, Helix, Zed, Sublime LSP, …):
//   on-message-ls --stdio          (the default when no transport is named)
//   on-message-ls --node-ipc | --socket=PORT | --pipe=NAME
const args = process.argv.slice(2);
if (args.includes('--version') || args.includes('-v')) {
  process.stdout.write(require('../package.json').version + '\n');
} else if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(
    'Usage: on-message-ls [--stdio | --node-ipc | --socket=PORT | --pipe=NAME]\n\n' +
      'The On Message language server: checks Markdown against brand-messaging.yaml in any LSP client.\n' +
      'Speaks LSP over standard input and output unless another transport is named.\n',
  );
} else {
  if (!args.some((a) => /^--(stdio|node-ipc|socket|pipe)\b/.test(a))) process.argv.push('--stdio');
  require('../dist/server.js');
}
