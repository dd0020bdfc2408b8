// Size budget: the minified bundle is at most 5,120 bytes gzipped, and dist/djust.min.js is the current build.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { bundle, DIST } from '../build.mjs'

export const BUDGET = 5120

test('gzipped minified script fits the 5 KB budget', async () => {
  const size = gzipSync(await bundle(), { level: 9 }).length
  assert.ok(size <= BUDGET, `djust.min.js is ${size} bytes gzipped, over the ${BUDGET}-byte budget`)
})

test('committed dist/djust.min.js matches the sources (run npm run build)', async () => {
  assert.equal(readFileSync(DIST, 'utf8'), await bundle(), 'dist/djust.min.js is stale: run `npm run build` in client/')
})
