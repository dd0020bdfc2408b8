// Applies a list of vdom patches to the numbered DOM of one view, keeping the focused input intact.
import * as C from './constants.js'
import { kids, number, forget, parse } from './dom.js'

// view: { root, ids: Map<id, Node>, typing: bool }. Returns the set of touched nodes.
export const apply_patches = (view, patches) => {
  const { ids } = view
  const doc = view.root.ownerDocument
  const active = doc.activeElement
  const sel = active && active.selectionStart != null ? [active.selectionStart, active.selectionEnd, active.selectionDirection] : 0
  const touched = new Set()
  const get = id => {
    const n = ids.get(id)
    if (!n) throw Error('djust: patch targets unknown node ' + id)
    return n
  }
  const insert = (parent, node, index) => parent.insertBefore(node, kids(parent)[index] || null)
  const fresh = (html, first) => {
    const f = parse(doc, html)
    for (const c of kids(f)) first = number(c, first, ids)
    return f
  }
  for (const [op, id, a, b, c] of patches) {
    const n = get(id)
    touched.add(n)
    if (op == C.OP_TEXT) n.data = a
    else if (op == C.OP_SET_ATTR) n.setAttribute(a, b)
    else if (op == C.OP_REMOVE_ATTR) n.removeAttribute(a)
    else if (op == C.OP_INSERT) insert(n, fresh(b, c), a)
    else if (op == C.OP_REMOVE) forget(n, ids), n.remove()
    else if (op == C.OP_MOVE) n.remove(), insert(get(a), n, b)
    else if (op == C.OP_REPLACE) forget(n, ids), n.replaceWith(fresh(a, b))
    else if (op == C.OP_SET_PROP) {
      // A focused field the user typed into since the last event keeps its value.
      if (!(n == active && view.typing && a == 'value') && n[a] !== b) n[a] = b
    } else throw Error('djust: unknown patch op ' + op)
  }
  // Moves and replacements can blur the focused field: give focus and selection back.
  if (active && active != doc.activeElement && active.isConnected) {
    active.focus()
    sel && active.setSelectionRange(...sel)
  }
  return touched
}
