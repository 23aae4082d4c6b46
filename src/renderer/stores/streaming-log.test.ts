import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { StreamingLogEntry } from '../../shared/streaming.ts'
import { maxLogBytes, outsideChannels, rowBytes, useStreamingLogStore } from './streaming-log.ts'

let seq = 0
const entry = (overrides: Partial<StreamingLogEntry> = {}): StreamingLogEntry => ({
  seq: ++seq,
  direction: 'in',
  at: 0,
  connectionId: 'c1',
  channel: 'homeTimeline',
  type: 'note',
  noteId: null,
  summary: { kind: 'json', text: '{}' },
  text: '{}',
  size: 2,
  ...overrides,
})
const batch = (...entries: StreamingLogEntry[]) => ({ sessionId: 's', entries })
const types = (rows: { length: number; at(i: number): { type: string } | undefined }) =>
  Array.from({ length: rows.length }, (_, index) => rows.at(index)?.type)

beforeEach(() => {
  setActivePinia(createPinia())
  vi.useFakeTimers()
})
afterEach(() => vi.useRealTimers())

describe('the streaming log', () => {
  it('shows what arrived at most every 100 ms, counting received and sent', () => {
    const log = useStreamingLogStore()
    expect(log.shown.length).toBe(0) // as the list reads it when it mounts
    log.ingest(batch(entry(), entry({ direction: 'out', type: 'connect' })))
    log.ingest(batch(entry()))
    expect(log.shown.length).toBe(0)
    vi.advanceTimersByTime(100)
    expect([log.received, log.sent, log.shown.length]).toEqual([2, 1, 3])
  })

  it('keeps the newest up to the cap and counts what it dropped', () => {
    const log = useStreamingLogStore()
    log.setCap(1000)
    for (let index = 0; index < 30; index++)
      log.ingest(batch(...Array.from({ length: 100 }, () => entry())))
    vi.advanceTimersByTime(100)
    expect([log.kept, log.dropped, log.received]).toEqual([1000, 2000, 3000])
    expect(log.shown.at(0)?.key).toBe(2001)
  })

  it('filters by channel connection and by type, and finds the selected row', () => {
    const log = useStreamingLogStore()
    log.ingest(
      batch(
        entry(),
        entry({ connectionId: 'c2', channel: 'localTimeline' }),
        entry({ connectionId: null, channel: null, type: 'noteUpdated' }),
      ),
    )
    vi.advanceTimersByTime(100)
    log.channelFilter = 'c2'
    expect(log.shown.length).toBe(1)
    log.channelFilter = outsideChannels
    expect(types(log.shown)).toEqual(['noteUpdated'])
    log.channelFilter = ''
    log.typeFilter = 'note'
    expect(log.shown.length).toBe(2)
    expect([...log.connections.entries()]).toEqual([
      ['c1', 'homeTimeline'],
      ['c2', 'localTimeline'],
    ])
    log.selectedKey = log.shown.at(1)!.key
    expect(log.selected?.connectionId).toBe('c2')
  })

  it('freezes the view while paused, then catches up', () => {
    const log = useStreamingLogStore()
    log.ingest(batch(entry()))
    vi.advanceTimersByTime(100)
    log.setPaused(true)
    log.ingest(batch(entry(), entry()))
    vi.advanceTimersByTime(100)
    expect([log.shown.length, log.newWhilePaused]).toEqual([1, 2])
    log.setPaused(false)
    expect(log.shown.length).toBe(3)
    log.clear()
    expect([log.shown.length, log.received]).toEqual([0, 0])
  })
})

describe('the streaming log’s byte bound', () => {
  it('keeps at most maxLogBytes of messages, dropping the oldest, whatever the row cap', () => {
    const log = useStreamingLogStore()
    log.setCap(50_000)
    // One shared 4 MiB string: the test itself stays small while the log weighs 40 × 8 MiB.
    const big = 'x'.repeat(4 * 1024 * 1024)
    for (let index = 0; index < 40; index++)
      log.ingest(batch(entry({ text: big, size: big.length })))
    vi.advanceTimersByTime(100)
    const perRow = rowBytes(entry({ text: big }))
    expect(log.kept).toBe(Math.floor(maxLogBytes / perRow))
    expect(log.keptBytes).toBeLessThanOrEqual(maxLogBytes)
    expect([log.received, log.dropped]).toEqual([40, 40 - log.kept])
    // The newest are the ones kept.
    expect(log.shown.at(log.shown.length - 1)?.key).toBe(40)
    // Small messages are bounded by the row cap as before.
    log.clear()
    for (let index = 0; index < 3; index++) log.ingest(batch(entry()))
    vi.advanceTimersByTime(100)
    expect([log.kept, log.dropped]).toEqual([3, 0])
  })
})
