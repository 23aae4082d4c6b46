// Types of the streaming explorer, shared by main (which owns the socket) and the renderer.
import type { AppError } from './result.ts'

/** The channels Misskey 2025.5 offers (stream/ChannelsService.ts), in the order the form lists them. */
export const streamingChannelNames = [
  'main',
  'homeTimeline',
  'localTimeline',
  'hybridTimeline',
  'globalTimeline',
  'userList',
  'hashtag',
  'antenna',
  'channel',
  'roleTimeline',
  'drive',
  'serverStats',
  'queueStats',
  'admin',
] as const

export type StreamingChannelName = (typeof streamingChannelNames)[number]

/** The `params` of a `connect` message: any JSON object. */
export type StreamingParams = Record<string, unknown>

/**
 * connecting → open; after a drop, reconnecting (with backoff) → open again; closed when the
 * user disconnects; failed when retrying cannot help (the token was refused, the first
 * connection never opened).
 */
export type StreamingPhase = 'connecting' | 'open' | 'reconnecting' | 'closed' | 'failed'

/**
 * A joined channel. `pending` until the server answers `connected` (we always ask with
 * `pong: true`); `unconfirmed` when it did not within a few seconds: Misskey silently ignores an
 * unknown channel, a channel that needs an account (or a permission) the socket lacks, and a
 * second join of a channel that exists once per socket.
 */
export interface StreamingChannelState {
  /** The connection id sent with `connect`; every message of this channel carries it. */
  id: string
  channel: string
  params: StreamingParams
  status: 'pending' | 'confirmed' | 'unconfirmed'
}

export interface StreamingState {
  /** Changes with every `connect`, so late events of an earlier connection can be told apart. */
  sessionId: string
  origin: string
  /** The account whose token went on the upgrade request; null for an anonymous socket. */
  accountId: string | null
  phase: StreamingPhase
  /** The reconnect attempt under way or scheduled (1, 2, …); 0 when not reconnecting. */
  attempt: number
  /** When the next reconnect attempt starts (epoch ms). */
  retryAt: number | null
  /** How many times the socket was opened again after a drop. */
  reconnects: number
  /** When the socket last opened (epoch ms). */
  openedAt: number | null
  /** Why the socket is not open (or was closed last), explained; null when nothing went wrong. */
  error: AppError | null
  channels: StreamingChannelState[]
  /** Notes captured with `subNote`; captured again after every reconnect. */
  capturedNoteIds: string[]
}

/** A one-line description of a message, built from its data; the renderer words it. */
export type StreamingSummary =
  | { kind: 'note'; user: string; text: string }
  | { kind: 'renote'; user: string; target: string }
  | { kind: 'noteUpdated'; event: string; detail: string }
  | { kind: 'connected'; id: string }
  | { kind: 'json'; text: string }
  | { kind: 'notJson'; text: string }

export interface StreamingLogEntry {
  /** Numbers every message of a session in order, sent and received alike. */
  seq: number
  direction: 'in' | 'out'
  /** When main received or sent it (epoch ms). */
  at: number
  /** The channel connection the message belongs to, when it belongs to one. */
  connectionId: string | null
  channel: string | null
  /** The message's type; for a channel message, the type inside it (`note`, `stats`, …). */
  type: string
  /** The note the message is about (a streamed note, a noteUpdated), to capture it in one click. */
  noteId: string | null
  summary: StreamingSummary
  /** The message as it went over the wire. */
  text: string
  /** Its size in bytes (UTF-8). */
  size: number
}

/** Messages arrive batched (every 50 ms at most) so a busy timeline cannot flood IPC. */
export interface StreamingMessageBatch {
  sessionId: string
  entries: StreamingLogEntry[]
}

/** What the renderer hands main to export, one JSON line each. */
export type StreamingExportEntry = Pick<
  StreamingLogEntry,
  'at' | 'direction' | 'connectionId' | 'channel' | 'type' | 'text'
>

export type StreamingExportResult = { saved: false } | { saved: true; path: string; count: number }
