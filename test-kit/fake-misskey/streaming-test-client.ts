// A small `ws` client for the fake's streaming tests: collects what arrives and waits for it.
import type { IncomingMessage } from 'node:http'
import { WebSocket } from 'ws'

export interface TestStream {
  socket: WebSocket
  received: Array<{ type: string; body: Record<string, unknown> }>
  send(message: unknown): void
  /** Resolves with the first message (already received or to come) that matches. */
  next(
    match: (message: { type: string; body: Record<string, unknown> }) => boolean,
    timeoutMs?: number,
  ): Promise<{ type: string; body: Record<string, unknown> }>
  close(): Promise<void>
}

export interface RefusedUpgrade {
  status: number
  headers: IncomingMessage['headers']
  body: string
}

function urlOf(origin: string, query = ''): string {
  return `${origin.replace(/^http/, 'ws')}/streaming${query}`
}

/** Opens a socket, or answers how the upgrade was refused. */
export function openStream(
  origin: string,
  options: { bearer?: string; query?: string } = {},
): Promise<TestStream | RefusedUpgrade> {
  const headers: Record<string, string> = options.bearer
    ? { authorization: `Bearer ${options.bearer}` }
    : {}
  const socket = new WebSocket(urlOf(origin, options.query), { headers })
  const received: TestStream['received'] = []
  const waiters = new Set<() => void>()
  socket.on('message', (data) => {
    received.push(JSON.parse(data.toString()) as TestStream['received'][number])
    for (const waiter of waiters) waiter()
  })
  return new Promise((resolve, reject) => {
    let settled = false
    socket.on('error', (error) => {
      if (!settled) reject(error)
      settled = true
    })
    socket.once('unexpected-response', (_request, response) => {
      let body = ''
      const done = () => {
        if (settled) return
        settled = true
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body })
        socket.terminate()
      }
      response.on('data', (chunk: Buffer) => (body += chunk.toString()))
      response.on('end', done)
      response.on('error', done)
      response.on('close', done)
    })
    socket.once('open', () => {
      settled = true
      resolve({
        socket,
        received,
        send: (message) =>
          socket.send(typeof message === 'string' ? message : JSON.stringify(message)),
        next(match, timeoutMs = 2000) {
          return new Promise((found, fail) => {
            const check = () => {
              const hit = received.find(match)
              if (!hit) return
              waiters.delete(check)
              clearTimeout(timer)
              found(hit)
            }
            const timer = setTimeout(() => {
              waiters.delete(check)
              fail(new Error(`no matching message within ${timeoutMs} ms`))
            }, timeoutMs)
            waiters.add(check)
            check()
          })
        },
        close: () =>
          new Promise<void>((done) => {
            if (socket.readyState === WebSocket.CLOSED) return done()
            socket.once('close', () => done())
            socket.close()
          }),
      })
    })
  })
}

export function isOpen(stream: TestStream | RefusedUpgrade): stream is TestStream {
  return 'socket' in stream
}

export const settle = (ms = 150) => new Promise((resolve) => setTimeout(resolve, ms))
