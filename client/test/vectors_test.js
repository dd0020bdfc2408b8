// Replays the shared patch vectors of tests/vectors/*.jsonl (written by vdom/) on jsdom:
// number the old HTML, apply the patches, and expect the vector's resulting HTML.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync, readdirSync, existsSync } from 'node:fs'
import { JSDOM } from 'jsdom'
import { number } from '../src/dom.js'
import { apply_patches } from '../src/dom_patch.js'

export const VECTORS = new URL('../../tests/vectors/', import.meta.url)

// Every vector of every .jsonl file: { file, name, old, new, patches, html }.
export const load_vectors = () =>
  existsSync(VECTORS)
    ? readdirSync(VECTORS).filter(f => f.endsWith('.jsonl')).flatMap(file =>
      readFileSync(new URL(file, VECTORS), 'utf8').split('\n').filter(l => l.trim()).map(l => ({ file, ...JSON.parse(l) })))
    : []

const vectors = load_vectors()

test('shared vectors exist', { skip: !vectors.length && 'no tests/vectors/*.jsonl yet' }, () => {
  assert.ok(vectors.length > 0)
})

for (const v of vectors) {
  test(`vector ${v.file}:${v.name}`, () => {
    const { document } = new JSDOM('<!doctype html><body><div id=root></div>').window
    const root = document.getElementById('root')
    root.innerHTML = v.old
    const view = { root, ids: new Map(), typing: false, busy: false }
    number(root, 0, view.ids)
    apply_patches(view, v.patches)
    assert.equal(root.innerHTML, v.html)
  })
}
