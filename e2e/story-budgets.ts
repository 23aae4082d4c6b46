import { timeScale } from '../test-kit/support/time-scale.ts'

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
