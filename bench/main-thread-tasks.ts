/**
 * The longest task on a page's main thread in a Chromium trace, whatever its length (categories `devtools.timeline` and `disabled-by-default-devtools.timeline`,
 * which has the tasks): the Long Tasks API only reports those over 50 ms, so it cannot tell 49 ms
 * from 5, nor show how far under the line a page is.
 */
export function longestMainThreadTask(trace: Buffer, pageUrl: string): number {
  interface TraceEvent {
    name: string
    ph: string
    pid: number
    tid: number
    dur?: number
    args?: { name?: string; data?: { url?: string } }
  }
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
  let longest = 0
  for (const event of traceEvents) {
    if (event.pid !== thread.pid || event.tid !== thread.tid) continue
    if (event.name === 'RunTask' && event.ph === 'X') longest = Math.max(longest, event.dur ?? 0)
  }
  return longest / 1000
}
