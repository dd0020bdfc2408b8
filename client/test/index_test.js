// index: options come from window.djust; manual mode waits for djust.connect().
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { server, page, until, of, sleep } from './support.js'

test('connects on load with window.djust options, or waits when manual', async () => {
  const s = await server()
  const w = await page('<div dj-view dj-token=A></div>', s.port, { manual: true })
  await sleep(100)
  assert.equal(of(s, 'join').length, 0)
  assert.equal(typeof w.djust.connect, 'function')
  w.djust.connect({ json: true })
  await until(() => of(s, 'join').length, 'join after connect()')
  assert.deepEqual(s.protocols, ['djust.json.v1'])
  assert.equal(w.djust.live.views.length, 1)
  w.close()
  await s.close()
})

test('events wait for the join reply', async () => {
  const s = await server()
  s.respond = () => null
  const w = await page('<div dj-view dj-token=A><button dj-click=go>', s.port)
  await until(() => of(s, 'join').length, 'join')
  w.document.querySelector('button').click()
  assert.equal(w.document.querySelector('button').className, '', 'not sent, not loading')
  s.send({ type: 'reply', ref: of(s, 'join')[0].ref, view: 'v9', ok: true })
  await until(() => w.djust.live.views[0].vid == 'v9', 'joined')
  w.document.querySelector('button').click()
  await until(() => of(s, 'event').length, 'event')
  assert.equal(of(s, 'event')[0].view, 'v9')
  w.close()
  await s.close()
})
