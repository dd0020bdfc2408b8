// live: join/resume handshake, replies and pushes with patches, sequence numbers, loading and optimistic state.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { joined, server, page, until, of, fire, sleep } from './support.js'

const V = '<div dj-view=v dj-token=T>'

test('join carries token, CSRF (attribute or meta) and path over msgpack; no view or ack the first time', async () => {
  const s = await server()
  const w = await page('<div dj-view=counter dj-token=TOK>x</div>', s.port, { head: '<meta name=csrf-token content=C1>', path: '/counter/?q=1' })
  const [j] = await until(() => of(s, 'join').length && of(s, 'join'), 'join')
  assert.deepEqual(j, { type: 'join', ref: j.ref, token: 'TOK', csrf: 'C1', url: '/counter/?q=1' })
  assert.deepEqual(s.protocols, ['djust.msgpack.v1'])
  w.close()
  await s.close()
})

test('JSON text frames when the page asks (dj-json or window.djust.json)', async () => {
  for (const [body, opts] of [['<div dj-view=a dj-json dj-csrf=C2>', {}], ['<div dj-view=a dj-csrf=C2>', { json: true }]]) {
    const t = await joined(body + '<button dj-click=go>', opts)
    assert.deepEqual(t.s.protocols, ['djust.json.v1'])
    assert.equal(of(t.s, 'join')[0].csrf, 'C2')
    fire(t.w, t.$('button'), 'click')
    await until(() => of(t.s, 'event').length, 'event')
    t.s.send({ type: 'reply', ref: of(t.s, 'event')[0].ref, ok: true, seq: 1, patches: [[1, 1, 'class', 'done']] })
    await until(() => t.$('button').className == 'done', 'patch over JSON')
    await t.done()
  }
})

test('a reply applies its patches and clears loading, dj-loading targets and dj-disable-with', async () => {
  const t = await joined(V + '<form dj-submit=save><button dj-disable-with="Saving…">Save <b>now</b></button></form>' +
    '<p dj-loading>busy</p><p dj-loading=other id=o>other</p><span>0</span></div>')
  const button = t.$('button')
  const bold = t.$('b')
  t.$('form').dispatchEvent(new t.w.Event('submit', { bubbles: true, cancelable: true }))
  const [e] = await until(() => of(t.s, 'event').length && of(t.s, 'event'), 'event')
  assert.equal(t.$('form').className, 'dj-loading')
  assert.equal(t.$('[dj-loading]').className, 'dj-loading')
  assert.equal(t.$('#o').className, '')
  assert.equal(button.disabled, true)
  assert.equal(button.textContent, 'Saving…')
  // ids: 1 form, 2 button, 3 "Save ", 4 b, 5 "now", 6 p, 7 "busy", 8 p#o, 9 "other", 10 span, 11 "0"
  t.s.send({ type: 'reply', ref: e.ref, ok: true, seq: 1, patches: [[0, 11, '1'], [0, 5, 'later']] })
  await until(() => t.$('span').textContent == '1', 'patched')
  assert.equal(t.$('form').className, '')
  assert.equal(t.$('[dj-loading]').className, '')
  assert.equal(button.disabled, false)
  assert.equal(button.innerHTML, 'Save <b>later</b>')
  assert.equal(t.$('b'), bold, 'original nodes restored, so ids still address them')
  await t.done()
})

test('optimistic class toggles at once and is reconciled by the reply', async () => {
  const t = await joined(V + '<button dj-click=like dj-optimistic=liked>♥</button></div>')
  const b = t.$('button')
  fire(t.w, b, 'click')
  assert.equal(b.classList.contains('liked'), true)
  const [e1] = await until(() => of(t.s, 'event').length && of(t.s, 'event'), 'event')
  // The server agrees: its patch sets the class.
  t.s.send({ type: 'reply', ref: e1.ref, ok: true, seq: 1, patches: [[1, 1, 'class', 'liked']] })
  await until(() => !b.classList.contains('dj-loading'), 'reply 1')
  assert.equal(b.className, 'liked')
  // The server refuses the next toggle: no patch, so the optimistic change is undone.
  fire(t.w, b, 'click')
  assert.equal(b.classList.contains('liked'), false)
  await until(() => of(t.s, 'event').length == 2, 'event 2')
  t.s.send({ type: 'reply', ref: of(t.s, 'event')[1].ref, ok: true, seq: 2, patches: [] })
  await until(() => !b.classList.contains('dj-loading'), 'reply 2')
  assert.equal(b.className, 'liked')
  await t.done()
})

test('pushes apply in sequence; stale sequence numbers are ignored', async () => {
  const t = await joined(V + '<span>a</span></div>')
  t.s.send({ type: 'push', view: 'view-1', seq: 1, patches: [[0, 2, 'b']] })
  await until(() => t.$('span').textContent == 'b', 'push 1')
  t.s.send({ type: 'push', view: 'view-1', seq: 1, patches: [[0, 2, 'stale']] })
  t.s.send({ type: 'push', view: 'view-1', seq: 2, patches: [[0, 2, 'c']] })
  await until(() => t.$('span').textContent == 'c', 'push 2')
  assert.equal(t.w.djust.live.views[0].seq, 2)
  await t.done()
})

