// The argument schemas of the streaming methods, kept beside contract.ts so the hub file grows
// by one line. Limits are generous for a person typing and far below what would hurt main.
import * as v from 'valibot'

export const maxStreamingMessageLength = 1024 * 1024
export const maxExportEntries = 1_000_000

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

export function streamingArgumentSchemas<Origin extends v.GenericSchema<unknown, string>>(
  originSchema: Origin,
) {
  return {
    'streaming.getState': v.strictTuple([]),
    'streaming.connect': v.strictTuple([
      originSchema,
      v.nullable(v.pipe(v.string(), v.regex(/^[A-Za-z0-9-]{1,64}$/))),
    ]),
    'streaming.disconnect': v.strictTuple([]),
    'streaming.join': v.strictTuple([channelNameSchema, paramsSchema]),
    'streaming.leave': v.strictTuple([connectionIdSchema]),
    'streaming.subscribeNote': v.strictTuple([noteIdSchema]),
    'streaming.unsubscribeNote': v.strictTuple([noteIdSchema]),
    'streaming.sendRaw': v.strictTuple([
      v.pipe(v.string(), v.maxLength(maxStreamingMessageLength)),
    ]),
    'streaming.exportLog': v.strictTuple([
      v.pipe(v.array(exportEntrySchema), v.maxLength(maxExportEntries)),
    ]),
  } as const
}
