import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/**
 * Where the listener waits: the loopback address the redirect URI names. `localhost` gets both
 * 127.0.0.1 and ::1, since a browser may resolve it to either (IPv6 only where the machine has it).
 */
export type LoopbackBinding = '127.0.0.1' | '::1' | 'localhost'

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
  /** 127.0.0.1 unless the redirect URI names another loopback host. */
  binding?: LoopbackBinding
}

/**
 * A one-shot HTTP listener on loopback that catches the browser's redirect at the end of a
 * sign-in. Only loopback is bound, so nothing outside this machine can reach it.
 */
export async function listenForCallback(options: LoopbackOptions): Promise<LoopbackCallback> {
  let deliver: (url: URL) => void = () => undefined
  const received = new Promise<URL>((resolve) => (deliver = resolve))
  const handler = (request: IncomingMessage, response: ServerResponse) => {
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
  }
  const binding = options.binding ?? '127.0.0.1'
  const first = await listen(handler, options.port, binding === '::1' ? '::1' : '127.0.0.1')
  const servers = [first]
  const { port } = first.address() as AddressInfo
  if (binding === 'localhost') {
    // The same port on ::1 too; a machine without IPv6 resolves localhost to 127.0.0.1 anyway.
    const second = await listen(handler, port, '::1').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRNOTAVAIL' || error.code === 'EAFNOSUPPORT') return null
      first.close()
      throw error
    })
    if (second) servers.push(second)
  }
  const host = binding === '::1' ? '[::1]' : binding
  return {
    url: `http://${host}:${port}${options.path}`,
    received,
    close: (graceMs = 0) => {
      // In-flight answers finish; idle keep-alive sockets are closed by server.close().
      setTimeout(() => servers.forEach((server) => server.close()), graceMs).unref()
    },
  }
}

function listen(
  handler: (request: IncomingMessage, response: ServerResponse) => void,
  port: number,
  address: string,
): Promise<Server> {
  const server = createServer(handler)
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, address, () => resolve(server))
  })
}

export function callbackPage(title: string, message: string): string {
  const escape = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`)
  return `<!doctype html><meta charset="utf-8"><title>${escape(title)}</title><body style="font:16px system-ui;margin:15vh auto;max-width:34em"><h1>${escape(title)}</h1><p>${escape(message)}</p></body>`
}