test('a join reply with html replaces the content and renumbers it', async () => {
  const s = await server()
  s.respond = m => m.type == 'join' && { type: 'reply', ref: m.ref, view: 'view-1', ok: true, seq: 5, html: '<ul><li>x</li></ul>' }
  const w = await page(V + '<span>old</span></div>', s.port)
  const root = w.document.querySelector('[dj-view]')
  await until(() => root.innerHTML == '<ul><li>x</li></ul>', 'fresh html')
  s.send({ type: 'push', view: 'view-1', seq: 6, patches: [[0, 3, 'y']] })
  await until(() => root.textContent == 'y', 'patch on renumbered tree')
  w.close()
  await s.close()
})

test('error replies clear loading state and raise dj:error on the root', async () => {
  const t = await joined(V + '<button dj-click=boom>x</button></div>')
  const errors = []
  t.root.addEventListener('dj:error', e => errors.push(e.detail))
  fire(t.w, t.$('button'), 'click')
  const [e] = await until(() => of(t.s, 'event').length && of(t.s, 'event'), 'event')
  t.s.send({ type: 'reply', ref: e.ref, view: 'view-1', ok: false, code: 'unknown_handler', message: 'no handler boom' })
  await until(() => errors.length, 'dj:error')
  assert.deepEqual(errors.map(e => ({ ...e })), [{ code: 'unknown_handler', message: 'no handler boom' }])
  assert.equal(t.$('button').className, '')
  t.s.send({ type: 'error', ref: 0, code: 'bad_field', message: 'x' })
  await until(() => errors.length == 2, 'second error')
  await t.done()
})

test('the focused input keeps what the user typed while events are in flight', async () => {
  const t = await joined(V + '<input dj-input=q value=""></div>')
  const input = t.$('input')
  input.focus()
  input.value = 'a'
  fire(t.w, input, 'input')
  input.value = 'ab'
  fire(t.w, input, 'input')
  await until(() => of(t.s, 'event').length == 2, 'two events')
  const [e1, e2] = of(t.s, 'event')
  // The reply to "a" arrives while "ab" is in flight: the field keeps "ab".
  t.s.send({ type: 'reply', ref: e1.ref, ok: true, seq: 1, patches: [[3, 1, 'value', 'a', 1]] })
  await until(() => input.getAttribute('value') == 'a', 'reply 1')
  assert.equal(input.value, 'ab')
  // The last reply, nothing typed since: the server's value (here: cleared) applies.
  t.s.send({ type: 'reply', ref: e2.ref, ok: true, seq: 2, patches: [[3, 1, 'value', '', 1]] })
  await until(() => input.getAttribute('value') == '', 'reply 2')
  assert.equal(input.value, '')
  await t.done()
})

test('a missing sequence number reconnects and resumes from the last applied one', async () => {
  const t = await joined(V + '<span>a</span></div>')
  t.s.send({ type: 'push', view: 'view-1', seq: 1, patches: [[0, 2, 'b']] })
  await until(() => t.$('span').textContent == 'b', 'push 1')
  t.s.send({ type: 'push', view: 'view-1', seq: 3, patches: [[0, 2, 'skipped a frame']] })
  await until(() => of(t.s, 'join').length == 2, 'rejoin')
  assert.equal(t.$('span').textContent, 'b')
  assert.deepEqual([of(t.s, 'join')[1].view, of(t.s, 'join')[1].ack], ['view-1', 1])
  await t.done()
})

test('a patch that does not fit the DOM rejoins afresh and takes the full render', async () => {
  const t = await joined(V + '<span>a</span></div>')
  const errors = []
  t.root.addEventListener('dj:error', e => errors.push(e.detail.code))
  t.s.respond = () => null
  t.s.send({ type: 'push', view: 'view-1', seq: 1, patches: [[0, 99, 'nowhere']] })
  await until(() => of(t.s, 'join').length == 2, 'rejoin')
  assert.deepEqual(errors, ['patch_failed'])
  const rejoin = of(t.s, 'join')[1]
  assert.equal(rejoin.view, undefined)
  assert.equal(rejoin.ack, undefined)
  t.s.send({ type: 'reply', ref: rejoin.ref, view: 'view-2', ok: true, seq: 0, html: '<span>fresh</span>' })
  await until(() => t.$('span').textContent == 'fresh', 'fresh render')
  t.s.send({ type: 'push', view: 'view-2', seq: 1, patches: [[0, 2, 'and on']] })
  await until(() => t.$('span').textContent == 'and on', 'patches after the fresh render')
  await t.done()
})
