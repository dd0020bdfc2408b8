// Bundles src/index.js into one minified IIFE, dist/djust.min.js (served as /static/djust/client.js).
import * as esbuild from 'esbuild'
import { fileURLToPath } from 'node:url'
import { writeFileSync, mkdirSync } from 'node:fs'

const here = fileURLToPath(new URL('.', import.meta.url))
export const DIST = here + 'dist/djust.min.js'

// Returns the bundle as a string; minified unless minify is false (tests load the readable one).
export const bundle = async (minify = true) => {
  const r = await esbuild.build({
    entryPoints: [here + 'src/index.js'],
    bundle: true,
    format: 'iife',
    target: 'es2022',
    minify,
    legalComments: 'none',
    write: false,
  })
  return r.outputFiles[0].text
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  mkdirSync(here + 'dist', { recursive: true })
  const code = await bundle()
  writeFileSync(DIST, code)
  console.log(`wrote ${DIST} (${code.length} bytes)`)
}
