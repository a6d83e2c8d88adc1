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
  },
  server: {
    // During `vite` development the API runs separately on `npm start`'s port.
    proxy: { '/api': 'http://localhost:3000' },
  },
})
