// Builds the single-page app (ui/) into dist/, which the gateway serves at `/`. `vite dev` proxies the API
// to the gateway (or the platform) on :3000, so the app always talks to one origin, as in production.
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

const API_TARGET = 'http://127.0.0.1:3000'

export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true, target: 'es2022' },
  server: {
    host: '127.0.0.1',
    proxy: { '/api': { target: API_TARGET, changeOrigin: false } },
  },
  preview: { proxy: { '/api': { target: API_TARGET } } },
})
