/** An optional second bound: the items' total weight (bytes, say) stays within `max`. */
export interface WeightBudget<T> {
  weigh(item: T): number
  max: number
}

/**
 * A fixed-capacity log: once full, each new item replaces the oldest, so a busy timeline costs
 * the same memory after an hour as after a minute. Index 0 is the oldest item kept. With a
 * weight budget, the oldest also go once the total weight is past it (the newest item is always
 * kept), so a few huge items cannot fill memory under the row cap.
 */
export class RingBuffer<T> {
  private items: Array<T | undefined>
  private start = 0
  private count = 0
  private weight = 0
  private readonly budget: WeightBudget<T> | null

  constructor(capacity: number, budget: WeightBudget<T> | null = null) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError('capacity must be ≥ 1')
    this.items = new Array<T | undefined>(capacity)
    this.budget = budget
  }

  get capacity(): number {
    return this.items.length
  }

  get length(): number {
    return this.count
  }

  /** The total weight kept (0 without a budget). */
  get totalWeight(): number {
    return this.weight
  }

  /** Adds items at the end; answers how many old ones were dropped to make room. */
  push(...added: T[]): number {
    return this.pushAll(added)
  }

  pushAll(added: readonly T[]): number {
    let dropped = 0
    for (const item of added) {
      if (this.count === this.items.length) {
        this.dropOldest()
        dropped++
      }
      this.items[(this.start + this.count) % this.items.length] = item
      this.count++
      if (this.budget) {
        this.weight += this.budget.weigh(item)
        while (this.weight > this.budget.max && this.count > 1) {
          this.dropOldest()
          dropped++
        }
      }
    }
    return dropped
  }

  private dropOldest(): void {
    const oldest = this.items[this.start] as T
    if (this.budget) this.weight -= this.budget.weigh(oldest)
    this.items[this.start] = undefined
    this.start = (this.start + 1) % this.items.length
    this.count--
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
    this.weight = 0
  }

  /** A new capacity, keeping the newest items that fit; answers how many were dropped. */
  resize(capacity: number): number {
    const kept = this.toArray()
    const dropped = Math.max(0, kept.length - capacity)
    this.items = new Array<T | undefined>(capacity)
    this.start = 0
    this.count = 0
    this.weight = 0
    this.pushAll(kept.slice(dropped))
    return dropped
  }
}
