import type { StreamingLogEntry } from '../../shared/streaming.ts'
import { describeStreamingMessage } from './streaming-summary.ts'
import { createMessageBatcher } from './message-batcher.ts'
import type { StreamingDependencies } from './streaming-types.ts'

export interface LogRecorder {
  /** `message` is the parsed JSON of `text`, or undefined when it is not JSON. */
  record(direction: 'in' | 'out', text: string, size: number, message: unknown): void
  /** Names a channel connection id, so its messages carry the channel's name. */
  name(connectionId: string, channel: string): void
  flush(): void
  dispose(): void
}

/** Turns what goes over the wire into log entries, numbered in order and handed on in batches. */
export function createLogRecorder(
  sessionId: string,
  batchIntervalMs: number,
  dependencies: Pick<StreamingDependencies, 'timers' | 'now' | 'emitMessages'>,
): LogRecorder {
  // Never pruned in a session, so messages that arrive after a leave still get a name.
  const names = new Map<string, string>()
  let sequence = 0
  let disposed = false
  const batcher = createMessageBatcher(batchIntervalMs, dependencies.timers, (entries) => {
    if (!disposed) dependencies.emitMessages({ sessionId, entries })
  })

  return {
    record(direction, text, size, message) {
      const facts = describeStreamingMessage(message, text)
      const body = (message as { body?: { channel?: unknown } } | null | undefined)?.body
      const joining =
        facts.type === 'connect' && typeof body?.channel === 'string' ? body.channel : null
      const entry: StreamingLogEntry = {
        seq: ++sequence,
        direction,
        at: dependencies.now(),
        connectionId: facts.connectionId,
        channel: joining ?? (facts.connectionId ? (names.get(facts.connectionId) ?? null) : null),
        type: facts.type,
        noteId: facts.noteId,
        summary: facts.summary,
        text,
        size,
      }
      batcher.push(entry)
    },
    name: (connectionId, channel) => void names.set(connectionId, channel),
    flush: () => batcher.flush(),
    dispose() {
      disposed = true
      batcher.dispose()
    },
  }
}
