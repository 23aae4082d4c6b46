/**
 * How long a story may wait before giving up, on a machine that may be busy (two cores, other
 * work, `npm run test:stress`). None of these is a speed check: stories wait for states the user
 * sees and pass as soon as those appear; speed is measured in `npm run bench`.
 */
export const storyBudgets = {
  /** One short story, start to end (its fixtures have their own budget). */
  test: 90_000,
  /** One expectation on what the page shows. */
  expect: 20_000,
  /** Loading the app's page and starting main's side for a story. */
  fixture: 60_000,
  /** One step of a long story. */
  step: 45_000,
}
