// One streaming connection to one server, from connect to close: the socket's life as a state
// machine (connecting → open → reconnecting → open …, closed, failed), with the channels joined
// and the notes captured restored after every reconnect, and a log of what went over the wire.
import type { RawData, WebSocket } from 'ws'
import { fail, ok, type AppError, type Result } from '../../shared/result.ts'
import type {
  StreamingChannelState,
  StreamingParams,
  StreamingState,
} from '../../shared/streaming.ts'
import { backoffDelay } from './backoff.ts'
import { createChannelJoins } from './channel-joins.ts'
import { createLogRecorder } from './log-recorder.ts'
import { openSocket, type SocketOutcome } from './open-socket.ts'
import { messageTooLarge, networkFailure, socketClosed, upgradeRefused } from './socket-errors.ts'
import type { StreamingDependencies, StreamingTuning } from './streaming-types.ts'

export interface StreamingSession {
  snapshot(): StreamingState
  start(): void
  join(channel: string, params: StreamingParams): Result<StreamingChannelState>
  leave(connectionId: string): Result<StreamingState>
  subscribeNote(noteId: string): Result<StreamingState>
  unsubscribeNote(noteId: string): Result<StreamingState>
  sendRaw(text: string): Result<true>
  /** The user's disconnect: the socket closes and the state says `closed`. */
  close(): void
  /** Replaced by another session: close quietly, emit nothing more. */
  dispose(): void
}

const toBuffer = (data: RawData): Buffer =>
  Array.isArray(data) ? Buffer.concat(data) : Buffer.isBuffer(data) ? data : Buffer.from(data)

/** The parsed JSON, or undefined with the parser's complaint. */
function parse(text: string): { message: unknown; problem: string | null } {
  try {
    return { message: JSON.parse(text) as unknown, problem: null }
  } catch (error) {
    return { message: undefined, problem: (error as Error).message }
  }
}

type Shape = { type?: unknown; body?: { id?: unknown; channel?: unknown } } | null | undefined

