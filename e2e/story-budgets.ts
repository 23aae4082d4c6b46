import { availableParallelism, loadavg } from 'node:os'

/**
 * How many times longer than on a quiet machine the stories may wait before giving up, read once
 * when the run starts (playwright.config.ts passes it to the workers through the environment so
 * every process agrees): the load average per core, rounded up, from 1 to 4.
 * EXPLORER_TIME_SCALE sets it; EXPLORER_MIN_TIME_SCALE raises the floor (npm run test:stress,
 * whose own CPU burners the load average has not seen yet when the run starts).
 */
function timeScale(): number {
  const chosen = Number(process.env.EXPLORER_TIME_SCALE)
  if (Number.isFinite(chosen) && chosen >= 1) return chosen
  const floor = Math.max(1, Number(process.env.EXPLORER_MIN_TIME_SCALE) || 1)
  const [lastMinute = 0] = loadavg()
  const busy = Math.ceil(lastMinute / availableParallelism())
  return Math.min(4, Math.max(floor, busy))
}

export const timeScaleFactor = timeScale()
process.env.EXPLORER_TIME_SCALE = String(timeScaleFactor)

/**
 * How long a story may wait before giving up. None of these is a speed check: stories wait for
 * states the user sees and go on as soon as those appear, so a generous budget costs nothing
 * when things work; it only decides how long a hang takes to be reported. Speed is measured in
 * `npm run bench`.
 */
export const storyBudgets = {
  /** One short story, start to end (its fixtures have their own budget). */
  test: 90_000 * timeScaleFactor,
  /** One expectation on what the page shows. */
  expect: 20_000 * timeScaleFactor,
  /** Loading the app's page and starting main's side for a story. */
  fixture: 60_000 * timeScaleFactor,
  /** One step of a long story. */
  step: 45_000 * timeScaleFactor,
}
