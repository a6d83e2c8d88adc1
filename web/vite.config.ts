import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

// Resolved from this file, not from the working directory, so `vite build --config web/vite.config.ts`
// behaves the same whether it is run from the repo root or from web/.
const webRoot = fileURLToPath(new URL('.', import.meta.url))

export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    // manifest.json lists each chunk and its imports: bench/web-chunks.ts sums what a page downloads.
    // The formalisation dashboard's chunk is ECharts with its map (about 600 kB, 200 kB gzipped). It is
    // loaded only when the dashboard opens, so the default 500 kB warning would flag a choice, not a mistake.
    chunkSizeWarningLimit: 700,
    manifest: true,
    rolldownOptions: {
      output: {
        // Six chunks called "pages-<hash>.js" say nothing in a network panel or a 404 log: an area's chunks are
        // named after the area ("exchange-public-pages", "fairs-words").
        chunkFileNames: (chunk) => {
          const id = chunk.facadeModuleId ?? ''
          const pages = /\/pages\/([a-z]+)\/(pages|public-pages)\.ts$/.exec(id)
          if (pages) return `assets/${pages[1]}-${pages[2]}-[hash].js`
          const words = /\/i18n\/([a-z]+)\/index\.ts$/.exec(id)
          if (words) return `assets/${words[1]}-words-[hash].js`
          return 'assets/[name]-[hash].js'
        },
      },
    },
  },
  server: {
    // During `vite` development the API runs separately on `npm start`'s port.
    proxy: { '/api': 'http://localhost:3000' },
  },
})
