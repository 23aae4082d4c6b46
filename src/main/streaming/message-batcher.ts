import type { StreamingLogEntry } from '../../shared/streaming.ts'
import type { Timers } from './streaming-types.ts'

export interface MessageBatcher {
  push(entry: StreamingLogEntry): void
  /** Sends what is waiting now (before a state change the renderer must see after it). */
  flush(): void
  dispose(): void
}

/**
 * Collects log entries and hands them on at most every `intervalMs`: a busy global timeline
 * then costs the renderer twenty IPC messages a second, not one per note. Nothing is dropped.
 */
export function createMessageBatcher(
  intervalMs: number,
  timers: Timers,
  deliver: (entries: StreamingLogEntry[]) => void,
): MessageBatcher {
  let waiting: StreamingLogEntry[] = []
  let timer: unknown = null

  function flush() {
    if (timer !== null) timers.clear(timer)
    timer = null
    if (waiting.length === 0) return
    const entries = waiting
    waiting = []
    deliver(entries)
  }

  return {
    push(entry) {
      waiting.push(entry)
      timer ??= timers.set(flush, intervalMs)
    },
    flush,
    dispose() {
      if (timer !== null) timers.clear(timer)
      timer = null
      waiting = []
    },
  }
}
