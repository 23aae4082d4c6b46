import { defineConfig } from 'vitest/config'
import { timeScale } from './test-kit/support/time-scale.ts'

// How long a test may take before it is reported as hung, longer on a busy machine (never a
// speed check: speed lives in npm run bench).
const budget = 20_000 * timeScale()

export default defineConfig({
  test: {
    include: [
      'src/**/*.test.ts',
      'e2e/**/*.test.ts',
      'test-kit/**/*.test.ts',
      'bench/**/*.test.ts',
      'scripts/**/*.test.ts',
    ],
    environment: 'node',
    testTimeout: budget,
    hookTimeout: budget,
  },
})
