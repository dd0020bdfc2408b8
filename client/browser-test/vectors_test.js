// Replays tests/vectors/*.jsonl in real Chromium: the patched DOM equals the vector's html and what
// Chromium itself builds from the new markup (so vdom/'s parser and the browser agree on node ids).
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { launch, serve, no_browser } from './support.js'
import { load_vectors } from '../test/vectors_test.js'

const vectors = load_vectors()
let browser, server, page

before(async () => {
  if (no_browser) return
  browser = await launch()
  server = await serve()
  page = await browser.newPage()
  await page.goto(server.url + '/browser-test/fixtures/vectors.html')
  await page.waitForFunction(() => window.ready)
})
after(async () => { await browser?.close(); await server?.close() })

test('shared vectors exist', { skip: no_browser || (!vectors.length && 'no tests/vectors/*.jsonl yet') }, () => {
  assert.ok(vectors.length > 0)
})

for (const v of vectors) {
  test(`chromium vector ${v.file}:${v.name}`, { skip: no_browser }, async () => {
    const [patched, canonical, fresh] = await page.evaluate(([o, n, p]) => window.replay(o, n, p), [v.old, v.new, v.patches])
    assert.equal(patched, v.html, 'patched DOM vs the vector html')
    assert.equal(canonical, fresh, 'patched DOM vs Chromium parsing the new html (attributes sorted)')
  })
}
