// dom_patch: each op on a numbered jsdom tree, id bookkeeping, focus/caret preservation, bad patches.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { JSDOM } from 'jsdom'
import { number } from '../src/dom.js'
import { apply_patches } from '../src/dom_patch.js'

// A view over `html` inside a fresh document: root id 0, then document order from 1.
const view_of = html => {
  const { document } = new JSDOM('<!doctype html><body><div id=root></div>').window
  const root = document.getElementById('root')
  root.innerHTML = html
  const view = { root, ids: new Map(), typing: false, busy: false }
  number(root, 0, view.ids)
  return view
}
const run = (html, patches) => {
  const v = view_of(html)
  apply_patches(v, patches)
  return v
}

test('set_text, set_attr, remove_attr', () => {
  const v = run('<p class=a title=t>x</p>', [[0, 2, 'y'], [1, 1, 'class', 'b c'], [2, 1, 'title']])
  assert.equal(v.root.innerHTML, '<p class="b c">y</p>')
})

test('insert before a node and append, numbering the new subtree from first_id', () => {
  const v = run('<ul><li>a</li><li>c</li></ul>', [[5, 1, 4, 6, '<li>b</li>'], [5, 1, 0, 8, '<li>d</li><li>e</li>']])
  assert.equal(v.root.innerHTML, '<ul><li>a</li><li>b</li><li>c</li><li>d</li><li>e</li></ul>')
  assert.equal(v.ids.get(6).outerHTML, '<li>b</li>')
  assert.equal(v.ids.get(7).data, 'b')
  assert.equal(v.ids.get(10).outerHTML, '<li>e</li>')
  apply_patches(v, [[0, 11, 'E'], [0, 7, 'B']])
  assert.equal(v.root.textContent, 'aBcdE')
})

test('insert table rows keeps table context', () => {
  const v = run('<table><tbody><tr><td>1</td></tr></tbody></table>', [[5, 2, 0, 6, '<tr><td>2</td></tr>']])
  assert.equal(v.root.innerHTML, '<table><tbody><tr><td>1</td></tr><tr><td>2</td></tr></tbody></table>')
})

test('remove forgets the subtree ids', () => {
  const v = run('<ul><li>a</li><li>b</li></ul>', [[6, 2]])
  assert.equal(v.root.innerHTML, '<ul><li>b</li></ul>')
  assert.deepEqual([...v.ids.keys()], [0, 1, 4, 5])
  assert.throws(() => apply_patches(v, [[0, 3, 'x']]), /unknown node 3/)
})

test('move before a sibling and to the end', () => {
  const v = run('<ul><li>a</li><li>b</li><li>c</li></ul>', [[7, 6, 2], [7, 2, 0]])
  assert.equal(v.root.innerHTML, '<ul><li>c</li><li>b</li><li>a</li></ul>')
})

test('replace swaps the subtree and numbers the new one', () => {
  const v = run('<div><p>old</p></div>', [[8, 2, 5, '<section>n<i>e</i>w</section>']])
  assert.equal(v.root.innerHTML, '<div><section>n<i>e</i>w</section></div>')
  assert.equal(v.ids.has(3), false)
  assert.equal(v.ids.get(5).tagName, 'SECTION')
  assert.equal(v.ids.get(9).data, 'w')
})

test('set_prop and remove_prop write attribute and property', () => {
  const v = run('<input value=a><input type=checkbox><select><option>x</option><option>y</option></select>', [
    [3, 1, 'value', 'b', 0], [3, 2, 'checked', '', 0], [3, 6, 'selected', '', 0],
  ])
  const [text, box] = v.root.querySelectorAll('input')
  assert.equal(text.value, 'b')
  assert.equal(text.getAttribute('value'), 'b')
  assert.equal(box.checked, true)
  assert.equal(v.root.querySelector('select').value, 'y')
  apply_patches(v, [[4, 1, 'value', 0], [4, 2, 'checked', 0]])
  assert.equal(text.value, '')
  assert.equal(text.hasAttribute('value'), false)
  assert.equal(box.checked, false)
})

test('textarea content with sync_value also sets the value', () => {
  const v = run('<textarea>a</textarea>', [[0, 2, 'b', 2]])
  assert.equal(v.root.querySelector('textarea').value, 'b')
})

test('a focused field the user is typing into keeps value, caret and selection', () => {
  const v = view_of('<input value=abc><p>x</p>')
  const input = v.root.querySelector('input')
  v.root.ownerDocument.body.append(v.root)
  input.focus()
  input.value = 'abcd'
  input.setSelectionRange(1, 3)
  v.typing = true
  apply_patches(v, [[3, 1, 'value', 'server', 1], [0, 3, 'y']])
  assert.equal(input.value, 'abcd')
  assert.equal(input.getAttribute('value'), 'server')
  assert.deepEqual([input.selectionStart, input.selectionEnd], [1, 3])
  // Without the keep_focused flag the property is written.
  apply_patches(v, [[3, 1, 'value', 'forced', 0]])
  assert.equal(input.value, 'forced')
  // Once the user stopped typing (event sent, nothing in flight) the server value wins.
  v.typing = false
  apply_patches(v, [[3, 1, 'value', '', 1]])
  assert.equal(input.value, '')
  // Another event of the view in flight also protects the field.
  input.value = 'q'
  v.busy = true
  apply_patches(v, [[3, 1, 'value', 'stale', 1]])
  assert.equal(input.value, 'q')
})

test('moving the focused field keeps focus and selection', () => {
  const v = view_of('<p>a</p><input value=hello>')
  const doc = v.root.ownerDocument
  const input = v.root.querySelector('input')
  input.focus()
  input.setSelectionRange(2, 4)
  apply_patches(v, [[7, 3, 1]])
  assert.equal(v.root.firstChild, input)
  assert.equal(doc.activeElement, input)
  assert.deepEqual([input.selectionStart, input.selectionEnd], [2, 4])
})

test('unknown op and unknown node give clear errors', () => {
  assert.throws(() => run('<p></p>', [[42, 1]]), /djust: unknown patch op 42/)
  assert.throws(() => run('<p></p>', [[0, 99, 'x']]), /djust: patch targets unknown node 99/)
})
