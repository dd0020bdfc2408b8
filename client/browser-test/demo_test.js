// The real demo server ($DJUST_BUILD_DIR/bin/djust-demo) in Chromium: counter, search, todo, dashboard, reconnect,
// and two visitors (separate browser contexts, so separate sessions) in the chat room and on the cursors board.
// Skips with a message while the binary does not exist.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createServer } from 'node:net'
import { launch, until, no_browser } from './support.js'

const build = process.env.DJUST_BUILD_DIR || new URL('../../build', import.meta.url).pathname
const DEMO = build + '/bin/djust-demo'
const skip = no_browser || (!existsSync(DEMO) && `no demo server at ${DEMO} yet (set DJUST_BUILD_DIR to a build with djust-demo)`)
const opts = { skip, timeout: 60000 }

let demo, browser, base, page
const free_port = () => new Promise(r => { const s = createServer().listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => r(p)) }) })

before(async () => {
  if (skip) return
  const port = await free_port()
  base = `http://127.0.0.1:${port}`
  demo = spawn(DEMO, ['--host', '127.0.0.1', '--port', String(port)], { stdio: 'inherit' })
  await until(() => fetch(base + '/counter/').then(r => r.ok, () => false), 'demo server', 20000)
  browser = await launch()
})
after(async () => { await browser?.close(); demo?.kill() })

// Opens `path` in a new page of `context` and waits until the script has joined its view.
const open_in = async (context, path) => {
  const p = await context.newPage()
  await p.goto(base + path)
  await p.waitForSelector('[dj-view].dj-connected')
  await until(() => p.evaluate(() => window.djust.live.views.every(v => v.vid)), 'joined ' + path)
  return p
}
const open = async path => {
  await page?.close()
  page = await open_in(browser, path)
}
// Another visitor: a fresh browser context (its own cookies, so its own session).
const visitor = async path => {
  const context = await browser.newContext()
  return { context, page: await open_in(context, path) }
}
const root_text = () => page.textContent('[dj-view]')
const numbers = async () => (await root_text()).match(/-?\d+/g)?.map(Number) || []

test('the page loads the served client script', opts, async () => {
  await open('/counter/')
  assert.ok(await page.evaluate(() => [...document.scripts].some(s => s.src.endsWith('/static/djust/client.js'))))
})

test('counter: a click changes the count, and the state survives a killed socket', opts, async () => {
  await open('/counter/')
  const inc = page.locator('[dj-click*=inc]').first()
  const before = await numbers()
  await inc.click()
  await until(async () => String(await numbers()) != String(before), 'count changed')
  await inc.click()
  await until(async () => String(await numbers()) != String(before), 'count changed twice')
  const counted = await root_text()
  await page.evaluate(() => window.djust.live.socket.close())
  await page.waitForSelector('[dj-view]:not(.dj-connected)')
  await page.waitForSelector('[dj-view].dj-connected')
  assert.equal(await root_text(), counted, 'state intact after reconnect')
  await inc.click()
  await until(async () => (await root_text()) != counted, 'counts on after reconnect')
})

test('search: typing narrows the results', opts, async () => {
  await open('/search/')
  const rows = () => page.locator('[dj-view] li, [dj-view] tbody tr').count()
  const all = await rows()
  const input = page.locator('[dj-view] input').first()
  await input.click()
  await input.pressSequentially('zzzz-no-match', { delay: 30 })
  await until(async () => (await rows()) < all, 'fewer results')
  assert.equal(await input.inputValue(), 'zzzz-no-match', 'typed text kept')
})

test('todo: add and delete items', opts, async () => {
  await open('/todo/')
  const item = 'buy milk ' + Date.now()
  const input = page.locator('[dj-view] form input[type=text], [dj-view] form input:not([type])').first()
  await input.click()
  await input.pressSequentially(item)
  await input.press('Enter')
  await until(async () => (await root_text()).includes(item), 'item added')
  const row = page.locator('[dj-view] li, [dj-view] tr', { hasText: item }).first()
  await row.locator('[dj-click*=del], [dj-click*=remove]').first().click()
  await until(async () => !(await root_text()).includes(item), 'item deleted')
})

test('dashboard: ticks by itself', opts, async () => {
  await open('/dashboard/')
  const first = await root_text()
  await until(async () => (await root_text()) != first, 'a server push', 10000)
})

test('chat: who is online, typing, messages, and a visitor leaving', opts, async () => {
  const a = await visitor('/chat/'), b = await visitor('/chat/')
  const text = p => p.textContent('[dj-view]')
  const count = async p => Number(await p.textContent('.online-count'))
  await until(async () => (await count(a.page)) >= 2 && (await count(b.page)) >= 2, 'both online')
  const b_name = await b.page.inputValue('.rename input')
  await until(async () => (await text(a.page)).includes(b_name), "b's name in a's list")

  const compose = b.page.locator('.compose input')
  await compose.click()
  await compose.pressSequentially('hello', { delay: 20 })
  await until(async () => (await a.page.textContent('.typing')).includes(b_name + ' is typing'), 'typing indicator')
  await compose.press('Enter')
  await until(async () => (await a.page.textContent('.messages')).includes(b_name + ' hello'), 'message reached a')
  await until(async () => (await compose.inputValue()) == '', "b's field cleared after sending")
  await until(async () => !(await a.page.textContent('.typing')).includes(b_name), 'typing cleared by the message')

  const online = await count(a.page)
  await b.context.close()
  await until(async () => (await count(a.page)) == online - 1, 'b left', 10000)
  await a.context.close()
})

test('cursors: a pointer moving on one page shows on the other, and goes when it leaves', opts, async () => {
  const a = await visitor('/cursors/'), b = await visitor('/cursors/')
  const a_id = (await a.page.textContent('[dj-view] p:last-of-type b')).trim()
  const box = await a.page.locator('.board').boundingBox()
  for (let i = 0; i < 5; i++) await a.page.mouse.move(box.x + 100 + i * 20, box.y + 80 + i * 10)
  const cursor = b.page.locator(`.cursor[data-id="${a_id}"]`)
  await until(async () => (await cursor.count()) == 1, "a's cursor on b's board")
  await until(async () => (await cursor.getAttribute('style')).includes('left:180px'), 'latest position', 5000)
  assert.equal(await a.page.locator(`.cursor[data-id="${a_id}"]`).count(), 0, 'no own cursor')
  await a.context.close()
  await until(async () => (await cursor.count()) == 0, "a's cursor gone", 10000)
  await b.context.close()
})
