// Event bindings through a real WebSocket: each dj-* binding, key filters, window keys, debounce, throttle.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { joined, until, of, fire, sleep } from './support.js'

const V = '<div dj-view=v dj-token=T>'

test('dj-click sends the handler and dj-value-* params', async () => {
  const t = await joined(V + '<div dj-click=select dj-value-id=7 dj-value-kind=row><b>inner</b></div></div>')
  fire(t.w, t.$('b'), 'click')
  const [e] = await until(() => of(t.s, 'event').length && of(t.s, 'event'), 'event')
  assert.deepEqual(e, { type: 'event', ref: e.ref, view: 'view-1', handler: 'select', params: { id: '7', kind: 'row' }, ack: 0 })
  await t.done()
})

test('dj-input and dj-change send the value; checkboxes send checked', async () => {
  const t = await joined(V + '<input dj-input=search value=ab><select dj-change=pick><option>x</option><option selected>y</option></select><input type=checkbox dj-change=tick checked></div>')
  fire(t.w, t.$('input'), 'input')
  fire(t.w, t.$('select'), 'change')
  fire(t.w, t.$('[type=checkbox]'), 'change')
  const es = await until(() => of(t.s, 'event').length == 3 && of(t.s, 'event'), 'events')
  assert.deepEqual(es.map(e => [e.handler, e.params]), [['search', { value: 'ab' }], ['pick', { value: 'y' }], ['tick', { value: true }]])
  await t.done()
})

test('dj-submit sends every field and prevents the default submit', async () => {
  const t = await joined(V + '<form dj-submit=save dj-value-list=3><input name=title value=milk><textarea name=note>n</textarea><select name=p><option>hi</option></select><input type=checkbox name=done><button>go</button></form></div>')
  const ev = new t.w.Event('submit', { bubbles: true, cancelable: true })
  t.$('form').dispatchEvent(ev)
  assert.equal(ev.defaultPrevented, true)
  const [e] = await until(() => of(t.s, 'event').length && of(t.s, 'event'), 'event')
  assert.deepEqual([e.handler, e.params], ['save', { list: '3', title: 'milk', note: 'n', p: 'hi' }])
  await t.done()
})

test('dj-keydown/dj-keyup honour dj-key filters and send key and value', async () => {
  const t = await joined(V + '<input dj-keydown=down dj-key=Enter,Escape value=v><input id=u dj-keyup=up></div>')
  fire(t.w, t.$('input'), 'keydown', { key: 'a' })
  fire(t.w, t.$('input'), 'keydown', { key: 'Enter' })
  fire(t.w, t.$('input'), 'keydown', { key: 'escape' })
  fire(t.w, t.$('#u'), 'keyup', { key: 'x' })
  const es = await until(() => of(t.s, 'event').length == 3 && of(t.s, 'event'), 'events')
  assert.deepEqual(es.map(e => [e.handler, e.params]), [
    ['down', { value: 'v', key: 'Enter' }], ['down', { value: 'v', key: 'escape' }], ['up', { value: '', key: 'x' }],
  ])
  await t.done()
})

test('window-level key bindings fire wherever the key is pressed', async () => {
  const t = await joined(V + '<div dj-window-keydown=nav dj-key=ArrowLeft></div><span dj-window-keyup=any></span></div>')
  fire(t.w, t.doc.body, 'keydown', { key: 'ArrowRight' })
  fire(t.w, t.doc.body, 'keydown', { key: 'ArrowLeft' })
  fire(t.w, t.doc.body, 'keyup', { key: 'q' })
  const es = await until(() => of(t.s, 'event').length == 2 && of(t.s, 'event'), 'events')
  assert.deepEqual(es.map(e => [e.handler, e.params]), [['nav', { key: 'ArrowLeft' }], ['any', { key: 'q' }]])
  await t.done()
})

test('dj-focus and dj-blur fire on the element itself', async () => {
  const t = await joined(V + '<input dj-focus=f dj-blur=b value=z><input id=other></div>')
  t.$('input').focus()
  t.$('#other').focus()
  const es = await until(() => of(t.s, 'event').length == 2 && of(t.s, 'event'), 'events')
  assert.deepEqual(es.map(e => [e.handler, e.params]), [['f', { value: 'z' }], ['b', { value: 'z' }]])
  await t.done()
})

test('elements outside any view send nothing', async () => {
  const t = await joined(V + '</div><button dj-click=nope>x</button><button id=in>')
  fire(t.w, t.$('[dj-click=nope]'), 'click')
  await sleep(50)
  assert.equal(of(t.s, 'event').length, 0)
  await t.done()
})

test('dj-debounce=ms sends only the last value once typing pauses', async () => {
  const t = await joined(V + '<input dj-input=q dj-debounce=60></div>')
  const input = t.$('input')
  for (const v of ['a', 'ab', 'abc']) input.value = v, fire(t.w, input, 'input')
  // An event sent at once would have marked the element loading already.
  assert.equal(input.classList.contains('dj-loading'), false, 'nothing sent before the pause')
  const es = await until(() => of(t.s, 'event').length && of(t.s, 'event'), 'debounced event')
  await sleep(100)
  assert.deepEqual(of(t.s, 'event').map(e => e.params.value), ['abc'])
  assert.equal(es.length, 1)
  await t.done()
})

test('dj-debounce=blur waits for blur; pending debounces flush on blur and before submit', async () => {
  const t = await joined(V + '<input id=a dj-change=c dj-debounce=blur><form dj-submit=s><input id=b name=x dj-input=i dj-debounce=5000></form><input id=z></div>')
  const a = t.$('#a')
  a.focus()
  a.value = 'one'
  fire(t.w, a, 'change')
  a.value = 'two'
  fire(t.w, a, 'change')
  await sleep(30)
  assert.equal(of(t.s, 'event').length, 0)
  t.$('#z').focus()
  await until(() => of(t.s, 'event').length == 1, 'blur flush')
  const b = t.$('#b')
  b.value = 'typed'
  fire(t.w, b, 'input')
  t.$('form').dispatchEvent(new t.w.Event('submit', { bubbles: true, cancelable: true }))
  const es = await until(() => of(t.s, 'event').length == 3 && of(t.s, 'event'), 'flush before submit')
  assert.deepEqual(es.map(e => [e.handler, e.params]), [['c', { value: 'two' }], ['i', { value: 'typed' }], ['s', { x: 'typed' }]])
  await t.done()
})

test('dj-throttle sends at once, then at most once per window with the last event trailing', async () => {
  const t = await joined(V + '<button dj-click=t dj-throttle=80>x</button></div>')
  const b = t.$('button')
  for (let i = 0; i < 5; i++) b.setAttribute('dj-value-i', i), fire(t.w, b, 'click')
  await until(() => of(t.s, 'event').length == 1, 'leading')
  await until(() => of(t.s, 'event').length == 2, 'trailing')
  await sleep(200)
  assert.deepEqual(of(t.s, 'event').map(e => e.params.i), ['0', '4'])
  await t.done()
})
