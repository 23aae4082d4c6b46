import { describe, expect, it } from 'vitest'
import type { RequestProgress } from '../../shared/requests.ts'
import { throttledProgress } from './progress-throttle.ts'

function harness(quietMs?: number) {
  let clock = 1_000
  const events: RequestProgress[] = []
  const progress = throttledProgress(
    'r1',
    () => clock,
    (event) => events.push(event),
    quietMs,
  )
  return { events, progress, at: (ms: number) => (clock = 1_000 + ms) }
}

describe('request progress', () => {
  it('says nothing for an answer that comes within the first 100 ms, not even its last figure', () => {
    const { events, progress, at } = harness()
    at(20)
    progress('download', 500, 1_000)
    at(60)
    progress('download', 1_000, 1_000)
    expect(events).toEqual([])
  })

  it('then reports at most every 100 ms per phase, and the final figure at once', () => {
    const { events, progress, at } = harness()
    at(120)
    progress('upload', 10, 100)
    at(150)
    progress('upload', 20, 100)
    at(160)
    progress('upload', 100, 100, true)
    at(170)
    progress('download', 5, null)
    at(230)
    progress('download', 8, null)
    at(290)
    progress('download', 9, null)
    expect(events.map(({ phase, bytes }) => `${phase} ${bytes}`)).toEqual([
      'upload 10',
      'upload 100',
      'download 5',
      'download 9',
    ])
  })

  it('reports from the start when told to (quietMs 0)', () => {
    const { events, progress } = harness(0)
    progress('download', 1, 2)
    expect(events).toHaveLength(1)
  })
})
