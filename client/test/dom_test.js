// dom: the numbering walk shared with vdom/, forgetting subtrees, fragment parsing, form values.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { JSDOM } from 'jsdom'
import { number, forget, parse, form_values } from '../src/dom.js'

const doc = () => new JSDOM('<!doctype html><body>').window.document
const tree = html => {
  const root = doc().createElement('div')
  root.innerHTML = html
  const ids = new Map()
  return { root, ids, next: number(root, 0, ids) }
}
const describe = ids => [...ids].map(([id, n]) => id + ':' + (n.tagName || JSON.stringify(n.data)))

test('numbers every node in document order: root 0, then elements, text (whitespace too) and comments', () => {
  const { ids, next } = tree('<ul><li>a</li><li>b</li></ul>\n<!--c--><p>d</p>')
  assert.deepEqual(describe(ids), ['0:DIV', '1:UL', '2:LI', '3:"a"', '4:LI', '5:"b"', '6:"\\n"', '7:"c"', '8:P', '9:"d"'])
  assert.equal(next, 10)
})

test('forget drops the ids of a subtree only', () => {
  const { root, ids } = tree('<ul><li>a</li><li>b</li></ul>')
  forget(root.querySelector('li'), ids)
  assert.deepEqual([...ids.keys()], [0, 1, 4, 5])
})

test('parse builds fragments in context: table rows, options, svg', () => {
  const d = doc()
  assert.equal(parse(d, '<tr><td>1</td></tr>').firstChild.tagName, 'TR')
  assert.equal(parse(d, '<option>x</option>').firstChild.tagName, 'OPTION')
  assert.equal(parse(d, '<svg><circle r=1></circle></svg>').firstChild.firstChild.namespaceURI, 'http://www.w3.org/2000/svg')
})

test('parse inside an svg parent yields SVG elements, inside foreignObject HTML ones', () => {
  const d = doc()
  d.body.innerHTML = '<svg><g></g><foreignObject></foreignObject></svg>'
  const [g, fo] = d.body.firstChild.childNodes
  assert.equal(parse(d, '<rect></rect>', g).firstChild.namespaceURI, 'http://www.w3.org/2000/svg')
  assert.equal(parse(d, '<p>x</p>', fo).firstChild.namespaceURI, 'http://www.w3.org/1999/xhtml')
  assert.equal(parse(d, '<rect></rect>', d.body).firstChild.namespaceURI, 'http://www.w3.org/1999/xhtml')
})

test('form_values flattens the fields of a form (unchecked boxes absent, last value wins)', () => {
  const d = doc()
  const form = d.createElement('form')
  form.innerHTML = '<input name=a value=1><input name=a value=2><input type=checkbox name=c><input type=checkbox name=d checked>' +
    '<textarea name=t>x</textarea><select name=s><option>o</option></select><input name=f type=file>'
  assert.deepEqual(form_values(form), { a: '2', d: 'on', t: 'x', s: 'o' })
})
