// The minified script in real Chromium against a scripted WebSocket server: real clicks and typing,
// debounce, loading states, focus and caret under patches, hooks, redirect, JSON frames, reconnect.
import { test, before, after, beforeEach } from 'node:test'
import assert from 'node:assert/strict'
import { launch, serve, live_page, until, sleep, no_browser } from './support.js'

let browser, s, page
const opts = { skip: no_browser }
const open = async (body, options) => {
  s.page('t', live_page(body, options))
  page = await browser.newPage()
  await page.goto(s.url + '/page/t')
  await until(() => page.evaluate(() => window.djust.live?.views.every(v => v.vid)), 'join reply')
}
const text = sel => page.textContent(sel)
const cls = sel => page.getAttribute(sel, 'class')

before(async () => { if (!no_browser) browser = await launch() })
after(async () => { await browser?.close(); await s?.close() })
beforeEach(async () => { await page?.close(); await s?.close(); s = no_browser ? null : await serve() })

test('click: event up, loading class while in flight, reply patches down', opts, async () => {
  await open('<div dj-view dj-token=T><button dj-click=inc dj-value-by=1>+</button><span>0</span><p dj-loading>…</p></div>')
  let release
  s.respond = (m, send) => m.type == 'join'
    ? send({ type: 'reply', ref: m.ref, view: 'v1', ok: true })
    : (release = () => send({ type: 'reply', ref: m.ref, view: 'v1', ok: true, seq: 1, patches: [[0, 4, '1']] }))
  await page.click('button')
  await until(() => release, 'event')
  assert.deepEqual(s.of('event')[0].params, { by: '1' })
  assert.equal(await cls('button'), 'dj-loading')
  assert.equal(await cls('p'), 'dj-loading')
  release()
  await until(async () => (await text('span')) == '1', 'patch')
  assert.equal(await cls('button'), '')
  assert.equal(await cls('p'), '')
})

test('typing with dj-debounce sends one event with the whole word', opts, async () => {
  await open('<div dj-view dj-token=T><input dj-input=search dj-debounce=500><ul></ul></div>')
  await page.click('input')
  await page.keyboard.type('milk', { delay: 20 })
  await until(() => s.of('event').length, 'debounced event')
  await sleep(600)
  assert.deepEqual(s.of('event').map(e => e.params.value), ['milk'])
})

test('the focused input keeps value, caret and selection while patches arrive', opts, async () => {
  // ids: 1 p, 2 "0", 3 input, 4 b
  await open('<div dj-view dj-token=T><p>0</p><input dj-input=q value=""><b>x</b></div>')
  let seq = 0
  // The server echoes each value late, as a keep_focused prop patch, and counts events in the p.
  s.respond = (m, send) => m.type == 'join' ? send({ type: 'reply', ref: m.ref, view: 'v1', ok: true })
    : setTimeout(() => send({ type: 'reply', ref: m.ref, view: 'v1', ok: true, seq: ++seq,
      patches: [[3, 3, 'value', m.params.value, 1], [0, 2, String(seq)]] }), 40)
  await page.click('input')
  await page.keyboard.type('abcdef', { delay: 15 })
  await until(async () => (await text('p')) == '6', 'all replies')
  assert.equal(await page.inputValue('input'), 'abcdef')
  // Select "cd", then a push moves the input before the p and changes text around it.
  await page.evaluate(() => document.querySelector('input').setSelectionRange(2, 4))
  s.send({ type: 'push', view: 'v1', seq: ++seq, patches: [[7, 3, 1], [0, 2, 'moved'], [1, 4, 'class', 'x']] })
  await until(async () => (await text('p')) == 'moved', 'push')
  const state = await page.evaluate(() => {
    const i = document.querySelector('input')
    return [document.activeElement == i, i.selectionStart, i.selectionEnd, i.nextSibling.tagName]
  })
  assert.deepEqual(state, [true, 2, 4, 'P'])
  await page.keyboard.type('Z')
  assert.equal(await page.inputValue('input'), 'abZef')
})

