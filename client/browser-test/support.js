// Browser test support: Debian's Chromium via playwright-core, and a loopback server for client/ files
// plus a scriptable WebSocket endpoint speaking docs/protocol.md.
import { createServer } from 'node:http'
import { readFile } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'
import { WebSocketServer } from 'ws'
import { encode, decode } from '../src/msgpack.js'

export const CLIENT = fileURLToPath(new URL('..', import.meta.url))
export const CHROMIUM = '/usr/bin/chromium'
export const no_browser = !existsSync(CHROMIUM) && `${CHROMIUM} is missing (apt-get install -y chromium)`

export const launch = () => chromium.launch({
  executablePath: CHROMIUM,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
})

const TYPES = { js: 'text/javascript', html: 'text/html', json: 'application/json' }

// Serves client/ (src/, dist/, browser-test/fixtures/) and /live/websocket. Pages may be registered
// under /page/<name> with their html. `respond(msg, send)` answers client frames; `got` records them.
export const serve = async () => {
  const pages = new Map()
  const http = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname)
    let body = pages.get(path)
    if (body == null && !path.includes('..')) body = await readFile(CLIENT + path).catch(() => null)
    if (body == null) return res.writeHead(404).end('not found')
    res.writeHead(200, { 'content-type': TYPES[path.split('.').pop()] || 'text/html' }).end(body)
  })
  const wss = new WebSocketServer({ server: http, path: '/live/websocket', handleProtocols: ps => [...ps][0] })
  await new Promise(r => http.listen(0, '127.0.0.1', r))
  const s = {
    url: `http://127.0.0.1:${http.address().port}`,
    got: [],
    sockets: [],
    respond: (m, send) => m.type == 'join' && send({ type: 'reply', ref: m.ref, view: 'v1', ok: true }),
    page: (name, html) => pages.set('/page/' + name, html),
    send(msg, ws = s.sockets.at(-1)) { ws.send(ws.protocol == 'djust.json.v1' ? JSON.stringify(msg) : encode(msg)) },
    of: type => s.got.filter(m => m.type == type),
    drop: () => s.sockets.forEach(ws => ws.terminate()),
    close: () => new Promise(r => { s.drop(); wss.close(); http.close(r) }),
  }
  wss.on('connection', ws => {
    s.sockets.push(ws)
    ws.on('message', (data, binary) => {
      const m = binary ? decode(data) : JSON.parse(data.toString())
      s.got.push(m)
      s.respond(m, r => s.send(r, ws))
    })
  })
  return s
}

// A page that loads the minified script after setting window.djust options.
export const live_page = (body, options = {}) => `<!doctype html><html><head><meta charset=utf-8>
<meta name=csrf-token content=CSRF><style>.dj-loading{opacity:.5}</style>
<script>window.djust = ${JSON.stringify(options)}</script><script src="/dist/djust.min.js"></script></head>
<body>${body}</body></html>`

export const sleep = ms => new Promise(r => setTimeout(r, ms))
export const until = async (fn, what = 'condition', limit = 5000) => {
  for (const t0 = Date.now(); Date.now() - t0 < limit; await sleep(10)) {
    const v = await fn()
    if (v) return v
  }
  throw Error('timed out waiting for ' + what)
}
