import type { SavedRequestDraft } from '../../shared/collections.ts'
import {
  checkResponse,
  type CheckedResponse,
  type ExpectationCheck,
} from '../../shared/expectations.ts'
import type { AppError, Result } from '../../shared/result.ts'
import { captureValue, substituteVariables } from '../../shared/variables.ts'

/** A saved request with its variables filled in, ready for the sender. */
export interface PreparedRequest extends SavedRequestDraft {
  /** `body` after substitution. */
  body: string
}

/** What the runner needs of a response: `ResponseRecord` fits. */
export type RunResponse = CheckedResponse

export interface RunStep<Response extends RunResponse> {
  name: string
  /** The body as sent, variables filled in. */
  sentBody: string
  /** Variables the body named that had no value; they were sent as `{{name}}`. */
  unknownVariables: string[]
  outcome: { ok: true; response: Response } | { ok: false; error: AppError }
  /** Variables this step set from its response. */
  captured: Record<string, string>
  /** Captures that found nothing, in words. */
  captureProblems: string[]
  /** The request's expectations against its response (a 2xx status when it has none). */
  checks: ExpectationCheck[]
  /** It got a response and every check passed. */
  passed: boolean
}

export interface RunReport<Response extends RunResponse> {
  steps: Array<RunStep<Response>>
  /** The variables after the run: the ones given, updated by every capture. */
  variables: Record<string, string>
  /** True when a failure stopped the run before its last request (`stopOnFailure`). */
  stopped: boolean
}

export interface RunOptions<Response extends RunResponse> {
  variables: Record<string, string>
  send: (request: PreparedRequest) => Promise<Result<Response>>
  /** Stop at the first request that got no answer or failed a check. Default false. */
  stopOnFailure?: boolean
  /** Told of each step as soon as it is done (the command line's progress). */
  onStep?: (step: RunStep<Response>, index: number, total: number) => void
  /** Stop before the next request when this says so (e.g. the server cannot be reached). */
  shouldStop?: (step: RunStep<Response>, index: number) => boolean
}

/**
 * Runs requests one after another, as a folder is run: fills in each body's variables, sends it,
 * then takes the request's captures from its response, so a later request can use an id an
 * earlier one created. Pure: the sending is the caller's.
 */
export async function runRequests<Response extends RunResponse>(
  requests: SavedRequestDraft[],
  options: RunOptions<Response>,
): Promise<RunReport<Response>> {
  const variables = { ...options.variables }
  const steps: Array<RunStep<Response>> = []
  for (const [index, request] of requests.entries()) {
    const substitution = substituteVariables(request.body, variables)
    const result = await options.send({ ...request, body: substitution.text })
    const checks = result.ok ? checkResponse(request.expectations, result.value) : []
    const step: RunStep<Response> = {
      name: request.name,
      sentBody: substitution.text,
      unknownVariables: substitution.unknown,
      outcome: result.ok
        ? { ok: true, response: result.value }
        : { ok: false, error: result.error },
      captured: {},
      captureProblems: [],
      checks,
      passed: result.ok && checks.every((check) => check.passed),
    }
    if (result.ok) capture(request, result.value, step, variables)
    else if (request.captures.length > 0) step.captureProblems.push('no response to capture from')
    steps.push(step)
    options.onStep?.(step, index, requests.length)
    const stop = options.shouldStop?.(step, index) || (!step.passed && options.stopOnFailure)
    if (stop && index < requests.length - 1) {
      return { steps, variables, stopped: true }
    }
  }
  return { steps, variables, stopped: false }
}

function capture<Response extends RunResponse>(
  request: SavedRequestDraft,
  response: Response,
  step: RunStep<Response>,
  variables: Record<string, string>,
): void {
  if (request.captures.length === 0) return
  let json: unknown
  try {
    json = response.body.kind === 'json' ? JSON.parse(response.body.text) : undefined
  } catch {
    json = undefined
  }
  for (const { variable, path } of request.captures) {
    if (json === undefined) {
      step.captureProblems.push(`${variable}: the response is not JSON`)
      continue
    }
    const value = captureValue(json, path)
    if (value.found) {
      step.captured[variable] = value.value
      variables[variable] = value.value
    } else {
      step.captureProblems.push(`${variable}: ${value.reason}`)
    }
  }
}
