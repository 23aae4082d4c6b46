// streaming.* — the WebSocket stream main holds for the Streaming tab; answered by main's
// streaming service. Limits are generous for a person typing and far below what would hurt main.
import * as v from 'valibot'
import type { Result } from '../result.ts'
import type {
  StreamingChannelState,
  StreamingExportEntry,
  StreamingExportResult,
  StreamingMessageBatch,
  StreamingParams,
  StreamingState,
} from '../streaming.ts'
import { idSchema, originSchema, type ArgumentSchemasFor } from './common-schemas.ts'

export const maxStreamingMessageLength = 1024 * 1024
export const maxExportEntries = 1_000_000

export interface StreamingMethods {
  /** The streaming connection main holds (it outlives a reload of the page), or null. */
  'streaming.getState'(): Promise<Result<StreamingState | null>>
  /**
   * Open `<origin>/streaming` as the account (its token goes on the upgrade request as
   * `Authorization: Bearer`, never in the URL) or anonymously; replaces any earlier connection.
   * Progress comes as onStreamingState.
   */
  'streaming.connect'(origin: string, accountId: string | null): Promise<Result<StreamingState>>
  'streaming.disconnect'(): Promise<Result<StreamingState | null>>
  /** Join a channel (`connect` with its own id and `pong: true`); joined again after reconnects. */
  'streaming.join'(channel: string, params: StreamingParams): Promise<Result<StreamingChannelState>>
  /** Leave a joined channel (`disconnect`). */
  'streaming.leave'(connectionId: string): Promise<Result<StreamingState>>
  /** Capture a note (`subNote`): its noteUpdated events follow; captured again after reconnects. */
  'streaming.subscribeNote'(noteId: string): Promise<Result<StreamingState>>
  'streaming.unsubscribeNote'(noteId: string): Promise<Result<StreamingState>>
  /** Send any message as typed, once it parses as JSON. */
  'streaming.sendRaw'(text: string): Promise<Result<true>>
  /** Save log entries as JSON lines to a file the user picks in a save dialog. */
  'streaming.exportLog'(entries: StreamingExportEntry[]): Promise<Result<StreamingExportResult>>
}

export interface StreamingEvents {
  'streaming.onState': StreamingState
  'streaming.onMessages': StreamingMessageBatch
}

const channelNameSchema = v.pipe(
  v.string(),
  // Misskey's channel names are camelCase words; forks add their own, so any such name goes.
  v.regex(/^[A-Za-z][A-Za-z0-9_-]{0,63}$/, 'must be a channel name such as homeTimeline'),
)
const connectionIdSchema = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/))
const noteIdSchema = v.pipe(
  v.string(),
  v.regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be a note id such as au22p4a1hj5z0004'),
)
const paramsSchema = v.pipe(
  v.record(v.string(), v.unknown()),
  // Depth first, without recursion: JSON.stringify would overflow the stack on a deep value.
  v.check((params) => depthOf(params) <= 32, 'must not nest deeper than 32 levels'),
  v.check((params) => JSON.stringify(params).length <= 64 * 1024, 'must be at most 64 KB as JSON'),
)

function depthOf(value: unknown): number {
  let deepest = 0
  const stack: Array<[unknown, number]> = [[value, 1]]
  while (stack.length > 0) {
    const [current, depth] = stack.pop() as [unknown, number]
    if (typeof current !== 'object' || current === null) continue
    deepest = Math.max(deepest, depth)
    if (deepest > 32) return deepest
    for (const child of Object.values(current)) stack.push([child, depth + 1])
  }
  return deepest
}
const exportEntrySchema = v.strictObject({
  at: v.pipe(v.number(), v.finite()),
  direction: v.picklist(['in', 'out']),
  connectionId: v.nullable(v.pipe(v.string(), v.maxLength(64))),
  channel: v.nullable(v.pipe(v.string(), v.maxLength(64))),
  type: v.pipe(v.string(), v.maxLength(256)),
  text: v.pipe(v.string(), v.maxLength(maxStreamingMessageLength)),
})

export const streamingArgumentSchemas = {
  'streaming.getState': v.strictTuple([]),
  'streaming.connect': v.strictTuple([originSchema, v.nullable(idSchema)]),
  'streaming.disconnect': v.strictTuple([]),
  'streaming.join': v.strictTuple([channelNameSchema, paramsSchema]),
  'streaming.leave': v.strictTuple([connectionIdSchema]),
  'streaming.subscribeNote': v.strictTuple([noteIdSchema]),
  'streaming.unsubscribeNote': v.strictTuple([noteIdSchema]),
  'streaming.sendRaw': v.strictTuple([v.pipe(v.string(), v.maxLength(maxStreamingMessageLength))]),
  'streaming.exportLog': v.strictTuple([
    v.pipe(v.array(exportEntrySchema), v.maxLength(maxExportEntries)),
  ]),
} satisfies ArgumentSchemasFor<StreamingMethods>
