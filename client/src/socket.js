// One WebSocket per page: msgpack or JSON frames, heartbeat, reconnect with exponential backoff and jitter.
import * as C from './constants.js'
import { encode, decode } from './msgpack.js'

// Delay before reconnect attempt number tries (0-based): capped exponential, jittered to 50-100%.
export const backoff = (tries, rand = Math.random()) =>
  Math.min(C.BACKOFF_MAX_MS, C.BACKOFF_MIN_MS * 2 ** tries) * (0.5 + rand / 2)

// cb: { open(), message(msg), status(class), beat() -> heartbeat message }; heartbeat: interval in ms.
export const open_socket = (url, json, cb, heartbeat = C.HEARTBEAT_MS) => {
  let ws, tries = 0, hb, waiting, stopped
  const send = msg => ws.readyState == 1 && (ws.send(json ? JSON.stringify(msg) : encode(msg)), true)
  const start = () => {
    cb.status(C.CLASS_CONNECTING)
    ws = new WebSocket(url, json ? C.PROTO_JSON : C.PROTO_MSGPACK)
    ws.binaryType = 'arraybuffer'
    ws.onopen = () => {
      tries = waiting = 0
      cb.status(C.CLASS_CONNECTED)
      cb.open()
      // A heartbeat still unanswered at the next beat means a dead link: close and reconnect.
      hb = setInterval(() => waiting ? ws.close() : (waiting = 1, send(cb.beat())), heartbeat)
    }
    ws.onmessage = e => {
      waiting = 0
      let m
      try {
        m = typeof e.data == 'string' ? JSON.parse(e.data) : decode(e.data)
      } catch (err) {
        return console.error('djust: bad frame', err)
      }
      cb.message(m)
    }
    ws.onclose = () => {
      clearInterval(hb)
      cb.status(C.CLASS_DISCONNECTED)
      stopped || setTimeout(start, backoff(tries++))
    }
  }
  start()
  return {
    send,
    // Drops the connection (as a network failure would); it reconnects unless stop is set.
    close: stop => { stopped = stop; ws.close() },
  }
}
