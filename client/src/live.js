// The live page: views (one per [dj-view] root), the join/resume handshake, replies, pushes, loading states.
import * as C from './constants.js'
import { number, parse } from './dom.js'
import { apply_patches } from './dom_patch.js'
import { sync_hooks, deliver } from './hooks.js'
import { bind } from './events.js'
import { open_socket } from './socket.js'

const A = name => C.PREFIX + name

// Connects every [dj-view] root of doc. opts: { url, json, hooks, heartbeat (ms) }. Returns the live object.
export const connect = (opts = {}, doc = document) => {
  const loc = doc.location
  const hooks = opts.hooks || {}
  const refs = new Map() // ref -> { view, undo }
  const views = []
  let ref = 0
  let socket

  const undo_all = () => { for (const [r, p] of refs) refs.delete(r), p.undo?.() }

  const make_view = root => {
    const view = {
      root,
      ids: new Map(),
      seq: 0,
      typing: false,
      hooks: new Map(),
      vid: undefined, // the server's view id, from the join reply
      // Sends an event; while it is in flight el shows loading state (and an optimistic class toggle).
      push(handler, params, el) {
        const r = ++ref
        // Nothing goes up before the join reply names the view.
        if (!view.vid || !socket.send({ [C.K_TYPE]: C.T_EVENT, [C.K_REF]: r, [C.K_VIEW]: view.vid, [C.K_HANDLER]: handler, [C.K_PARAMS]: params, [C.K_ACK]: view.seq })) return
        view.typing = false
        const undo = []
        const targets = el ? [el] : []
        for (const t of root.querySelectorAll(`[${A('loading')}]`)) {
          const want = t.getAttribute(A('loading'))
          if (!want || want == handler) targets.push(t)
        }
        for (const t of targets) t.classList.add(C.CLASS_LOADING), undo.push(() => t.classList.remove(C.CLASS_LOADING))
        if (el) {
          for (const d of [el, ...el.querySelectorAll(`[${A('disable-with')}]`)]) {
            const text = d.getAttribute(A('disable-with'))
            if (text == null) continue
            const kids = [...d.childNodes]
            const was = d.disabled
            d.disabled = true
            if (text) d.textContent = text
            undo.push(() => { d.disabled = was; text && d.replaceChildren(...kids) })
          }
          const cls = el.getAttribute(A('optimistic'))
          if (cls) {
            const on = el.classList.toggle(cls)
            undo.push(() => el.classList.toggle(cls, !on))
          }
        }
        refs.set(r, { view, undo: () => undo.reverse().forEach(f => f()) })
      },
      // Applies a reply or push: fresh html, patches, sequence number, pushed events. A join reply sets
      // the sequence; otherwise a frame already applied is skipped and a missing one means resync.
      update(m, join) {
        const s = m[C.K_SEQ]
        const html = m[C.K_HTML]
        if (!join && s != null && s != view.seq + 1) return s > view.seq && socket.close()
        let touched
        try {
          if (html != null) {
            root.replaceChildren(parse(doc, html))
            view.ids.clear()
            number(root, C.ROOT_ID, view.ids)
          }
          if (m[C.K_PATCHES]) touched = apply_patches(view, m[C.K_PATCHES])
        } catch (err) {
          // The DOM no longer matches the server's tree: rejoin afresh for a full render.
          error(view, { [C.K_CODE]: 'patch_failed', [C.K_MESSAGE]: err.message })
          view.vid = undefined
          view.seq = 0
          return socket.close()
        }
        if (s != null || html != null) view.seq = s || 0
        sync_hooks(view, hooks, touched)
        if (m[C.K_EVENTS]) deliver(view, m[C.K_EVENTS])
      },
    }
    number(root, C.ROOT_ID, view.ids)
    return view
  }

  for (const root of doc.querySelectorAll(`[${A('view')}]`)) views.push(make_view(root))
  const view_of = el => {
    const root = el.closest(`[${A('view')}]`)
    return views.find(v => v.root == root)
  }
  const error = (view, m) => {
    const detail = { code: m[C.K_CODE], message: m[C.K_MESSAGE] }
    console.error('djust:', detail.code, detail.message)
    view?.root.dispatchEvent(new doc.defaultView.CustomEvent('dj:error', { detail, bubbles: true }))
  }

  const message = m => {
    const type = m[C.K_TYPE]
    const pending = refs.get(m[C.K_REF])
    refs.delete(m[C.K_REF])
    const view = pending ? pending.view : views.find(v => v.vid == m[C.K_VIEW]) || views[0]
    if (type == C.T_REDIRECT) return loc.assign(m[C.K_TO])
    // Client-side state (loading, optimistic classes) is undone first, so patches meet the DOM the server knows.
    pending?.undo?.()
    if (pending?.join && m[C.K_VIEW] != null) view.vid = m[C.K_VIEW]
    if (view) view.busy = [...refs.values()].some(p => p.view == view && !p.join)
    if (type == C.T_ERROR || m[C.K_OK] === false) error(view, m)
    else if (view) view.update(m, pending?.join)
  }

  const status = cls => {
    if (cls != C.CLASS_CONNECTED) undo_all()
    for (const v of views) {
      v.root.classList.remove(C.CLASS_CONNECTED, C.CLASS_CONNECTING, C.CLASS_DISCONNECTED)
      v.root.classList.add(cls)
    }
  }

  // Join (and, after a reconnect, resume from the last applied sequence number).
  const open = () => {
    const csrf = doc.querySelector('meta[name=csrf-token]')?.content
    for (const v of views) {
      refs.set(++ref, { view: v, join: 1 })
      socket.send({
        [C.K_TYPE]: C.T_JOIN, [C.K_REF]: ref, [C.K_TOKEN]: v.root.getAttribute(A('token')),
        [C.K_CSRF]: v.root.getAttribute(A('csrf')) || csrf, [C.K_URL]: loc.pathname + loc.search,
        // Resuming: the view id of the first join and the last sequence number applied.
        [C.K_VIEW]: v.vid, [C.K_ACK]: v.vid && v.seq,
      })
    }
  }

  const beat = () => ({ [C.K_TYPE]: C.T_HEARTBEAT, [C.K_REF]: ++ref, [C.K_ACKS]: Object.fromEntries(views.filter(v => v.vid).map(v => [v.vid, v.seq])) })

  // A field typed into since the last event keeps its value against patches (see dom_patch.js).
  doc.addEventListener('input', e => { const v = view_of(e.target); if (v) v.typing = true })
  bind(doc, view_of)
  const url = opts.url || (loc.protocol == 'https:' ? 'wss://' : 'ws://') + loc.host + C.WS_PATH
  socket = open_socket(url, opts.json || !!doc.querySelector(`[${A('json')}]`), { open, message, status, beat }, opts.heartbeat)
  for (const v of views) sync_hooks(v, hooks)
  return { views, socket, hooks }
}
