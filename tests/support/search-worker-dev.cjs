/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS worker entry: tsx's loader first, then the worker's TypeScript source */
// The search worker from its TypeScript source, for tests and benchmarks (tsx).
require('tsx/cjs')
require('../../src/main/search/search-worker.ts')
