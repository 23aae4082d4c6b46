import { availableParallelism, loadavg } from 'node:os'

/**
 * How many times longer than on a quiet machine a test may wait before giving up, read once when
 * a run starts: the load average per core, rounded up, from 1 to 4. Stories and unit tests share
 * it, so both stay patient on a busy machine without a budget anyone reads as a speed check.
 * EXPLORER_TIME_SCALE sets it; EXPLORER_MIN_TIME_SCALE raises the floor (npm run test:stress,
 * whose own CPU burners the load average has not seen yet when the run starts).
 */
export function timeScale(): number {
  const chosen = Number(process.env.EXPLORER_TIME_SCALE)
  if (Number.isFinite(chosen) && chosen >= 1) return chosen
  const floor = Math.max(1, Number(process.env.EXPLORER_MIN_TIME_SCALE) || 1)
  const [lastMinute = 0] = loadavg()
  const busy = Math.ceil(lastMinute / availableParallelism())
  return Math.min(4, Math.max(floor, busy))
}
