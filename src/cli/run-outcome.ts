import type { RunStepResult } from '../shared/collection-session.ts'
import type { ExpectationCheck } from '../shared/expectations.ts'

/** One request of a run as the reports tell it. */
export interface RequestOutcome {
  name: string
  /** The request file inside the collection, e.g. `notes/Create a note.request.json`. */
  path: string
  endpoint: string
  /** null when no response came. */
  status: number | null
  durationMs: number | null
  passed: boolean
  checks: ExpectationCheck[]
  /** Why it failed, one line each: a failed check, or why no response came. */
  failures: string[]
  /** Things worth knowing that do not fail it: captures that found nothing, unknown variables. */
  warnings: string[]
  /** Names of the variables it captured (not their values: reports are kept as CI artifacts). */
  captured: string[]
}

export interface RunOutcome {
  collection: string
  server: string
  startedAt: string
  durationMs: number
  requests: RequestOutcome[]
  /** Requests not run because `--bail` (or an unreachable server) stopped the run. */
  notRun: string[]
}

export function requestOutcome(step: RunStepResult, rateLimitNote?: string): RequestOutcome {
  const warnings = [
    ...step.captureProblems.map((problem) => `capture ${problem}`),
    ...step.unknownVariables.map((name) => `{{${name}}} has no value`),
  ]
  if (!step.outcome.ok) {
    return {
      name: step.name,
      path: step.path,
      endpoint: step.endpoint,
      status: null,
      durationMs: null,
      passed: false,
      checks: [],
      failures: [step.outcome.error.message],
      warnings,
      captured: Object.keys(step.captured),
    }
  }
  const failures = step.checks
    .filter((check) => !check.passed)
    .map((check) => `${check.name}: ${check.reason ?? 'failed'}`)
  if (rateLimitNote && failures.length > 0) failures.push(rateLimitNote)
  return {
    name: step.name,
    path: step.path,
    endpoint: step.endpoint,
    status: step.outcome.response.status,
    durationMs: step.outcome.response.durationMs,
    passed: step.passed,
    checks: step.checks,
    failures,
    warnings,
    captured: Object.keys(step.captured),
  }
}

export function countOutcomes(outcome: RunOutcome) {
  const passed = outcome.requests.filter((request) => request.passed).length
  return { passed, failed: outcome.requests.length - passed, notRun: outcome.notRun.length }
}
