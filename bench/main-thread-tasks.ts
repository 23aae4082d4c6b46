/** The longest tasks of a page's main thread in a Chromium trace (see longestMainThreadTasks). */
export interface LongestTasks {
  /** The longest task of the page's own work, in ms. */
  page: number
  /**
   * The most CPU time the page's thread spent in one task, in ms: on a shared machine a task's
   * length also counts the time other processes had the core.
   */
  pageCpu: number
  /** The longest task in which the test bridge's socket delivered a frame (all of it), in ms. */
  bridgeReceive: number
}

interface TraceEvent {
  name: string
  ph: string
  pid: number
  tid: number
  ts: number
  dur?: number
  /** The thread's CPU time in the event. */
  tdur?: number
  args?: { name?: string; data?: { url?: string } }
}

/**
 * The longest task on a page's main thread in a Chromium trace, whatever its length (categories
 * `devtools.timeline` and `disabled-by-default-devtools.timeline`, which has the tasks): the Long
 * Tasks API only reports those over 50 ms, so it cannot tell 49 ms from 5, nor show how far under
 * the line a page is.
 *
 * A task in which the bench's bridge socket (test-bridge.ts, the stand-in for Electron's IPC)
 * delivers a frame is counted by the page's own work in it: the script, microtasks, style and
 * layout it ran. Chromium's reading of a megabyte from the socket before that (and its untraced
 * clean-up after) is the stand-in's cost, tens of ms on a slow machine, which Electron's IPC does
 * not pay that way; that whole task is reported on its own.
 */
export function longestMainThreadTasks(trace: Buffer, pageUrl: string): LongestTasks {
  const { traceEvents } = JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] }
  // The page's main thread is the one that runs the page's scripts.
  const script = traceEvents.find(
    (event) => event.name === 'FunctionCall' && event.args?.data?.url?.startsWith(pageUrl),
  )
  const thread = traceEvents.find(
    (event) =>
      event.pid === script?.pid &&
      event.name === 'thread_name' &&
      event.args?.name === 'CrRendererMain',
  )
  if (!thread) throw new Error(`the trace has no main thread for ${pageUrl}`)
  const events = traceEvents
    .filter((event) => event.pid === thread.pid && event.tid === thread.tid)
    .sort((a, b) => a.ts - b.ts)
  const longest = { page: 0, pageCpu: 0, bridgeReceive: 0 }
  events.forEach((task, index) => {
    if (task.name !== 'RunTask' || task.ph !== 'X') return
    const end = task.ts + (task.dur ?? 0)
    const inside: TraceEvent[] = []
    for (let next = index + 1; next < events.length && events[next]!.ts <= end; next++) {
      inside.push(events[next]!)
    }
    if (!inside.some((event) => event.name === 'WebSocketReceive')) {
      longest.page = Math.max(longest.page, task.dur ?? 0)
      longest.pageCpu = Math.max(longest.pageCpu, task.tdur ?? 0)
      return
    }
    longest.bridgeReceive = Math.max(longest.bridgeReceive, task.dur ?? 0)
    const own = ownWork(inside)
    longest.page = Math.max(longest.page, own.wall)
    longest.pageCpu = Math.max(longest.pageCpu, own.cpu)
  })
  return {
    page: longest.page / 1000,
    pageCpu: longest.pageCpu / 1000,
    bridgeReceive: longest.bridgeReceive / 1000,
  }
}

/** The summed length and CPU time of the outermost timed events among `inside` (nested ones once). */
function ownWork(inside: TraceEvent[]): { wall: number; cpu: number } {
  const total = { wall: 0, cpu: 0 }
  let coveredUntil = -Infinity
  for (const event of inside) {
    if (event.ph !== 'X' || event.ts < coveredUntil) continue
    total.wall += event.dur ?? 0
    total.cpu += event.tdur ?? event.dur ?? 0
    coveredUntil = event.ts + (event.dur ?? 0)
  }
  return total
}
