/** Mocha 12 is an ES module; its CommonJS build sits beside it, and require(esm) is not in every Node an extension host runs on. */
import type MochaType from 'mocha';

export function loadMocha(): typeof MochaType {
  try {
    return require('mocha/lib/mocha.cjs');
  } catch {
    return require('mocha');
  }
}
