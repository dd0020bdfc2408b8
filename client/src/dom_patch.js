// Applies a list of vdom patches to the numbered DOM of one view, keeping the focused input intact.
import * as C from './constants.js'
import { number, forget, parse } from './dom.js'

// view: { root, ids: Map<id, Node>, typing, busy }. Returns the set of touched nodes (and their parents).
export const apply_patches = (view, patches) => {
  const { ids } = view
  const doc = view.root.ownerDocument
  const active = doc.activeElement
  const sel = active?.selectionStart != null && [active.selectionStart, active.selectionEnd, active.selectionDirection]
  const touched = new Set()
  const get = id => {
    const n = ids.get(id)
    if (!n) throw Error('djust: patch targets unknown node ' + id)
    return n
  }
  const fresh = (first, html, parent) => {
    const f = parse(doc, html, parent)
    for (const c of [...f.childNodes]) first = number(c, first, ids)
    return f
  }
  // A focused field keeps its property when the patch says so and the user is still typing
  // (typed since the last event, or another event of the view is in flight).
  const prop = (n, name, value, flags) =>
    flags & C.FLAG_KEEP_FOCUSED && n == active && (view.typing || view.busy) || n[name] === value || (n[name] = value)
  for (const [op, id, a, b, c] of patches) {
    const n = get(id)
    touched.add(n).add(n.parentNode)
    if (op == C.OP_SET_TEXT) {
      n.data = a
      b & C.FLAG_SYNC_VALUE && prop(n.parentNode, 'value', a, b)
    } else if (op == C.OP_SET_ATTR) n.setAttribute(a, b)
    else if (op == C.OP_REMOVE_ATTR) n.removeAttribute(a)
    else if (op == C.OP_SET_PROP) n.setAttribute(a, b), prop(n, a, a == 'value' ? b : true, c)
    else if (op == C.OP_REMOVE_PROP) n.removeAttribute(a), prop(n, a, a == 'value' ? '' : false, b)
    else if (op == C.OP_INSERT) n.insertBefore(fresh(b, c, n), a == C.APPEND ? null : get(a))
    else if (op == C.OP_REMOVE) forget(n, ids), n.remove()
    else if (op == C.OP_MOVE) n.parentNode.insertBefore(n, a == C.APPEND ? null : get(a))
    else if (op == C.OP_REPLACE) forget(n, ids), n.replaceWith(fresh(a, b, n.parentNode))
    else throw Error('djust: unknown patch op ' + op)
  }
  // Moves and replacements can blur the focused field: give focus and selection back.
  if (active && active != doc.activeElement && active.isConnected) {
    active.focus()
    sel && active.setSelectionRange(...sel)
  }
  return touched
}
