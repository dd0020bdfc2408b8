// Minimal MessagePack encoder/decoder: nil, bool, int, float, str, bin, array, map (no ext).

const te = new TextEncoder()
const td = new TextDecoder()

// Big-endian unsigned write of the low k bytes of n (n within int32/uint32 range).
const be = (b, n, k) => { while (k--) b.push(n >>> 8 * k & 255) }

// Length header: fixed form below max, then the 8-bit (if any), 16-bit and 32-bit forms.
const head = (b, n, fix, max, c16, c8) =>
  n < max ? b.push(fix + n)
    : c8 && n < 256 ? b.push(c8, n)
      : n < 65536 ? (b.push(c16), be(b, n, 2))
        : (b.push(c16 + 1), be(b, n, 4))

const put = (b, v) => {
  if (v == null) b.push(0xc0)
  else if (v === true || v === false) b.push(v ? 0xc3 : 0xc2)
  else if (typeof v == 'number') {
    if (Number.isInteger(v) && v >= -(2 ** 31) && v < 2 ** 32) {
      if (v >= 0) v < 128 ? b.push(v) : v < 256 ? b.push(0xcc, v) : v < 65536 ? (b.push(0xcd), be(b, v, 2)) : (b.push(0xce), be(b, v, 4))
      else v >= -32 ? b.push(v & 255) : v >= -128 ? b.push(0xd0, v & 255) : v >= -32768 ? (b.push(0xd1), be(b, v, 2)) : (b.push(0xd2), be(b, v, 4))
    } else {
      const d = new DataView(new ArrayBuffer(8))
      d.setFloat64(0, v)
      b.push(0xcb, ...new Uint8Array(d.buffer))
    }
  } else if (typeof v == 'string') {
    const s = te.encode(v)
    head(b, s.length, 0xa0, 32, 0xda, 0xd9)
    for (const x of s) b.push(x)
  } else if (v instanceof Uint8Array) {
    head(b, v.length, 0, 0, 0xc5, 0xc4)
    for (const x of v) b.push(x)
  } else if (Array.isArray(v)) {
    head(b, v.length, 0x90, 16, 0xdc)
    for (const x of v) put(b, x)
  } else {
    const e = Object.entries(v).filter(([, x]) => x !== undefined)
    head(b, e.length, 0x80, 16, 0xde)
    for (const [k, x] of e) put(b, k), put(b, x)
  }
}

export const encode = v => {
  const b = []
  put(b, v)
  return new Uint8Array(b)
}

// Decodes one value from an ArrayBuffer or Uint8Array; throws on truncated or unsupported input.
export const decode = buf => {
  const u = new Uint8Array(buf.buffer || buf, buf.byteOffset, buf.byteLength)
  const d = new DataView(u.buffer, u.byteOffset, u.byteLength)
  let p = 0
  const need = k => {
    if (p + k > u.length) throw Error('msgpack: truncated')
    return (p += k) - k
  }
  const uint = k => { let v = 0; for (need(k); k--;) v = v * 256 + u[p - k - 1]; return v }
  const list = (n, m) => { const o = m ? {} : []; while (n--) m ? o[read()] = read() : o.push(read()); return o }
  const read = () => {
    const c = u[need(1)]
    let k
    if (c < 0x80) return c
    if (c < 0x90) return list(c & 15, 1)
    if (c < 0xa0) return list(c & 15)
    if (c < 0xc0) return td.decode(u.subarray(need(c & 31), p))
    if (c > 0xdf) return c - 256
    if (c == 0xc0) return null
    if (c == 0xc2 || c == 0xc3) return c == 0xc3
    if (c >= 0xc4 && c <= 0xc6) return u.slice(need(uint(1 << c - 0xc4)), p)
    if (c == 0xca) return d.getFloat32(need(4))
    if (c == 0xcb) return d.getFloat64(need(8))
    if (c >= 0xcc && c <= 0xcf) return uint(1 << c - 0xcc)
    if (c >= 0xd0 && c <= 0xd3) {
      // Signed: the first byte carries the sign, the rest accumulate (exact up to 2^53).
      let v = u[need(k = 1 << c - 0xd0)] << 24 >> 24
      while (--k) v = v * 256 + u[p - k]
      return v
    }
    if (c >= 0xd9 && c <= 0xdb) return td.decode(u.subarray(need(uint(1 << c - 0xd9)), p))
    if (c == 0xdc || c == 0xdd) return list(uint(2 << c - 0xdc))
    if (c == 0xde || c == 0xdf) return list(uint(2 << c - 0xde), 1)
    throw Error('msgpack: unsupported type 0x' + c.toString(16))
  }
  const v = read()
  if (p != u.length) throw Error('msgpack: trailing bytes')
  return v
}
