// Hooks: dj-hook="Name" elements get mounted/updated/destroyed callbacks and server-pushed events.
import { PREFIX } from './constants.js'

const HOOK = PREFIX + 'hook'

// Mounts hooks on new elements, destroys those of removed ones, updates those containing touched nodes.
export const sync_hooks = (view, defs, touched) => {
  const { root, hooks } = view
  for (const [el, h] of hooks) {
    if (!root.contains(el) || el.getAttribute(HOOK) != h.name) hooks.delete(el), h.destroyed?.()
  }
  for (const el of root.querySelectorAll(`[${HOOK}]`)) {
    let h = hooks.get(el)
    const name = el.getAttribute(HOOK)
    if (h) {
      if (touched && [...touched].some(n => el.contains(n))) h.updated?.()
    } else if (defs[name]) {
      const on = {}
      hooks.set(el, h = Object.assign(Object.create(defs[name]), {
        el,
        name,
        pushEvent: (handler, params) => view.push(handler, params || {}),
        handleEvent: (event, fn) => (on[event] ||= []).push(fn),
        $on: on,
      }))
      h.mounted?.()
    }
  }
}

// Delivers server-pushed events [[name, payload], ...] to hooks and as window "dj:<name>" events.
export const deliver = (view, events) => {
  const win = view.root.ownerDocument.defaultView
  for (const [name, payload] of events) {
    for (const h of view.hooks.values()) for (const fn of h.$on[name] || []) fn.call(h, payload)
    win.dispatchEvent(new win.CustomEvent('dj:' + name, { detail: payload }))
  }
}
