import type { RawData, WebSocket } from 'ws'
import type { StreamingDependencies, StreamingTuning } from './streaming-types.ts'

/** How a socket ended, for the explanation. */
export interface SocketOutcome {
  opened: boolean
  /** Set when we ended a socket that had gone silent. */
  silentMs: number | null
  /** The HTTP status the upgrade request got instead of 101. */
  refusal: number | null
  failure: unknown
  /** Set when the server sent a message over `maxMessageBytes` (ws then closes with 1009). */
  tooLarge: boolean
}

export interface SocketListeners {
  open(socket: WebSocket): void
  message(socket: WebSocket, data: RawData, isBinary: boolean): void
  close(socket: WebSocket, code: number, reason: string, outcome: SocketOutcome): void
}

/**
 * Opens one WebSocket and reports its life. An HTTP answer to the upgrade is kept (401, 403, …)
 * instead of becoming a bare "Unexpected server response"; a socket that brings nothing for
 * `silenceTimeoutMs`, not even a ping, is ended as dead.
 */
export function openSocket(
  url: string,
  headers: Record<string, string>,
  dependencies: Pick<StreamingDependencies, 'WebSocket' | 'now' | 'timers'>,
  tuning: StreamingTuning,
  listeners: SocketListeners,
): WebSocket {
  const { timers, now } = dependencies
  const socket = new dependencies.WebSocket(url, {
    headers,
    handshakeTimeout: tuning.handshakeTimeoutMs,
    followRedirects: false,
    maxPayload: tuning.maxMessageBytes,
  })
  const outcome: SocketOutcome = {
    opened: false,
    silentMs: null,
    refusal: null,
    failure: null,
    tooLarge: false,
  }
  const checkEvery = Math.max(100, tuning.silenceTimeoutMs / 5)
  let heardAt = now()
  let watchdog: unknown = null
  // Checked a few times per timeout rather than re-armed per message: a busy timeline brings
  // hundreds a second.
  const watch = () => {
    const silent = now() - heardAt
    if (silent < tuning.silenceTimeoutMs) {
      watchdog = timers.set(watch, checkEvery)
      return
    }
    outcome.silentMs = silent
    socket.terminate()
  }

  socket.on('unexpected-response', (_request, response) => {
    outcome.refusal = response.statusCode ?? 0
    response.resume()
    socket.terminate()
  })
  socket.on('error', (error) => {
    outcome.failure ??= error
    if ((error as { code?: unknown }).code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') {
      outcome.tooLarge = true
    }
  })
  socket.on('ping', () => (heardAt = now()))
  socket.on('open', () => {
    outcome.opened = true
    heardAt = now()
    watchdog = timers.set(watch, checkEvery)
    listeners.open(socket)
  })
  socket.on('message', (data, isBinary) => {
    heardAt = now()
    listeners.message(socket, data, isBinary)
  })
  socket.on('close', (code, reason) => {
    if (watchdog !== null) timers.clear(watchdog)
    listeners.close(socket, code, reason.toString('utf8'), outcome)
  })
  return socket
}
