// The bundle options every Node bundle of the engine shares: the product's (esbuild.mjs) and the
// benchmark's (bench/), so that the bench measures the code the product ships.
export const nodeBundle = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  logLevel: 'warning',
  // esbuild 0.28 rewrites a regex literal with \p{…} into `new RegExp(…)` where it stands, for node20 and
  // es2022 alike, so a literal inside a function was compiled again on every call (found profiling the 5 KB
  // press release's check). Node 20 and every browser VS Code for the Web runs in read them as literals.
  supported: { 'regexp-unicode-property-escapes': true },
};
