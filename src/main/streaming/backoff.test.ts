import { describe, expect, it } from 'vitest'
import { backoffDelay } from './backoff.ts'

const options = { initialMs: 1000, maxMs: 30_000 }

describe('backoffDelay', () => {
  it('doubles per attempt up to the maximum', () => {
    const ceilings = [1, 2, 3, 4, 5, 6, 7, 10].map((attempt) =>
      backoffDelay(attempt, options, () => 1),
    )
    expect(ceilings).toEqual([1000, 2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000])
  })

  it('keeps at least half of the ceiling and spreads the rest at random', () => {
    expect(backoffDelay(3, options, () => 0)).toBe(2000)
    expect(backoffDelay(3, options, () => 0.5)).toBe(3000)
  })
})
