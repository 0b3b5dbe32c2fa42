// Loaded with `node --require` into a measured child: writes the process's peak resident set size (KB,
// every thread included) to $ON_MESSAGE_RSS_FILE when it exits.
'use strict';
const fs = require('node:fs');
const file = process.env.ON_MESSAGE_RSS_FILE;
if (file) {
  process.on('exit', () => {
    try {
      fs.writeFileSync(file, String(process.resourceUsage().maxRSS));
    } catch {
      // Nothing to report to.
    }
  });
}
