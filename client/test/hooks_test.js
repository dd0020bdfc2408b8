// hooks: mounted/updated/destroyed around patches, pushEvent up, server-pushed events down.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { joined, until, of } from './support.js'

test('hooks mount, update, receive pushed events, push events and are destroyed', async () => {
  const log = []
  const hooks = {
    Chart: {
      mounted() {
        log.push('mounted ' + this.el.id)
        this.handleEvent('points', p => log.push('points ' + this.el.id + ' ' + p.n))
      },
      updated() { log.push('updated ' + this.el.id) },
      destroyed() { log.push('destroyed ' + this.el.id) },
    },
  }
  const t = await joined('<div dj-view=v><div id=a dj-hook=Chart><i>1</i></div><div id=b>plain</div><div id=c dj-hook=Missing></div></div>', { hooks })
  assert.deepEqual(log, ['mounted a'])
  const win = []
  t.w.addEventListener('dj:points', e => win.push(e.detail.n))
  // ids: 1 div#a, 2 i, 3 "1", 4 div#b, 5 "plain", 6 div#c
  t.s.send({ type: 'push', seq: 1, patches: [[0, 3, '2'], [0, 5, 'still plain']] })
  await until(() => log.length == 2, 'updated')
  t.s.send({ type: 'push', seq: 2, patches: [[5, 0, 0, 7, '<div id=d dj-hook=Chart></div>']], events: [['points', { n: 9 }]] })
  await until(() => log.length == 5, 'inserted hook + event')
  assert.deepEqual(log.slice(2), ['mounted d', 'points a 9', 'points d 9'])
  assert.deepEqual(win, [9])
  t.s.send({ type: 'push', seq: 3, patches: [[6, 1]] })
  await until(() => log.length == 6, 'destroyed')
  assert.deepEqual(log, ['mounted a', 'updated a', 'mounted d', 'points a 9', 'points d 9', 'destroyed a'])
  t.w.djust.live.views[0].hooks.get(t.$('#d')).pushEvent('from_hook', { x: 1 })
  const [e] = await until(() => of(t.s, 'event').length && of(t.s, 'event'), 'hook event')
  assert.deepEqual([e.handler, e.params], ['from_hook', { x: 1 }])
  await t.done()
})
