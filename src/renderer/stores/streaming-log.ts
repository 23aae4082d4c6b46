import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { StreamingLogEntry, StreamingMessageBatch } from '../../shared/streaming.ts'
import { RingBuffer } from '../streaming/ring-buffer.ts'

/** A log entry as the list shows it: `key` is unique across sessions (seq restarts per session). */
export interface LogRow extends StreamingLogEntry {
  key: number
}

export const capOptions = [1000, 5000, 20_000, 50_000] as const
export const defaultCap = 5000
/**
 * The row cap alone would let a server fill memory with big messages (50,000 rows of up to
 * 4 MiB each): the log also keeps at most this many bytes of message text, dropping the oldest.
 */
export const maxLogBytes = 64 * 1024 * 1024
/** What a row costs: its text as UTF-16, plus a flat allowance for the row object and summary. */
export const rowBytes = (row: StreamingLogEntry): number => 2 * row.text.length + 512
const refreshMs = 100
/** Filter value for messages outside any channel (noteUpdated, connected of a raw join, …). */
export const outsideChannels = '-'

/** A read-only window on log rows, oldest first: an array, or the ring buffer itself. */
export interface LogView {
  readonly length: number
  at(index: number): LogRow | undefined
}

/** Rows are in key order in every view, so a key is found by bisection; -1 when it is gone. */
export function indexOfKey(view: LogView, key: number): number {
  let low = 0
  let high = view.length - 1
  while (low <= high) {
    const middle = (low + high) >> 1
    const found = (view.at(middle) as LogRow).key
    if (found === key) return middle
    if (found < key) low = middle + 1
    else high = middle - 1
  }
  return -1
}

/**
 * The live log of the streaming view. Entries live in a ring buffer outside Vue's reactivity
 * (thousands of objects made reactive would cost more than the list that shows them); a
 * version number tells the computed views when to look again.
 */
export const useStreamingLogStore = defineStore('streamingLog', () => {
  const cap = ref<number>(defaultCap)
  const buffer = new RingBuffer<LogRow>(defaultCap, { weigh: rowBytes, max: maxLogBytes })
  const version = shallowRef(0)
  const received = ref(0)
  const sent = ref(0)
  const dropped = ref(0)
  const paused = ref(false)
  const newWhilePaused = ref(0)
  /** The rows as they were when the log was paused; the buffer goes on filling meanwhile. */
  let frozen: LogRow[] = []
  const channelFilter = ref<string>('')
  const typeFilter = ref<string>('')
  const selectedKey = ref<number | null>(null)
  /** Connection id → channel name of every connection seen, for the channel filter. */
  const connections = shallowRef(new Map<string, string>())
  const types = shallowRef<string[]>([])
  let nextKey = 0

  // Counted as batches arrive, shown at most every refreshMs: a busy timeline then costs ten
  // renders a second whatever the rate.
  const pending = { received: 0, sent: 0, dropped: 0, rows: 0 }
  let refreshTimer: ReturnType<typeof setTimeout> | null = null

  function refresh() {
    refreshTimer = null
    received.value += pending.received
    sent.value += pending.sent
    dropped.value += pending.dropped
    if (paused.value) newWhilePaused.value += pending.rows
    else version.value++
    Object.assign(pending, { received: 0, sent: 0, dropped: 0, rows: 0 })
  }

  function ingest(batch: StreamingMessageBatch) {
    const rows: LogRow[] = []
    let newConnections: Map<string, string> | null = null
    let newTypes: Set<string> | null = null
    for (const entry of batch.entries) {
      rows.push({ ...entry, key: ++nextKey })
      if (entry.direction === 'in') pending.received++
      else pending.sent++
      if (entry.connectionId && entry.channel && !connections.value.has(entry.connectionId)) {
        newConnections ??= new Map(connections.value)
        newConnections.set(entry.connectionId, entry.channel)
      }
      if (!types.value.includes(entry.type)) (newTypes ??= new Set(types.value)).add(entry.type)
    }
    pending.dropped += buffer.pushAll(rows)
    pending.rows += rows.length
    if (newConnections) connections.value = newConnections
    if (newTypes) types.value = [...newTypes].sort()
    refreshTimer ??= setTimeout(refresh, refreshMs)
  }

  // A new small window object per change (computed values compare by identity), never a copy of
  // the rows: at 500 messages a second a copy per batch would be megabytes of garbage a second.
  const all = computed<LogView>(() => {
    void version.value
    if (paused.value) return frozen
    return { length: buffer.length, at: (index: number) => buffer.at(index) }
  })

  const shown = computed<LogView>(() => {
    const channel = channelFilter.value
    const type = typeFilter.value
    const source = all.value
    if (!channel && !type) return source
    const matching: LogRow[] = []
    for (let index = 0; index < source.length; index++) {
      const row = source.at(index) as LogRow
      if (type && row.type !== type) continue
      if (
        channel &&
        (channel === outsideChannels ? row.connectionId : row.connectionId !== channel)
      )
        continue
      matching.push(row)
    }
    return matching
  })

  const kept = computed(() => {
    void version.value
    return buffer.length
  })

  const keptBytes = computed(() => {
    void version.value
    return buffer.totalWeight
  })

  const selected = computed(() => {
    const key = selectedKey.value
    if (key === null) return null
    const view = all.value
    return view.at(indexOfKey(view, key)) ?? null
  })

  /** The rows shown, as an array (for an export). */
  function shownRows(): LogRow[] {
    const view = shown.value
    return Array.from({ length: view.length }, (_, index) => view.at(index) as LogRow)
  }

  function setPaused(value: boolean) {
    if (refreshTimer) {
      clearTimeout(refreshTimer)
      refresh()
    }
    frozen = value ? buffer.toArray() : []
    paused.value = value
    newWhilePaused.value = 0
    version.value++
  }

  function clear() {
    Object.assign(pending, { received: 0, sent: 0, dropped: 0, rows: 0 })
    buffer.clear()
    frozen = []
    received.value = 0
    sent.value = 0
    dropped.value = 0
    newWhilePaused.value = 0
    selectedKey.value = null
    version.value++
  }

  function setCap(value: number) {
    cap.value = value
    dropped.value += buffer.resize(value)
    version.value++
  }

  return {
    cap,
    received,
    sent,
    dropped,
    paused,
    newWhilePaused,
    channelFilter,
    typeFilter,
    selectedKey,
    connections,
    types,
    all,
    shown,
    kept,
    keptBytes,
    selected,
    shownRows,
    ingest,
    setPaused,
    clear,
    setCap,
  }
})
