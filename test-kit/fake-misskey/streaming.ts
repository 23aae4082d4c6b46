// The streaming endpoint (StreamingApiServerService): the token is checked on the upgrade
// request, from `Authorization: Bearer` or `?i=`; a bad token, or an app token without
// read:account, gets a bare 401 written on the socket; a suspended user a bare 403. Anonymous
// sockets are accepted. Like the real server, every upgrade request is handled, whatever its path.
import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocket, WebSocketServer } from 'ws'
import { authenticate, type Caller } from './api-call.ts'
import type { PackContext } from './pack-user.ts'
import { StreamConnection } from './streaming-connection.ts'
import { measureQueues, measureServer, StatsFeed } from './streaming-stats.ts'
import type { ReceivedRequest } from './types.ts'

export interface StreamingOptions {
  /** Misskey pings every socket each minute (and drops those that stop answering). */
  pingIntervalMs?: number
  /** Misskey ticks server stats every 2 s and queue stats every 10 s; tests may go faster. */
  serverStatsIntervalMs?: number
  queueStatsIntervalMs?: number
}

const UNAUTHORIZED = [
  'HTTP/1.1 401 Unauthorized',
  'WWW-Authenticate: Bearer realm="Misskey", error="invalid_token", error_description="Failed to authenticate"',
].join('\r\n')

export class StreamingEndpoint {
  private readonly server = new WebSocketServer({ noServer: true })
  private readonly sockets = new Set<WebSocket>()
  private readonly suspended = new Set<string>()
  private readonly ctx: PackContext
  private readonly stats: { server: StatsFeed; queue: StatsFeed }
  private readonly pinger: ReturnType<typeof setInterval>

  constructor(ctx: PackContext, options: StreamingOptions = {}) {
    this.ctx = ctx
    this.pinger = setInterval(() => {
      for (const socket of this.sockets) if (socket.readyState === WebSocket.OPEN) socket.ping()
    }, options.pingIntervalMs ?? 60_000)
    this.pinger.unref()
    this.stats = {
      server: new StatsFeed(options.serverStatsIntervalMs ?? 2000, measureServer),
      queue: new StatsFeed(options.queueStatsIntervalMs ?? 10_000, measureQueues),
    }
  }

  get clientCount(): number {
    return this.sockets.size
  }

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer, log: ReceivedRequest): void {
    const query = new URL(req.url ?? '/', 'http://fake').searchParams
    const header = req.headers.authorization
    // RFC 6750 is case-sensitive, as on the API: `bearer x` counts as no header.
    const token = header?.startsWith('Bearer ') ? header.slice(7) : query.get('i')
    log.token = token
    log.tokenSource = token === null ? null : header?.startsWith('Bearer ') ? 'header' : 'query'
    let caller: Caller
    try {
      caller = authenticate(this.ctx.state, token)
      if (caller.app && !caller.app.permission.includes('read:account')) throw new Error('scope')
    } catch {
      return refuse(socket, UNAUTHORIZED)
    }
    if (caller.user && this.suspended.has(caller.user.id)) {
      return refuse(socket, 'HTTP/1.1 403 Forbidden')
    }
    // The stream keeps the user "online" (UserService.updateLastActiveDate).
    if (caller.user) caller.user.lastActiveAt = Date.now()
    this.server.handleUpgrade(req, socket, head, (ws) => {
      this.sockets.add(ws)
      ws.once('close', () => this.sockets.delete(ws))
      new StreamConnection(ws, { ctx: this.ctx, stats: this.stats }, caller.user, caller.app)
    })
  }

  /** Kills every socket without a closing handshake, as a network drop does. */
  dropAll(): void {
    for (const socket of this.sockets) socket.terminate()
  }

  broadcast(message: unknown): number {
    const text = typeof message === 'string' ? message : JSON.stringify(message)
    let sent = 0
    for (const socket of this.sockets) {
      if (socket.readyState !== WebSocket.OPEN) continue
      socket.send(text)
      sent++
    }
    return sent
  }

  suspend(userId: string, suspended: boolean): void {
    if (suspended) this.suspended.add(userId)
    else this.suspended.delete(userId)
  }

  close(): void {
    clearInterval(this.pinger)
    this.dropAll()
    this.stats.server.stop()
    this.stats.queue.stop()
    this.server.close()
  }
}

/** Misskey writes the status line and headers itself and destroys the socket: no body, no length. */
function refuse(socket: Duplex, head: string): void {
  socket.write(`${head}\r\n\r\n`)
  socket.destroy()
}
