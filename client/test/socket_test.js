// socket: backoff curve, reconnect with rejoin and resume, status classes, dead-link heartbeat.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { backoff } from '../src/socket.js'
import { BACKOFF_MIN_MS, BACKOFF_MAX_MS } from '../src/constants.js'
import { joined, until, of } from './support.js'

test('backoff doubles per try, is capped, and jitters between 50% and 100%', () => {
  assert.equal(backoff(0, 1), BACKOFF_MIN_MS)
  assert.equal(backoff(0, 0), BACKOFF_MIN_MS / 2)
  assert.equal(backoff(3, 1), BACKOFF_MIN_MS * 8)
  assert.equal(backoff(30, 1), BACKOFF_MAX_MS)
  assert.equal(backoff(30, 0), BACKOFF_MAX_MS / 2)
  const seen = new Set(Array.from({ length: 20 }, () => backoff(2)))
  assert.ok(seen.size > 1, 'random jitter')
  for (const d of seen) assert.ok(d >= BACKOFF_MIN_MS * 2 && d <= BACKOFF_MIN_MS * 4)
})

test('a dropped socket reconnects, rejoins with the last sequence number and resumes', async () => {
  const t = await joined('<div dj-view=v dj-token=T><button dj-click=inc dj-optimistic=on>+</button><span>0</span></div>')
  assert.equal(t.root.className, 'dj-connected')
  t.s.send({ type: 'push', seq: 1, patches: [[0, 4, '1']] })
  await until(() => t.$('span').textContent == '1', 'push')
  t.$('button').click()
  await until(() => of(t.s, 'event').length, 'event in flight')
  assert.equal(t.$('button').className, 'dj-loading on')
  t.s.drop()
  await until(() => t.root.classList.contains('dj-disconnected') || t.root.classList.contains('dj-connecting'), 'disconnected')
  assert.equal(t.$('button').className, '', 'in-flight state undone on disconnect')
  await until(() => of(t.s, 'join').length == 2, 'rejoin')
  const rejoin = of(t.s, 'join')[1]
  assert.deepEqual([rejoin.view, rejoin.ack, rejoin.token], ['view-1', 1, 'T'])
  t.s.send({ type: 'push', view: 'view-1', seq: 2, patches: [[0, 4, '2']] })
  await until(() => t.$('span').textContent == '2', 'missed frame applied')
  assert.equal(t.root.className, 'dj-connected')
  await t.done()
})

test('an unanswered heartbeat closes the link and reconnects', async () => {
  const t = await joined('<div dj-view=v dj-token=T></div>', { heartbeat: 40 })
  await until(() => of(t.s, 'heartbeat').length, 'heartbeat')
  assert.deepEqual(of(t.s, 'heartbeat')[0].acks, { 'view-1': 0 })
  await until(() => of(t.s, 'join').length == 2, 'reconnect after silence', 5000)
  await t.done()
})