test('a submit clears the field when the server says so and nothing was typed since', opts, async () => {
  // ids: 1 form, 2 input, 3 button, 4 "Add", 5 ul
  await open('<div dj-view dj-token=T><form dj-submit=add><input name=title value=""><button dj-disable-with="Adding…">Add</button></form><ul></ul></div>')
  let release
  s.respond = (m, send) => m.type == 'join' ? send({ type: 'reply', ref: m.ref, view: 'v1', ok: true })
    : (release = () => send({ type: 'reply', ref: m.ref, view: 'v1', ok: true, seq: 1,
      patches: [[3, 2, 'value', '', 1], [5, 5, 0, 6, `<li>${m.params.title}</li>`]] }))
  await page.click('input')
  await page.keyboard.type('eggs')
  await page.keyboard.press('Enter')
  await until(() => release, 'submit')
  assert.deepEqual(s.of('event')[0].params, { title: 'eggs' })
  assert.equal(await text('button'), 'Adding…')
  assert.equal(await page.isDisabled('button'), true)
  release()
  await until(async () => (await text('ul')) == 'eggs', 'row inserted')
  assert.equal(await page.inputValue('input'), '')
  assert.equal(await text('button'), 'Add')
  assert.equal(await page.isDisabled('button'), false)
  assert.equal(page.url(), s.url + '/page/t', 'no real form submission')
})

test('key bindings with filters, element and window level', opts, async () => {
  await open('<div dj-view dj-token=T><input dj-keyup=k dj-key=Enter><div dj-window-keydown=esc dj-key=Escape></div></div>')
  await page.click('input')
  await page.keyboard.type('ab')
  await page.keyboard.press('Enter')
  await page.keyboard.press('Escape')
  await until(() => s.of('event').length == 2, 'events')
  assert.deepEqual(s.of('event').map(e => [e.handler, e.params.key]), [['k', 'Enter'], ['esc', 'Escape']])
})

test('throttled clicks: one at once, one trailing', opts, async () => {
  await open('<div dj-view dj-token=T><button dj-click=t dj-throttle=300>t</button></div>')
  // Five clicks inside one task (Playwright's own clicks are slower than the window).
  await page.evaluate(() => { for (let i = 0; i < 5; i++) document.querySelector('button').click() })
  await until(() => s.of('event').length == 2, 'trailing event')
  await sleep(400)
  assert.equal(s.of('event').length, 2)
})

test('hooks: mounted on load, pushed events, destroyed on removal', opts, async () => {
  s.page('t', live_page('<div dj-view dj-token=T><canvas id=c dj-hook=Chart></canvas></div>').replace('<script src=',
    `<script>window.djust.hooks = { Chart: { mounted() { this.el.dataset.m = 1; this.handleEvent('pts', p => this.el.dataset.pts = p.join()) },
      destroyed() { document.body.dataset.gone = 1 } } }</script><script src=`))
  page = await browser.newPage()
  await page.goto(s.url + '/page/t')
  await until(() => s.of('join').length, 'join')
  assert.equal(await page.getAttribute('#c', 'data-m'), '1')
  await until(() => page.evaluate(() => window.djust.live.views[0].vid), 'joined')
  s.send({ type: 'push', view: 'v1', seq: 1, patches: [], events: [['pts', [1, 2, 3]]] })
  await until(async () => (await page.getAttribute('#c', 'data-pts')) == '1,2,3', 'event delivered')
  s.send({ type: 'push', view: 'v1', seq: 2, patches: [[6, 1]] })
  await until(() => page.evaluate(() => document.body.dataset.gone), 'destroyed')
})

test('JSON frames when asked', opts, async () => {
  await open('<div dj-view dj-token=T><button dj-click=go>go</button></div>', { json: true })
  assert.equal(s.sockets[0].protocol, 'djust.json.v1')
  await page.click('button')
  await until(() => s.of('event').length, 'event')
})

test('redirect navigates the page', opts, async () => {
  s.page('other', '<!doctype html><title>other</title>')
  await open('<div dj-view dj-token=T></div>')
  s.send({ type: 'redirect', ref: 0, view: 'v1', to: '/page/other' })
  await page.waitForURL(s.url + '/page/other')
})

