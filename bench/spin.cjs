// How much parallelism the machine gives right now: a pure CPU loop on one thread, then on one thread
// per core at once. On a shared machine whose cores other work keeps busy, threads add little.
'use strict';
const { Worker, isMainThread, parentPort } = require('node:worker_threads');

function spin() {
  let x = 0;
  const t = performance.now();
  for (let i = 0; i < 2e8; i++) x = (x * 31 + i) | 0;
  return x === 0.5 ? 0 : performance.now() - t;
}

if (!isMainThread) parentPort.postMessage(spin());

/** Wall time (ms) for `threads` threads each doing the same loop at once. */
function together(threads) {
  const t = performance.now();
  return Promise.all(
    Array.from({ length: threads }, () => new Promise((resolve, reject) => {
      const w = new Worker(__filename);
      w.once('message', () => resolve(w.terminate()));
      w.once('error', reject);
    })),
  ).then(() => performance.now() - t);
}

module.exports = { together };
