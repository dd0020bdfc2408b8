// Event bindings by delegation: dj-click/input/change/submit/keydown/keyup/focus/blur, rate limits.
import { PREFIX } from './constants.js'
import { form_values } from './dom.js'

const attr = (el, name) => el.getAttribute(PREFIX + name)

// Key filter: dj-key="Enter" or "Enter,Escape" (case-insensitive); absent means any key.
const key_ok = (el, e) => {
  const k = attr(el, 'key')
  return !k || k.toLowerCase().split(',').includes(e.key.toLowerCase())
}

// Parameters of an event: dj-value-* attributes, then the value or form fields, then the key.
export const params = (el, e, type) => {
  const p = {}
  const t = e.target
  for (const a of el.attributes) if (a.name.startsWith(PREFIX + 'value-')) p[a.name.slice(PREFIX.length + 6)] = a.value
  if (el.tagName == 'FORM' && type != 'click') Object.assign(p, form_values(el))
  else if (type != 'click' && t.value != null && t.tagName) p.value = t.type == 'checkbox' ? t.checked : t.value
  if (e.key) p.key = e.key
  return p
}

// Runs a pending debounced send now.
const flush = st => {
  clearTimeout(st.d)
  const f = st.f
  st.f = 0
  f && f()
}
const flush_all = el => Object.values(el.$r || {}).forEach(st => st.d !== undefined && flush(st))

// dj-debounce="ms|blur" and dj-throttle="ms" on the bound element; otherwise send at once.
export const rate = (el, type, send) => {
  const st = (el.$r ||= {})[type] ||= {}
  const db = attr(el, 'debounce')
  const th = attr(el, 'throttle')
  if (db != null) {
    clearTimeout(st.d)
    st.f = send
    st.d = db == 'blur' ? 0 : setTimeout(() => flush(st), +db)
  } else if (th != null) {
    if (st.t) return void (st.f = send)
    send()
    // Trailing call: the last event inside the window is sent when it closes.
    const tick = () => (st.t = st.f ? (st.f(), st.f = 0, setTimeout(tick, +th)) : 0)
    st.t = setTimeout(tick, +th)
  } else send()
}

// Installs the delegated listeners on a document. view_of(el) -> view or undefined; view.push(handler, params, el).
export const bind = (doc, view_of) => {
  const win = doc.defaultView
  const fire = (el, type, e, name = type) => {
    const view = view_of(el)
    if (!view) return
    const p = params(el, e, type)
    rate(el, type, () => view.push(attr(el, name), p, el))
  }
  for (const type of ['click', 'input', 'change', 'submit', 'keydown', 'keyup']) {
    doc.addEventListener(type, e => {
      const el = e.target.closest?.(`[${PREFIX + type}]`)
      if (type == 'submit' && el) {
        e.preventDefault()
        for (const f of el.elements) flush_all(f)
      }
      if (el && (type[0] != 'k' || key_ok(el, e))) fire(el, type, e)
    })
  }
  for (const type of ['keydown', 'keyup']) {
    win.addEventListener(type, e => {
      for (const el of doc.querySelectorAll(`[${PREFIX}window-${type}]`)) key_ok(el, e) && fire(el, type, e, 'window-' + type)
    })
  }
  for (const [type, dom] of [['focus', 'focusin'], ['blur', 'focusout']]) {
    doc.addEventListener(dom, e => {
      const t = e.target
      if (type == 'blur' && t.$r) flush_all(t)
      t.getAttribute?.(PREFIX + type) != null && fire(t, type, e)
    })
  }
}
