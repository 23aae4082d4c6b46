/**
 * A fixed-capacity log: once full, each new item replaces the oldest, so a busy timeline costs
 * the same memory after an hour as after a minute. Index 0 is the oldest item kept.
 */
export class RingBuffer<T> {
  private items: Array<T | undefined>
  private start = 0
  private count = 0

  constructor(capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError('capacity must be ≥ 1')
    this.items = new Array<T | undefined>(capacity)
  }

  get capacity(): number {
    return this.items.length
  }

  get length(): number {
    return this.count
  }

  /** Adds items at the end; answers how many old ones were dropped to make room. */
  push(...added: T[]): number {
    return this.pushAll(added)
  }

  pushAll(added: readonly T[]): number {
    let dropped = 0
    for (const item of added) {
      const end = (this.start + this.count) % this.items.length
      this.items[end] = item
      if (this.count < this.items.length) this.count++
      else {
        this.start = (this.start + 1) % this.items.length
        dropped++
      }
    }
    return dropped
  }

  at(index: number): T | undefined {
    if (index < 0 || index >= this.count) return undefined
    return this.items[(this.start + index) % this.items.length]
  }

  toArray(): T[] {
    const out = new Array<T>(this.count)
    for (let index = 0; index < this.count; index++) out[index] = this.at(index) as T
    return out
  }

  clear(): void {
    this.items = new Array<T | undefined>(this.items.length)
    this.start = 0
    this.count = 0
  }

  /** A new capacity, keeping the newest items that fit; answers how many were dropped. */
  resize(capacity: number): number {
    const kept = this.toArray()
    const dropped = Math.max(0, kept.length - capacity)
    this.items = new Array<T | undefined>(capacity)
    this.start = 0
    this.count = 0
    this.pushAll(kept.slice(dropped))
    return dropped
  }
}
