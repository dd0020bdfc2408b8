// Prints the gzipped minified size of djust's client beside Phoenix LiveView's (phoenix_live_view + phoenix),
// measured in the same run; --json FILE also writes the figures as a flat name -> number map.
import { readFileSync, writeFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { bundle } from '../build.mjs'

const gz = s => gzipSync(s, { level: 9 }).length
const pkg = name => {
  const dir = new URL(`../node_modules/${name}/`, import.meta.url).pathname
  return { dir, version: JSON.parse(readFileSync(dir + 'package.json', 'utf8')).version }
}

const ours = await bundle()
const lv = pkg('phoenix_live_view')
const px = pkg('phoenix')
const lv_min = readFileSync(lv.dir + 'priv/static/phoenix_live_view.min.js')
const px_min = readFileSync(px.dir + 'priv/static/phoenix.min.js')

const figures = {
  djust_min_bytes: Buffer.byteLength(ours),
  djust_gzip_bytes: gz(ours),
  phoenix_live_view_min_bytes: lv_min.length,
  phoenix_live_view_gzip_bytes: gz(lv_min),
  phoenix_min_bytes: px_min.length,
  phoenix_gzip_bytes: gz(px_min),
  phoenix_total_gzip_bytes: gz(lv_min) + gz(px_min),
}
figures.phoenix_over_djust_gzip_ratio = +(figures.phoenix_total_gzip_bytes / figures.djust_gzip_bytes).toFixed(2)

const rows = [
  ['djust client (dist/djust.min.js)', figures.djust_min_bytes, figures.djust_gzip_bytes],
  [`phoenix_live_view ${lv.version} (min)`, figures.phoenix_live_view_min_bytes, figures.phoenix_live_view_gzip_bytes],
  [`phoenix ${px.version} (min)`, figures.phoenix_min_bytes, figures.phoenix_gzip_bytes],
  ['Phoenix LiveView client total', figures.phoenix_live_view_min_bytes + figures.phoenix_min_bytes, figures.phoenix_total_gzip_bytes],
]
console.log('| script | minified bytes | gzip -9 bytes |\n|---|---:|---:|')
for (const [name, min, gzb] of rows) console.log(`| ${name} | ${min} | ${gzb} |`)
console.log(`budget: 5120 bytes gzipped; Phoenix's client is ${figures.phoenix_over_djust_gzip_ratio}x ours`)

const at = process.argv.indexOf('--json')
if (at > 0) writeFileSync(process.argv[at + 1], JSON.stringify(figures, null, 2) + '\n')
