// Test support: the bundled script loaded into a jsdom page, and a real WebSocket server speaking the draft protocol.
import { JSDOM } from 'jsdom'
import { WebSocketServer } from 'ws'
import { bundle } from '../build.mjs'
import { encode, decode } from '../src/msgpack.js'

let code
const script = async () => (code ||= await bundle(false))

// A WebSocket server on a free loopback port. Records every decoded message from clients in `got`.
export const server = async () => {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, handleProtocols: ps => [...ps][0] })
  await new Promise(r => wss.on('listening', r))
  const s = {
    port: wss.address().port,
    got: [],
    sockets: [],
    protocols: [],
    // Replies: what the server sends back for a message (null: nothing). Default: ack joins with s.
    respond: m => (m.type == 'join' ? { type: 'reply', ref: m.ref, view: 'view-1', ok: true } : null),
    send(msg, ws = s.sockets.at(-1)) {
      ws.send(ws.protocol == 'djust.json.v1' ? JSON.stringify(msg) : encode(msg))
    },
    drop: () => s.sockets.forEach(ws => ws.terminate()),
    close: () => new Promise(r => { s.drop(); wss.close(r) }),
  }
  wss.on('connection', ws => {
    s.sockets.push(ws)
    s.protocols.push(ws.protocol)
    ws.on('message', (data, binary) => {
      const m = binary ? decode(data) : JSON.parse(data.toString())
      s.got.push(m)
      const r = s.respond(m)
      r && s.send(r, ws)
    })
  })
  return s
}

// A jsdom page at the server's origin running the (unminified) bundle. Returns the window.
export const page = async (body, port, { head = '', path = '/', ...options } = {}) => {
  const dom = new JSDOM(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`, {
    url: `http://127.0.0.1:${port}${path}`,
    runScripts: 'outside-only',
    pretendToBeVisual: true,
  })
  const w = dom.window
  w.console.error = () => {}
  w.djust = options
  w.eval(await script())
  return w
}

export const sleep = ms => new Promise(r => setTimeout(r, ms))

// Waits until fn() is truthy (polling); fails with `what` after the limit.
export const until = async (fn, what = 'condition', limit = 3000) => {
  for (const t0 = Date.now(); Date.now() - t0 < limit; await sleep(5)) {
    const v = fn()
    if (v) return v
  }
  throw Error('timed out waiting for ' + what)
}

// The messages of a given type received so far.
export const of = (s, t) => s.got.filter(m => m.type == t)

// Dispatches a DOM event of the page's realm.
export const fire = (w, el, type, init = {}) => {
  const E = type.startsWith('key') ? w.KeyboardEvent : type.startsWith('focus') || type == 'blur' ? w.FocusEvent : w.Event
  el.dispatchEvent(new E(type, { bubbles: true, cancelable: true, ...init }))
}

// Server + page, joined (the join reply has been applied). Returns { s, w, doc, root, $ }.
export const joined = async (body, opts = {}) => {
  const s = await server()
  const w = await page(body, s.port, opts)
  await until(() => w.djust.live?.views.every(v => v.vid == 'view-1'), 'join reply')
  const doc = w.document
  return { s, w, doc, root: doc.querySelector('[dj-view]'), $: sel => doc.querySelector(sel), done: () => (w.close(), s.close()) }
}
