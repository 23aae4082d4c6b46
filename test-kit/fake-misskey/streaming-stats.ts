// The serverStats and queueStats feeds (ServerStatsService, QueueStatsService): a shared ticker
// that runs while some channel listens, keeps the last 200 ticks for `requestLog`, and emits
// figures in Misskey's shapes. The fake has no job queue and reads its figures from Node.
import { cpus, freemem, loadavg, totalmem } from 'node:os'
import type { JsonObject } from './types.ts'

const LOG_LENGTH = 200

export class StatsFeed {
  readonly log: JsonObject[] = []
  private readonly listeners = new Set<(stats: JsonObject) => void>()
  private timer: ReturnType<typeof setInterval> | null = null
  private readonly intervalMs: number
  private readonly measure: () => JsonObject

  constructor(intervalMs: number, measure: () => JsonObject) {
    this.intervalMs = intervalMs
    this.measure = measure
  }

  subscribe(listener: (stats: JsonObject) => void): () => void {
    this.listeners.add(listener)
    if (!this.timer) {
      this.timer = setInterval(() => this.tick(), this.intervalMs)
      this.timer.unref()
    }
    return () => {
      this.listeners.delete(listener)
      if (this.listeners.size === 0) this.stop()
    }
  }

  /** Misskey answers `requestLog` with the newest ticks first. */
  recent(length: number): JsonObject[] {
    return this.log.slice(0, Math.max(0, length))
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer)
    this.timer = null
  }

  private tick(): void {
    const stats = this.measure()
    this.log.unshift(stats)
    if (this.log.length > LOG_LENGTH) this.log.pop()
    for (const listener of this.listeners) listener(stats)
  }
}

const roundCpu = (value: number) => Math.round(value * 1000) / 1000
const round = (value: number) => Math.round(value * 10) / 10

export function measureServer(): JsonObject {
  const used = totalmem() - freemem()
  return {
    cpu: roundCpu(Math.min(1, (loadavg()[0] ?? 0) / Math.max(1, cpus().length))),
    mem: { used: round(used), active: round(process.memoryUsage().rss) },
    net: { rx: 0, tx: 0 },
    fs: { r: 0, w: 0 },
  }
}

export function measureQueues(): JsonObject {
  const idle = { activeSincePrevTick: 0, active: 0, waiting: 0, delayed: 0 }
  return { deliver: { ...idle }, inbox: { ...idle } }
}
