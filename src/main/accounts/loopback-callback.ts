import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface LoopbackCallback {
  /** The URL the server sends the browser back to. */
  url: string
  /** Resolves with the first callback request that `accept`s; later ones are refused. */
  received: Promise<URL>
  /** Stops listening, after `graceMs` during which late visits still get the page. */
  close(graceMs?: number): void
}

export interface LoopbackOptions {
  /** 0 for any free port (MiAuth); a fixed one when the redirect URI is registered (OAuth). */
  port: number
  path: string
  /** Only the request of this sign-in (its session or state) completes it. */
  accept: (url: URL) => boolean
  /** The page the browser shows once it is back. */
  page: string
}

/**
 * A one-shot HTTP listener on 127.0.0.1 that catches the browser's redirect at the end of a
 * sign-in. Only loopback is bound, so nothing outside this machine can reach it.
 */
export function listenForCallback(options: LoopbackOptions): Promise<LoopbackCallback> {
  let deliver: (url: URL) => void = () => undefined
  const received = new Promise<URL>((resolve) => (deliver = resolve))
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1')
    if (url.pathname !== options.path || !options.accept(url)) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found')
      return
    }
    // Every matching visit (a reload, a late redirect) gets the page; the first one counts.
    response.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
    })
    response.end(options.page)
    deliver(url)
  })
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo
      resolve({
        url: `http://127.0.0.1:${port}${options.path}`,
        received,
        close: (graceMs = 0) => {
          // In-flight answers finish; idle keep-alive sockets are closed by server.close().
          setTimeout(() => server.close(), graceMs).unref()
        },
      })
    })
  })
}

export function callbackPage(title: string, message: string): string {
  const escape = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`)
  return `<!doctype html><meta charset="utf-8"><title>${escape(title)}</title><body style="font:16px system-ui;margin:15vh auto;max-width:34em"><h1>${escape(title)}</h1><p>${escape(message)}</p></body>`
}
