// What the in-process benches call, bundled by bench/run.mjs (esbuild) from the engine's sources.
export { check, loadBrand } from '../server/src/core/index';
export { parseBrand } from '../server/src/core/brand/parse';
export { selfTest } from '../server/src/core/brand/selftest';
export { parseMarkdown, parseProse } from '../server/src/core/markdown/prose';
