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
/** Filter value for messages outside any channel (noteUpdated, connected of a raw join, …). */
export const outsideChannels = '-'

/**
 * The live log of the streaming view. Entries live in a ring buffer outside Vue's reactivity
 * (thousands of objects made reactive would cost more than the list that shows them); a
 * version number tells the computed views when to look again.
 */
export const useStreamingLogStore = defineStore('streamingLog', () => {
  const cap = ref<number>(defaultCap)
  const buffer = new RingBuffer<LogRow>(defaultCap)
  const version = shallowRef(0)
  const received = ref(0)
  const sent = ref(0)
  const dropped = ref(0)
  const paused = ref(false)
  const newWhilePaused = ref(0)
  let frozen: LogRow[] = []
  const channelFilter = ref<string>('')
  const typeFilter = ref<string>('')
  const selectedKey = ref<number | null>(null)
  /** Connection id → channel name of every connection seen, for the channel filter. */
  const connections = shallowRef(new Map<string, string>())
  const types = shallowRef<string[]>([])
  let nextKey = 0

  function ingest(batch: StreamingMessageBatch) {
    const rows: LogRow[] = []
    let newConnections: Map<string, string> | null = null
    let newTypes: Set<string> | null = null
    for (const entry of batch.entries) {
      rows.push({ ...entry, key: ++nextKey })
      if (entry.direction === 'in') received.value++
      else sent.value++
      if (entry.connectionId && entry.channel && !connections.value.has(entry.connectionId)) {
        newConnections ??= new Map(connections.value)
        newConnections.set(entry.connectionId, entry.channel)
      }
      if (!types.value.includes(entry.type)) (newTypes ??= new Set(types.value)).add(entry.type)
    }
    dropped.value += buffer.pushAll(rows)
    if (newConnections) connections.value = newConnections
    if (newTypes) types.value = [...newTypes].sort()
    if (paused.value) newWhilePaused.value += rows.length
    else version.value++
  }

  const all = computed(() => {
    void version.value
    return paused.value ? frozen : buffer.toArray()
  })

  const shown = computed(() => {
    const channel = channelFilter.value
    const type = typeFilter.value
    if (!channel && !type) return all.value
    return all.value.filter(
      (row) =>
        (!type || row.type === type) &&
        (!channel ||
          (channel === outsideChannels ? !row.connectionId : row.connectionId === channel)),
    )
  })

  const kept = computed(() => {
    void version.value
    return buffer.length
  })

  const selected = computed(() => {
    const key = selectedKey.value
    if (key === null) return null
    return all.value.find((row) => row.key === key) ?? null
  })

  function setPaused(value: boolean) {
    if (value) frozen = buffer.toArray()
    else frozen = []
    paused.value = value
    newWhilePaused.value = 0
    version.value++
  }

  function clear() {
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
    selected,
    ingest,
    setPaused,
    clear,
    setCap,
  }
})
