import { defineConfig } from '@playwright/test'
import { storyBudgets } from './e2e/story-budgets.ts'

// Debian's Chromium, never a downloaded browser; the flags keep it off the (closed) network.
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const onCi = Boolean(process.env.CI)

export default defineConfig({
  testDir: './e2e',
  testMatch: '**/*.spec.ts',
  // Budgets, not speed checks: a story waits for what the user sees, and these only say when to
  // give up. They are generous because the suite must pass on a busy machine (npm run
  // test:stress); long stories split into steps with a budget each (e2e/story-budgets.ts).
  timeout: storyBudgets.test,
  expect: { timeout: storyBudgets.expect },
  fullyParallel: true,
  workers: 2,
  // No retries here: a story that needs one is flaky and must be fixed. CI retries once only to
  // record a trace of the failure, and still fails the run on a flaky story.
  retries: onCi ? 1 : 0,
  failOnFlakyTests: onCi,
  reporter: onCi ? [['list'], ['html', { open: 'never' }]] : [['list']],
  use: {
    browserName: 'chromium',
    launchOptions: {
      executablePath: chromiumPath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
    viewport: { width: 1360, height: 860 },
    // Recording a trace of every story more than doubled its time on a busy machine; a trace of
    // the retried run is enough to see what went wrong.
    trace: 'on-first-retry',
  },
})