export function createStreamingSession(
  origin: string,
  accountId: string | null,
  dependencies: StreamingDependencies,
  tuning: StreamingTuning,
): StreamingSession {
  const { timers, log } = dependencies
  const url = `${origin.replace(/^http/, 'ws')}/streaming`
  const host = new URL(origin).host
  const state = {
    sessionId: dependencies.randomId(),
    origin,
    accountId,
    phase: 'connecting' as StreamingState['phase'],
    attempt: 0,
    retryAt: null as number | null,
    reconnects: 0,
    openedAt: null as number | null,
    error: null as AppError | null,
    capturedNoteIds: [] as string[],
  }
  const recorder = createLogRecorder(state.sessionId, tuning.batchIntervalMs, dependencies)
  const joins = createChannelJoins(send, timers, tuning.confirmTimeoutMs, publish)
  let socket: WebSocket | null = null
  let everOpened = false
  let closedByUser = false
  let disposed = false
  let retryTimer: unknown = null

  function snapshot(): StreamingState {
    return {
      ...state,
      channels: joins.list.map((channel) => ({ ...channel })),
      capturedNoteIds: [...state.capturedNoteIds],
    }
  }

  function publish() {
    if (!disposed) dependencies.emitState(snapshot())
  }

  function send(message: unknown) {
    const text = JSON.stringify(message)
    socket?.send(text)
    recorder.record('out', text, Buffer.byteLength(text), message)
  }

  function onOpen(opened: WebSocket) {
    if (opened !== socket) return
    if (everOpened) state.reconnects++
    everOpened = true
    Object.assign(state, { phase: 'open', attempt: 0, retryAt: null, error: null })
    state.openedAt = dependencies.now()
    log(`streaming: open on ${url}`)
    // A new socket knows nothing of the old one's channels and captured notes.
    for (const channel of joins.list) joins.sendJoin(channel)
    for (const noteId of state.capturedNoteIds) send({ type: 'subNote', body: { id: noteId } })
    publish()
  }

  function onMessage(from: WebSocket, data: RawData, isBinary: boolean) {
    if (from !== socket) return
    const buffer = toBuffer(data)
    const text = isBinary ? `(binary, ${buffer.byteLength} bytes)` : buffer.toString('utf8')
    const message = isBinary ? undefined : parse(text).message
    const shape = message as Shape
    if (shape?.type === 'connected' && typeof shape.body?.id === 'string') {
      if (joins.confirm(shape.body.id)) publish()
    }
    recorder.record('in', text, buffer.byteLength, message)
  }

  function onClose(closed: WebSocket, code: number, reason: string, outcome: SocketOutcome) {
    if (closed !== socket) return
    socket = null
    joins.reset()
    recorder.flush()
    if (disposed || closedByUser) return
    const { refusal, opened, failure } = outcome
    const error: AppError =
      refusal !== null
        ? upgradeRefused(refusal, host, accountId === null)
        : outcome.tooLarge
          ? messageTooLarge(host, tuning.maxMessageBytes)
          : opened
            ? socketClosed(code, reason, host, outcome.silentMs)
            : networkFailure(
                failure ?? new Error(`closed with code ${code}`),
                `${origin}/streaming`,
              )
    log(
      `streaming: ${url} closed (${code}${refusal !== null ? `, upgrade answered ${refusal}` : ''}): ${error.message}`,
    )
    // A refused token stays refused; a first connection that never opened is the user's to retry,
    // and so is a server sending oversized messages (it would only send them again).
    if (refusal === 401 || refusal === 403 || !everOpened || outcome.tooLarge) {
      return settle('failed', error)
    }
    scheduleReconnect(error)
  }

  function settle(phase: 'failed' | 'closed', error: AppError | null) {
    Object.assign(state, { phase, error, attempt: 0, retryAt: null })
    publish()
  }

  function scheduleReconnect(error: AppError) {
    const attempt = state.attempt + 1
    const backoff = { initialMs: tuning.initialBackoffMs, maxMs: tuning.maxBackoffMs }
    const delay = backoffDelay(attempt, backoff, dependencies.random)
    Object.assign(state, { phase: 'reconnecting', attempt, error })
    state.retryAt = dependencies.now() + delay
    publish()
    retryTimer = timers.set(() => {
      retryTimer = null
      void open()
    }, delay)
  }

  async function open() {
    const headers: Record<string, string> = {}
    if (accountId !== null) {
      // Read at every (re)connection: an account removed meanwhile must not connect again.
      const token = await dependencies.tokenFor(accountId, origin)
      if (disposed || closedByUser) return
      if (!token.ok) return settle('failed', token.error)
      // On the upgrade request only: never in the URL, never logged.
      headers.authorization = `Bearer ${token.value}`
    }
    if (disposed || closedByUser) return
    const who = accountId ? `as account ${accountId}` : 'anonymously'
    log(
      `streaming: connecting to ${url} ${who}${state.attempt ? ` (attempt ${state.attempt})` : ''}`,
    )
    socket = openSocket(url, headers, dependencies, tuning, {
      open: onOpen,
      message: onMessage,
      close: onClose,
    })
  }

  function shutDown() {
    if (retryTimer !== null) timers.clear(retryTimer)
    retryTimer = null
    joins.reset()
    const current = socket
    socket = null
    if (!current) return
    if (current.readyState === current.CONNECTING) current.terminate()
    else current.close(1000)
  }

  const notConnected = (): Result<never> =>
    fail('STREAM_NOT_CONNECTED', 'The streaming connection is closed; connect first.', { host })
  const usable = () => state.phase !== 'closed' && state.phase !== 'failed'

  return {
    snapshot,
    start() {
      void open()
      publish()
    },

    join(channel, params) {
      if (!usable()) return notConnected()
      const joined = joins.add(dependencies.randomId(), channel, params)
      recorder.name(joined.id, channel)
      // While (re)connecting the join waits for the socket to open.
      if (state.phase === 'open') joins.sendJoin(joined)
      publish()
      return ok({ ...joined })
    },

    leave(connectionId) {
      if (!joins.remove(connectionId)) {
        return fail('UNKNOWN_STREAM_CHANNEL', 'That channel is not joined any more.', {
          connectionId,
        })
      }
      if (state.phase === 'open') send({ type: 'disconnect', body: { id: connectionId } })
      publish()
      return ok(snapshot())
    },

    subscribeNote(noteId) {
      if (!usable()) return notConnected()
      if (!state.capturedNoteIds.includes(noteId)) {
        state.capturedNoteIds.push(noteId)
        if (state.phase === 'open') send({ type: 'subNote', body: { id: noteId } })
        publish()
      }
      return ok(snapshot())
    },

    unsubscribeNote(noteId) {
      if (state.capturedNoteIds.includes(noteId)) {
        state.capturedNoteIds = state.capturedNoteIds.filter((id) => id !== noteId)
        if (state.phase === 'open') send({ type: 'unsubNote', body: { id: noteId } })
        publish()
      }
      return ok(snapshot())
    },

    sendRaw(text) {
      const { message, problem } = parse(text)
      if (problem !== null) {
        return fail('STREAM_MESSAGE_NOT_JSON', `Not sent: the message is not JSON (${problem}).`, {
          reason: problem,
        })
      }
      if (state.phase !== 'open' || !socket) return notConnected()
      const shape = message as Shape
      // A hand-written join still gets its channel's name in the log.
      if (shape?.type === 'connect' && typeof shape.body?.id === 'string') {
        if (typeof shape.body.channel === 'string') recorder.name(shape.body.id, shape.body.channel)
      }
      socket.send(text)
      recorder.record('out', text, Buffer.byteLength(text), message)
      return ok(true)
    },

    close() {
      if (closedByUser) return
      closedByUser = true
      shutDown()
      recorder.flush()
      log(`streaming: ${url} closed by the user`)
      settle('closed', null)
    },

    dispose() {
      disposed = true
      closedByUser = true
      shutDown()
      recorder.dispose()
    },
  }
}
