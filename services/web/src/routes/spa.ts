// The single-page app: the files of `vite build` (dist/), and index.html for every other page path, so
// that a deep link (/track/K7M2Q9XRT4, /staff/cases/…) opens the app, which routes on the client.
import { existsSync, statSync } from 'node:fs'
import { join, normalize, sep } from 'node:path'
import fastifyStatic from '@fastify/static'
import { type App, problem, sendProblem } from '@tingjian/kit'

/** Vite's hashed output: a changed file gets a new name, so a cached copy is never stale. */
const IMMUTABLE = 'public, max-age=31536000, immutable'
/** Other files of dist/ (favicon, robots.txt): named the same across builds. */
const SHORT = 'public, max-age=3600'
/** index.html names the current hashed files: always revalidated (it is small, and ETag makes it cheap). */
const NO_CACHE = 'no-cache'

/** Extensions that name a file, not a page: a missing one is a 404, not the app. */
const FILE_EXTENSION =
  /\.(?:js|mjs|css|map|json|txt|xml|ico|png|jpe?g|gif|svg|webp|avif|woff2?|ttf|otf|webmanifest|wasm|html?)$/i

export interface SpaOptions {
  /** The built app (services/web/dist). */
  staticDir: string
}

export async function spaRoutes(app: App, options: SpaOptions): Promise<void> {
  const root = normalize(options.staticDir)
  await app.register(fastifyStatic, {
    root,
    serve: false,
    // Cache-Control is set per file below.
    cacheControl: false,
    dotfiles: 'deny',
    index: false,
  })

  /** The file under root that a decoded URL path names, or null (missing, a directory, a dotfile, outside). */
  const fileOf = (path: string): string | null => {
    const segments = path.split('/').filter(Boolean)
    if (segments.length === 0 || segments.some((s) => s.startsWith('.') || s.includes('\\'))) return null
    const full = join(root, ...segments)
    if (!full.startsWith(root + sep)) return null
    try {
      return statSync(full).isFile() ? segments.join('/') : null
    } catch {
      return null
    }
  }

  app.get('/*', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
    const path = `/${(request.params as { '*': string })['*'] ?? ''}`
    if (path === '/api' || path.startsWith('/api/')) {
      return sendProblem(
        reply,
        problem(request, 404, 'TJ_NOT_FOUND', `No API route ${request.method} ${request.url.split('?')[0]}`),
      )
    }
    // dotfiles (.env, .git) are nobody's page
    if (path.split('/').some((segment) => segment.startsWith('.'))) {
      return sendProblem(reply, problem(request, 404, 'TJ_NOT_FOUND', 'No such file'))
    }
    const file = fileOf(path)
    if (file && file !== 'index.html') {
      reply.header('cache-control', file.startsWith('assets/') ? IMMUTABLE : SHORT)
      return reply.sendFile(file)
    }
    if (!file && FILE_EXTENSION.test(path) && path !== '/index.html') {
      return sendProblem(reply, problem(request, 404, 'TJ_NOT_FOUND', 'No such file'))
    }
    if (!existsSync(join(root, 'index.html'))) {
      return sendProblem(
        reply,
        problem(
          request,
          503,
          'TJ_WEB_APP_NOT_BUILT',
          'The web app is not built: run `pnpm build` (the API under /api/v1 works without it)',
        ),
      )
    }
    reply.header('cache-control', NO_CACHE)
    return reply.type('text/html; charset=utf-8').sendFile('index.html')
  })
}
