import type { ClientOptions, WebSocket } from 'ws'
import type { Result } from '../../shared/result.ts'
import type { StreamingMessageBatch, StreamingState } from '../../shared/streaming.ts'

/** The `ws` package's client: unlike the browser's WebSocket it can set headers on the upgrade. */
export type SocketConstructor = new (url: string, options: ClientOptions) => WebSocket

export interface Timers {
  set(callback: () => void, ms: number): unknown
  clear(handle: unknown): void
}

export interface StreamingTuning {
  /** The first reconnect waits about this long; each next one twice as long, up to maxBackoffMs. */
  initialBackoffMs: number
  maxBackoffMs: number
  /** How long a join waits for `connected` before it is shown as unconfirmed. */
  confirmTimeoutMs: number
  /** How often received messages are handed to the renderer. */
  batchIntervalMs: number
  /** How long the WebSocket opening handshake may take. */
  handshakeTimeoutMs: number
  /**
   * A socket that brings nothing for this long, not even the server's pings (Misskey pings every
   * 60 s), is presumed dead, as after a laptop's sleep, and replaced.
   */
  silenceTimeoutMs: number
  /**
   * The biggest message the socket accepts (ws `maxPayload`). A Misskey message is a few KiB; a
   * bigger one is a misbehaving server, and without a limit ws would buffer up to 100 MiB.
   */
  maxMessageBytes: number
}

export const defaultTuning: StreamingTuning = {
  initialBackoffMs: 1000,
  maxBackoffMs: 30_000,
  confirmTimeoutMs: 5000,
  batchIntervalMs: 50,
  handshakeTimeoutMs: 15_000,
  silenceTimeoutMs: 150_000,
  maxMessageBytes: 4 * 1024 * 1024,
}

export interface StreamingDependencies {
  WebSocket: SocketConstructor
  /** The account's token, read from the keychain for each (re)connection; it never leaves main. */
  tokenFor: (accountId: string, origin: string) => Promise<Result<string>>
  now: () => number
  timers: Timers
  random: () => number
  randomId: () => string
  emitState: (state: StreamingState) => void
  emitMessages: (batch: StreamingMessageBatch) => void
  log: (message: string) => void
  /** Asks the user where to save (a save dialog in the app); null when they cancel. */
  chooseSaveFile: (defaultName: string) => Promise<string | null>
  writeFile: (path: string, text: string) => Promise<void>
  tuning?: Partial<StreamingTuning>
}
