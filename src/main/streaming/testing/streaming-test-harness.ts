// What the streaming service tests share: the service built on the real `ws` client with fast
// timings, a recorder of what it emitted and logged, and a way to wait for it.
import { randomUUID } from 'node:crypto'
import { WebSocket, type ClientOptions } from 'ws'
import { fail, ok, type Result } from '../../../shared/result.ts'
import type { StreamingLogEntry, StreamingState } from '../../../shared/streaming.ts'
import { createStreamingService, type StreamingService } from '../streaming-service.ts'
import type { StreamingDependencies } from '../streaming-types.ts'

export interface Harness {
  service: StreamingService
  states: StreamingState[]
  entries: StreamingLogEntry[]
  batches: number
  logs: string[]
  /** Every socket the service opened: its URL and the headers of its upgrade request. */
  sockets: Array<{ url: string; headers: Record<string, string> }>
  /** Pings the server sent, over every socket: the witness that time passed on an open one. */
  pings: number
  saved: Map<string, string>
  last(): StreamingState
  until<T>(find: () => T | undefined | null | false, timeoutMs?: number): Promise<T>
}

export async function waitUntil<T>(
  find: () => T | undefined | null | false,
  timeoutMs = 3000,
): Promise<T> {
  const started = Date.now()
  for (;;) {
    const found = find()
    if (found) return found
    if (Date.now() - started > timeoutMs) throw new Error(`nothing came within ${timeoutMs} ms`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

export function createHarness(
  tokens: Record<string, string>,
  overrides: Partial<StreamingDependencies> = {},
): Harness {
  const harness = {
    states: [] as StreamingState[],
    entries: [] as StreamingLogEntry[],
    batches: 0,
    logs: [] as string[],
    sockets: [] as Harness['sockets'],
    pings: 0,
    saved: new Map<string, string>(),
  }
  class RecordingSocket extends WebSocket {
    constructor(url: string, options: ClientOptions) {
      harness.sockets.push({ url, headers: { ...(options.headers as Record<string, string>) } })
      super(url, options)
      this.on('ping', () => harness.pings++)
    }
  }
  const service = createStreamingService({
    WebSocket: RecordingSocket,
    tokenFor: async (accountId): Promise<Result<string>> =>
      tokens[accountId]
        ? ok(tokens[accountId])
        : fail('UNKNOWN_ACCOUNT', 'That account no longer exists.', { accountId }),
    now: Date.now,
    timers: {
      set: (callback, ms) => setTimeout(callback, ms),
      clear: (handle) => clearTimeout(handle as NodeJS.Timeout),
    },
    random: () => 1,
    randomId: randomUUID,
    emitState: (state) => harness.states.push(state),
    emitMessages: (batch) => {
      harness.batches++
      harness.entries.push(...batch.entries)
    },
    log: (message) => harness.logs.push(message),
    chooseSaveFile: async () => null,
    writeFile: async (path, text) => void harness.saved.set(path, text),
    tuning: { initialBackoffMs: 40, maxBackoffMs: 400, confirmTimeoutMs: 300, batchIntervalMs: 20 },
    ...overrides,
  })
  return Object.assign(harness, {
    service,
    last: () => harness.states.at(-1) as StreamingState,
    until: waitUntil,
  })
}
