// Misskey 2025.5.0's limiter: the `ratelimiter` package's sliding log, first the minInterval
// limiter (max 1 per minInterval), then the long window. Blocked calls are logged too, which is
// why the real 12th call's `reset` is later than the 11th's.
import { ApiError, RATE_LIMIT_EXCEEDED } from './errors.ts'
import type { RateLimit } from './types.ts'

export class RateLimiter {
  private readonly logs = new Map<string, number[]>()

  /** Throws RATE_LIMIT_EXCEEDED (with Misskey's info object) when `actor` is over the limit. */
  check(key: string, actor: string, limit: RateLimit, now: number = Date.now()): void {
    if (limit.minInterval !== undefined) {
      this.hit(`${actor}:${key}:min`, limit.minInterval, 1, now)
    }
    if (limit.duration !== undefined && limit.max !== undefined) {
      this.hit(`${actor}:${key}`, limit.duration, limit.max, now)
    }
  }

  reset(): void {
    this.logs.clear()
  }

  private hit(id: string, duration: number, max: number, now: number): void {
    const log = (this.logs.get(id) ?? []).filter((time) => time > now - duration)
    const count = log.length
    log.push(now)
    this.logs.set(id, log)
    if (count < max) return
    const oldestInRange = log[log.length - max] ?? log[0] ?? now
    const resetMs = oldestInRange + duration
    throw new ApiError(RATE_LIMIT_EXCEEDED, {
      remaining: 0,
      reset: Math.floor(resetMs / 1000),
      resetMs,
      total: max,
    })
  }
}
