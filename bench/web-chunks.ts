/**
 * What the browser downloads for a page of the built web app, from Vite's manifest (web/dist/.vite/manifest.json):
 * the entry chunk with every chunk it imports statically, then each lazy chunk a page waits for (with its own
 * static imports, less what is already loaded). Raw and gzip bytes of JavaScript; CSS is left out.
 *
 *   npm run build:web && npx tsx bench/web-chunks.ts [web/dist]
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { gzipSync } from 'node:zlib'

interface ManifestChunk {
  file: string
  src?: string
  isEntry?: boolean
  imports?: string[]
  dynamicImports?: string[]
}

const dist = process.argv[2] ?? 'web/dist'
const manifest = JSON.parse(readFileSync(path.join(dist, '.vite/manifest.json'), 'utf8')) as Record<
  string,
  ManifestChunk
>

const sizeOf = (file: string) => {
  const bytes = readFileSync(path.join(dist, file))
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length }
}

/** The chunk keyed `key` and everything it imports statically, minus `loaded`. */
function closure(key: string, loaded: Set<string>): string[] {
  const files: string[] = []
  const visit = (k: string) => {
    const chunk = manifest[k]
    if (!chunk || loaded.has(chunk.file)) return
    loaded.add(chunk.file)
    files.push(chunk.file)
    for (const i of chunk.imports ?? []) visit(i)
  }
  visit(key)
  return files
}

const total = (files: string[]) =>
  files.map(sizeOf).reduce((a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip }), { raw: 0, gzip: 0 })
const kB = (n: number) => `${(n / 1000).toFixed(1)} kB`
const show = (label: string, files: string[]) => {
  const { raw, gzip } = total(files)
  console.log(`${label.padEnd(44)} ${kB(raw).padStart(9)}  gzip ${kB(gzip).padStart(8)}  (${files.length} files)`)
}

const entryKey = Object.keys(manifest).find((k) => manifest[k]?.isEntry)
if (entryKey === undefined) throw new Error(`${dist}/.vite/manifest.json has no entry chunk`)
const loaded = new Set<string>()
const entry = closure(entryKey, loaded)
show('entry + its static imports (every page)', entry)

// The lazy chunk each public page waits for before it renders, if the build has one.
const publicPages: [string, string][] = [
  ['/vacancies, /vacancies/:id', 'src/pages/exchange/public-pages.ts'],
  ['/hotline/report, /hotline/follow', 'src/pages/social/public-pages.ts'],
]
for (const [page, key] of publicPages) {
  if (!manifest[key]) continue
  const lazy = closure(key, new Set(loaded))
  show(`${page}: + lazy`, lazy)
  show(`${page}: first load in all`, [...entry, ...lazy])
}

const largest = Object.values(manifest)
  .filter((c) => c.file.endsWith('.js'))
  .map((c) => ({ file: c.file, ...sizeOf(c.file) }))
  .sort((a, b) => b.raw - a.raw)
for (const c of largest.slice(0, 3)) console.log(`largest: ${c.file} ${kB(c.raw)} (gzip ${kB(c.gzip)})`)
