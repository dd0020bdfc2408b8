// msgpack: exact bytes for each type family, round trips, and clear errors on bad input.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { encode, decode } from '../src/msgpack.js'

const hex = v => Buffer.from(encode(v)).toString('hex')

test('encodes each type with the smallest form', () => {
  assert.equal(hex(null), 'c0')
  assert.equal(hex(undefined), 'c0')
  assert.equal(hex(true), 'c3')
  assert.equal(hex(false), 'c2')
  assert.equal(hex(0), '00')
  assert.equal(hex(127), '7f')
  assert.equal(hex(128), 'cc80')
  assert.equal(hex(256), 'cd0100')
  assert.equal(hex(65536), 'ce00010000')
  assert.equal(hex(-1), 'ff')
  assert.equal(hex(-32), 'e0')
  assert.equal(hex(-33), 'd0df')
  assert.equal(hex(-129), 'd1ff7f')
  assert.equal(hex(-32769), 'd2ffff7fff')
  assert.equal(hex(1.5), 'cb3ff8000000000000')
  assert.equal(hex(2 ** 32), 'cb41f0000000000000')
  assert.equal(hex('a'), 'a161')
  assert.equal(hex('é'), 'a2c3a9')
  assert.equal(hex('x'.repeat(32)), 'd920' + '78'.repeat(32))
  assert.equal(hex('x'.repeat(256)).slice(0, 6), 'da0100')
  assert.equal(hex(new Uint8Array([1, 2])), 'c4020102')
  assert.equal(hex([1, 'a']), '9201a161')
  assert.equal(hex({ t: 'hb', ref: 1 }), '82a174a26862a3726566' + '01')
  assert.equal(hex({ a: 1, b: undefined }), '81a16101')
  assert.equal(hex(new Array(16).fill(0)).slice(0, 6), 'dc0010')
  assert.equal(hex(Object.fromEntries([...Array(16)].map((_, i) => ['k' + i, i]))).slice(0, 6), 'de0010')
})

test('round trips nested messages', () => {
  const values = [
    0, 1, -1, 200, -200, 70000, -70000, 4294967295, -2147483648, 0.25, -1e300, 2 ** 40,
    '', 'hello', 'ünïcødé ✓', 'y'.repeat(70000), [], [[1, [2, [3]]]], {},
    { t: 'reply', ref: 7, s: 3, d: [[0, 4, 'text', 1], [5, 0, 0, 9, '<li>x</li>']] },
    new Uint8Array(300).fill(7), Array.from({ length: 70000 }, (_, i) => i % 3),
  ]
  for (const v of values) assert.deepEqual(decode(encode(v)), v)
})

test('decodes forms the encoder never writes', () => {
  const d = h => decode(Buffer.from(h, 'hex'))
  assert.equal(d('ca3fc00000'), 1.5) // float32
  assert.equal(d('cf0000000100000000'), 2 ** 32) // uint64
  assert.equal(d('d3ffffffffffffffff'), -1) // int64
  assert.equal(d('d3fffffffffffffffe'), -2)
  assert.equal(d('d1ff7f'), -129)
  assert.deepEqual(d('dd00000001a0'), [''])
  assert.deepEqual(d('df00000001a16101'), { a: 1 })
  assert.equal(d('db00000002' + '6869'), 'hi')
  assert.deepEqual(d('c6000000020102'), new Uint8Array([1, 2]))
})

test('accepts an ArrayBuffer and a view into a larger buffer', () => {
  const bytes = encode({ k: [1, 2] })
  assert.deepEqual(decode(bytes.buffer), { k: [1, 2] })
  const big = new Uint8Array(bytes.length + 4)
  big.set(bytes, 2)
  assert.deepEqual(decode(big.subarray(2, 2 + bytes.length)), { k: [1, 2] })
})

test('bad input gets a clear error', () => {
  const d = h => () => decode(Buffer.from(h, 'hex'))
  assert.throws(d(''), /msgpack: truncated/)
  assert.throws(d('a3616263'.slice(0, 6)), /msgpack: truncated/)
  assert.throws(d('cd01'), /msgpack: truncated/)
  assert.throws(d('92 01'.replace(' ', '')), /msgpack: truncated/)
  assert.throws(d('c1'), /msgpack: unsupported type 0xc1/)
  assert.throws(d('d40100'), /msgpack: unsupported type 0xd4/)
  assert.throws(d('0101'), /msgpack: trailing bytes/)
})
