import { countOutcomes, type RunOutcome } from './run-outcome.ts'

/** The closing table: totals, then the requests that failed with their first reason. */
export function summaryTable(outcome: RunOutcome): string {
  const { passed, failed, notRun } = countOutcomes(outcome)
  const durations = outcome.requests.flatMap((request) =>
    request.durationMs === null ? [] : [request.durationMs],
  )
  const average = durations.length ? durations.reduce((a, b) => a + b, 0) / durations.length : 0
  const rows: Array<[string, string]> = [
    ['requests', String(outcome.requests.length + notRun)],
    ['passed', String(passed)],
    ['failed', String(failed)],
    ...(notRun > 0 ? [['not run', String(notRun)] as [string, string]] : []),
    [
      'checks',
      `${outcome.requests.reduce((sum, request) => sum + request.checks.filter((check) => check.passed).length, 0)}/${outcome.requests.reduce((sum, request) => sum + request.checks.length, 0)} passed`,
    ],
    ['server', outcome.server],
    [
      'total time',
      `${(outcome.durationMs / 1000).toFixed(2)} s (average response ${Math.round(average)} ms)`,
    ],
  ]
  const width = Math.max(...rows.map(([label]) => label.length))
  const lines = ['', ...rows.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`)]
  const failedRequests = outcome.requests.filter((request) => !request.passed)
  if (failedRequests.length > 0) {
    lines.push('', 'Failed:')
    const pathWidth = Math.min(
      60,
      Math.max(...failedRequests.map((request) => request.path.length)),
    )
    for (const request of failedRequests) {
      lines.push(`  ${request.path.padEnd(pathWidth)}  ${request.failures[0] ?? 'failed'}`)
    }
  }
  return `${lines.join('\n')}\n`
}
