import { countOutcomes, type RunOutcome } from './run-outcome.ts'

/** The run as JSON for scripts: totals first, then each request with its checks. */
export function jsonReport(outcome: RunOutcome): string {
  const { passed, failed, notRun } = countOutcomes(outcome)
  const report = {
    tool: 'misskey-explorer run',
    version: 1,
    collection: outcome.collection,
    server: outcome.server,
    startedAt: outcome.startedAt,
    durationMs: Math.round(outcome.durationMs),
    totals: { requests: outcome.requests.length, passed, failed, notRun },
    requests: outcome.requests.map((request) => ({
      name: request.name,
      path: request.path,
      endpoint: request.endpoint,
      passed: request.passed,
      status: request.status,
      durationMs: request.durationMs === null ? null : Math.round(request.durationMs),
      checks: request.checks.map((check) => ({
        name: check.name,
        passed: check.passed,
        ...(check.reason === undefined ? {} : { reason: check.reason }),
      })),
      failures: request.failures,
      warnings: request.warnings,
      captured: request.captured,
    })),
    notRun: outcome.notRun,
  }
  return `${JSON.stringify(report, null, 2)}\n`
}
