// Regenerates the per-rule entries of the `onMessage.severity` setting in package.json from the rule
// registry, so settings completion lists every rule with its description. Run after adding a rule:
//   npm run sync-manifest        (test/lsp/settings.test.ts fails until the manifest agrees)
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { rules } = require('../out/server/src/core/index.js');
const url = new URL('../package.json', import.meta.url);
const manifest = JSON.parse(readFileSync(url, 'utf8'));
const setting = manifest.contributes.configuration.properties['onMessage.severity'];
setting.properties = Object.fromEntries(
  rules.map((rule) => [rule.id, { type: 'string', enum: ['error', 'warning', 'info', 'off'], description: rule.description }]),
);
writeFileSync(url, JSON.stringify(manifest, null, 2) + '\n');
console.log(`onMessage.severity now lists ${rules.length} rules.`);
