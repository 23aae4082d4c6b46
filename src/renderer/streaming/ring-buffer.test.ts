import { describe, expect, it } from 'vitest'
import { RingBuffer } from './ring-buffer.ts'

describe('RingBuffer', () => {
  it('keeps items in order until full, then replaces the oldest', () => {
    const buffer = new RingBuffer<number>(3)
    expect(buffer.push(1, 2)).toBe(0)
    expect(buffer.toArray()).toEqual([1, 2])
    expect(buffer.push(3, 4, 5)).toBe(2)
    expect(buffer.toArray()).toEqual([3, 4, 5])
    expect([buffer.at(0), buffer.at(2), buffer.at(3)]).toEqual([3, 5, undefined])
    expect(buffer.length).toBe(3)
  })

  it('stays at its capacity however much goes through it', () => {
    const buffer = new RingBuffer<number>(1000)
    let dropped = 0
    for (let index = 0; index < 100_000; index++) dropped += buffer.push(index)
    expect(buffer.length).toBe(1000)
    expect(dropped).toBe(99_000)
    expect(buffer.at(0)).toBe(99_000)
  })

  it('resizes keeping the newest, and clears', () => {
    const buffer = new RingBuffer<number>(5)
    buffer.push(1, 2, 3, 4, 5, 6)
    expect(buffer.resize(3)).toBe(2)
    expect(buffer.toArray()).toEqual([4, 5, 6])
    buffer.resize(10)
    buffer.push(7)
    expect(buffer.toArray()).toEqual([4, 5, 6, 7])
    buffer.clear()
    expect(buffer.toArray()).toEqual([])
    expect(() => new RingBuffer(0)).toThrow(RangeError)
  })
})
