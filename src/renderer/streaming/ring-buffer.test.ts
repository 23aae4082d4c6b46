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

describe('RingBuffer with a weight budget', () => {
  const weighed = (max: number) =>
    new RingBuffer<string>(1000, { weigh: (item) => item.length, max })

  it('drops the oldest once the total weight is past the budget, under the row cap', () => {
    const buffer = weighed(10)
    expect(buffer.push('aaaa', 'bbbb')).toBe(0)
    expect(buffer.push('cccc')).toBe(1)
    expect(buffer.toArray()).toEqual(['bbbb', 'cccc'])
    expect(buffer.totalWeight).toBe(8)
  })

  it('always keeps the newest item, even one heavier than the budget', () => {
    const buffer = weighed(10)
    buffer.push('aa', 'bb')
    expect(buffer.push('x'.repeat(50))).toBe(2)
    expect(buffer.toArray()).toEqual(['x'.repeat(50)])
  })

  it('keeps its weight right through wrap-around, clear and resize', () => {
    const buffer = new RingBuffer<string>(3, { weigh: (item) => item.length, max: 100 })
    for (let index = 0; index < 10; index++) buffer.push('abc')
    expect([buffer.length, buffer.totalWeight]).toEqual([3, 9])
    buffer.resize(2)
    expect(buffer.totalWeight).toBe(6)
    buffer.clear()
    expect(buffer.totalWeight).toBe(0)
  })
})