test('killing the socket shows the status class, reconnects, rejoins and resumes', opts, async () => {
  await open('<div dj-view dj-token=T><span>0</span></div>')
  assert.equal(await cls('[dj-view]'), 'dj-connected')
  s.send({ type: 'push', view: 'v1', seq: 1, patches: [[0, 2, '1']] })
  await until(async () => (await text('span')) == '1', 'push')
  let replies = 0
  s.respond = (m, send) => m.type == 'join' && send({ type: 'reply', ref: m.ref, view: 'v1', ok: true,
    seq: m.ack + 1, patches: [[0, 2, 'resumed ' + m.ack + ' ' + ++replies]] })
  // Record every status class the root goes through.
  await page.evaluate(() => {
    const root = document.querySelector('[dj-view]')
    window.seen = []
    new MutationObserver(() => window.seen.push(root.className)).observe(root, { attributes: true })
  })
  s.drop()
  await until(async () => (await text('span')) == 'resumed 1 1', 'resumed')
  const seen = await page.evaluate(() => window.seen)
  assert.deepEqual(seen.slice(0, 3), ['dj-disconnected', 'dj-connecting', 'dj-connected'])
  const rejoin = s.of('join')[1]
  assert.deepEqual([rejoin.view, rejoin.ack, rejoin.token, rejoin.csrf], ['v1', 1, 'T', 'CSRF'])
  assert.equal(await cls('[dj-view]'), 'dj-connected')
})

test('dj-change on a select, dj-focus/dj-blur, and dj-debounce=blur with real typing and Tab', opts, async () => {
  await open('<div dj-view dj-token=T><select dj-change=pick><option>a</option><option>b</option></select>' +
    '<input id=f dj-focus=in dj-blur=out><input id=d dj-input=typed dj-debounce=blur><input id=z></div>')
  await page.selectOption('select', 'b')
  await page.click('#f')
  await page.click('#d')
  await page.keyboard.type('xyz')
  await page.keyboard.press('Tab')
  await until(() => s.of('event').length == 4, 'four events')
  assert.deepEqual(s.of('event').map(e => [e.handler, e.params.value]), [['pick', 'b'], ['in', ''], ['out', ''], ['typed', 'xyz']])
})

test('optimistic class: shown at once, kept when the server agrees, undone when it does not', opts, async () => {
  await open('<div dj-view dj-token=T><button dj-click=star dj-optimistic=on>★</button></div>')
  const replies = []
  s.respond = (m, send) => m.type == 'join' ? send({ type: 'reply', ref: m.ref, view: 'v1', ok: true }) : replies.push(m)
  await page.click('button')
  assert.equal(await cls('button'), 'dj-loading on')
  await until(() => replies.length == 1, 'event 1')
  s.send({ type: 'reply', ref: replies[0].ref, view: 'v1', ok: true, seq: 1, patches: [[1, 1, 'class', 'on']] })
  await until(async () => (await cls('button')) == 'on', 'server agrees')
  await page.click('button')
  assert.equal(await cls('button'), 'dj-loading')
  await until(() => replies.length == 2, 'event 2')
  s.send({ type: 'reply', ref: replies[1].ref, view: 'v1', ok: false, code: 'handler_failed', message: 'no' })
  await until(async () => (await cls('button')) == 'on', 'toggle undone')
})

test('hook updated() runs when a patch touches its subtree', opts, async () => {
  s.page('t', live_page('<div dj-view dj-token=T><div id=h dj-hook=Count><b>0</b></div><i>x</i></div>').replace('<script src=',
    `<script>window.djust.hooks = { Count: { updated() { this.el.dataset.n = (+this.el.dataset.n || 0) + 1 } } }</script><script src=`))
  page = await browser.newPage()
  await page.goto(s.url + '/page/t')
  await until(() => page.evaluate(() => window.djust.live?.views[0].vid), 'joined')
  // ids: 1 div#h, 2 b, 3 "0", 4 i, 5 "x"
  s.send({ type: 'push', view: 'v1', seq: 1, patches: [[0, 5, 'outside']] })
  s.send({ type: 'push', view: 'v1', seq: 2, patches: [[0, 3, '1']] })
  await until(async () => (await text('b')) == '1', 'patched')
  assert.equal(await page.getAttribute('#h', 'data-n'), '1')
})
