// What the streaming benchmark reads from the page: long tasks (PerformanceObserver), the JS heap
// (DevTools protocol, after a garbage collection) and the log's own counters.
import type { CDPSession, Page } from '@playwright/test'

declare global {
  interface Window {
    __longTasks?: number[]
    __longestStall?: number
    __explorerEmit?: (channel: string, payload: unknown) => void
  }
}

/**
 * Installed before the page loads: every main-thread task over 50 ms, by duration; and, as a
 * check that does not depend on how a task started, the longest a 10 ms timer was kept waiting.
 */
export async function observeLongTasks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    window.__longTasks = []
    window.__longestStall = 0
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__longTasks?.push(entry.duration)
    }).observe({ type: 'longtask', buffered: true })
    let expected = performance.now() + 10
    setInterval(() => {
      const now = performance.now()
      window.__longestStall = Math.max(window.__longestStall ?? 0, now - expected)
      expected = now + 10
    }, 10)
  })
}

/**
 * The test bridge hands main's events to the page inside a DevTools evaluation, which the
 * long-task observer does not see; Electron delivers IPC as ordinary tasks. Run after the bridge
 * is installed, this makes each delivery an ordinary task again.
 */
export async function deliverEventsAsTasks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const deliver = window.__explorerEmit
    if (!deliver) throw new Error('the test bridge is not installed')
    window.__explorerEmit = (channel, payload) => void setTimeout(() => deliver(channel, payload))
  })
}

export interface MainThreadReport {
  tasks: number[]
  longestStall: number
}

export async function takeLongTasks(page: Page): Promise<MainThreadReport> {
  return page.evaluate(() => {
    const report = {
      tasks: (window.__longTasks ?? []).splice(0),
      longestStall: window.__longestStall ?? 0,
    }
    window.__longestStall = 0
    return report
  })
}

export async function heapMegabytes(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage')
  const { usedSize } = await cdp.send('Runtime.getHeapUsage')
  return usedSize / 1024 / 1024
}

export async function logCounts(page: Page): Promise<{ received: number; shown: number }> {
  const count = async (testId: string) =>
    Number((await page.getByTestId(testId).getAttribute('data-count')) ?? 0)
  return { received: await count('streaming-received'), shown: await count('streaming-shown') }
}

export function summarizeTasks({ tasks, longestStall }: MainThreadReport): string {
  const stall = `longest stall ${longestStall.toFixed(0)} ms`
  if (tasks.length === 0) return `none; ${stall}`
  const longest = Math.max(...tasks)
  const over100 = tasks.filter((duration) => duration > 100).length
  return `${tasks.length} (longest ${longest.toFixed(0)} ms, ${over100} over 100 ms); ${stall}`
}
