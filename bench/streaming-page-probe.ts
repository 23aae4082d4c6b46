// What the streaming benchmark reads from the page: long tasks (PerformanceObserver), the JS heap
// (DevTools protocol, after a garbage collection) and the log's own counters.
import type { CDPSession, Page } from '@playwright/test'

declare global {
  interface Window {
    __longTasks?: number[]
  }
}

/** Installed before the page loads: every main-thread task over 50 ms, by duration. */
export async function observeLongTasks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    window.__longTasks = []
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__longTasks?.push(entry.duration)
    }).observe({ type: 'longtask', buffered: true })
  })
}

export async function takeLongTasks(page: Page): Promise<number[]> {
  return page.evaluate(() => (window.__longTasks ?? []).splice(0))
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

export function summarizeTasks(tasks: number[]): string {
  if (tasks.length === 0) return 'none'
  const longest = Math.max(...tasks)
  const over100 = tasks.filter((duration) => duration > 100).length
  return `${tasks.length} (longest ${longest.toFixed(0)} ms, ${over100} over 100 ms)`
}
