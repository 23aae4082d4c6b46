import { readFile } from 'node:fs/promises'
import { extname, join, normalize, sep } from 'node:path'

/**
 * The packaged renderer is served from `app://explorer/` rather than file://: a standard, secure
 * scheme gives the page a real origin (so module scripts, Monaco's workers and the CSP's 'self'
 * behave as on the web) and lets main tell our page apart from anything else (Electron's
 * security checklist, "avoid file://").
 */
export const appScheme = 'app'
export const appHost = 'explorer'
export const appOrigin = `${appScheme}://${appHost}`

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ttf': 'font/ttf',
  '.woff2': 'font/woff2',
}

/**
 * Answers a request for `pathname` from the built renderer folder, refusing any path that
 * escapes it. Used by the app:// handler and by the e2e tests' static server alike.
 */
export async function serveRendererFile(
  rendererDirectory: string,
  pathname: string,
): Promise<Response> {
  let relative: string
  try {
    relative = decodeURIComponent(pathname === '/' ? '/index.html' : pathname)
  } catch {
    return new Response('Not found', { status: 404 })
  }
  const root = normalize(rendererDirectory + sep)
  const file = normalize(join(root, relative))
  if (!file.startsWith(root)) return new Response('Not found', { status: 404 })
  try {
    const data = await readFile(file)
    return new Response(data, {
      headers: { 'content-type': contentTypes[extname(file)] ?? 'application/octet-stream' },
    })
  } catch {
    return new Response('Not found', { status: 404 })
  }
}

/** The app:// protocol handler: only our host is served. */
export function handleAppRequest(rendererDirectory: string, requestUrl: string): Promise<Response> {
  const url = new URL(requestUrl)
  if (url.host !== appHost) return Promise.resolve(new Response('Not found', { status: 404 }))
  return serveRendererFile(rendererDirectory, url.pathname)
}
