// DOM helpers: node numbering shared with vdom/ (pre-order walk over every node), html parsing, form values.

// Numbers node and its descendants (elements, text, comments) in document order from id; returns the next free id.
export const number = (node, id, ids) => {
  ids.set(node.$i = id++, node)
  for (const c of node.childNodes) id = number(c, id, ids)
  return id
}

// Forgets the ids of a subtree.
export const forget = (node, ids) => {
  if (ids.get(node.$i) == node) ids.delete(node.$i)
  for (const c of node.childNodes) forget(c, ids)
}

// Parses an html fragment for children of parent; returns a DocumentFragment. Inside SVG the
// markup is parsed within an <svg> so the new elements get the SVG namespace.
export const parse = (doc, html, parent) => {
  const t = doc.createElement('template')
  const svg = parent?.namespaceURI == 'http://www.w3.org/2000/svg' && parent.tagName != 'foreignObject'
  t.innerHTML = svg ? '<svg>' + html + '</svg>' : html
  const f = t.content
  svg && f.replaceChildren(...f.firstChild.childNodes)
  return f
}

// All fields of a form as a flat object (the last value wins for repeated names).
export const form_values = form => {
  const o = {}
  for (const [k, v] of new form.ownerDocument.defaultView.FormData(form)) if (typeof v == 'string') o[k] = v
  return o
}
