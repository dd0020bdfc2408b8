// constants.js agrees with vdom/include/djust/vdom/wire_keys.hpp (opcodes, flags, reserved ids, key attributes).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync, existsSync } from 'node:fs'
import * as C from '../src/constants.js'

const HPP = new URL('../../vdom/include/djust/vdom/wire_keys.hpp', import.meta.url)

// Reads `name = value,` enumerators and `inline constexpr ... name = value;` constants from the header.
const header = () => {
  const src = readFileSync(HPP, 'utf8').replace(/\/\/.*$/gm, '')
  const out = {}
  for (const [, name, value] of src.matchAll(/\b(\w+)\s*=\s*(\d+|"[^"]*")\s*[,;]/g)) out[name] = JSON.parse(value)
  return out
}

test('opcodes, flags and reserved ids match wire_keys.hpp', { skip: !existsSync(HPP) && 'vdom wire_keys.hpp not present' }, () => {
  const h = header()
  const ops = Object.fromEntries(Object.entries(C).filter(([k]) => k.startsWith('OP_')).map(([k, v]) => [k.slice(3).toLowerCase(), v]))
  const theirs = Object.fromEntries(Object.keys(ops).map(k => [k, h[k]]))
  assert.deepEqual(ops, theirs)
  const hpp_ops = ['set_text', 'set_attr', 'remove_attr', 'set_prop', 'remove_prop', 'insert', 'remove', 'move', 'replace']
  assert.deepEqual(Object.keys(ops).sort(), hpp_ops.filter(k => k in h).sort(), 'every opcode of the header is mirrored')
  assert.equal(C.FLAG_KEEP_FOCUSED, h.flag_keep_focused)
  assert.equal(C.FLAG_SYNC_VALUE, h.flag_sync_value)
  assert.equal(C.ROOT_ID, h.root_id)
  assert.equal(C.APPEND, h.append)
  assert.equal(C.FIRST_ID, h.first_id)
  assert.equal(C.KEY_ATTR, h.key_attr)
  assert.equal(C.KEY_ATTR_FALLBACK, h.key_attr_fallback)
})
