import type { JsonPathExpectation, RequestExpectations } from './collections.ts'
import { parseJsonBody, type ResponseBody, type ResponseProblem } from './requests.ts'
import { valueAtPath } from './variables.ts'

// Pure: the same checks for the command-line runner and the app's "run folder".

/** What the checks need of a response: `ResponseRecord` fits. */
export interface CheckedResponse {
  status: number
  body: ResponseBody
  durationMs?: number
  problem?: ResponseProblem | null
}

export interface ExpectationCheck {
  /** In words, e.g. `status is 200`, `createdNote.text equals "hi"`. */
  name: string
  passed: boolean
  /** Why it failed, in words; absent when it passed. */
  reason?: string
}

/** True when the request asks for anything beyond a 2xx status. */
export function hasExpectations(expectations: RequestExpectations | undefined): boolean {
  if (!expectations) return false
  return (
    expectations.status !== undefined ||
    expectations.errorCode !== undefined ||
    expectations.durationUnderMs !== undefined ||
    (expectations.json?.length ?? 0) > 0
  )
}

/** Every check of a request against its response, in a fixed order (status first). */
export function checkResponse(
  expectations: RequestExpectations | undefined,
  response: CheckedResponse,
): ExpectationCheck[] {
  const checks: ExpectationCheck[] = []
  const wanted = expectations ?? {}
  if (wanted.status !== undefined) {
    checks.push(
      result(
        `status is ${wanted.status}`,
        response.status === wanted.status,
        () => `got ${response.status}`,
      ),
    )
  } else if (wanted.errorCode === undefined) {
    const ok = response.status >= 200 && response.status < 300
    checks.push(result('status is 2xx', ok, () => `got ${response.status}${errorSuffix(response)}`))
  }
  if (wanted.errorCode !== undefined) {
    const code = misskeyErrorCode(response)
    checks.push(
      result(`error code is ${wanted.errorCode}`, code === wanted.errorCode, () =>
        code === null ? `got ${response.status} without a Misskey error` : `got ${code}`,
      ),
    )
  }
  if (wanted.durationUnderMs !== undefined) {
    const took = response.durationMs
    checks.push(
      result(
        `time under ${wanted.durationUnderMs} ms`,
        took !== undefined && took < wanted.durationUnderMs,
        () => (took === undefined ? 'not timed' : `took ${Math.round(took)} ms`),
      ),
    )
  }
  if (wanted.json && wanted.json.length > 0) {
    const json = parsedBody(response.body)
    for (const expectation of wanted.json) checks.push(checkPath(expectation, json))
  }
  return checks
}

export function describeJsonExpectation(expectation: JsonPathExpectation): string {
  if ('equals' in expectation)
    return `${expectation.path} equals ${JSON.stringify(expectation.equals)}`
  if ('exists' in expectation) {
    return `${expectation.path} ${expectation.exists ? 'exists' : 'does not exist'}`
  }
  return `${expectation.path} matches /${expectation.matches}/`
}

function checkPath(
  expectation: JsonPathExpectation,
  json: { ok: true; value: unknown } | { ok: false; reason: string },
): ExpectationCheck {
  const name = describeJsonExpectation(expectation)
  if (!json.ok) return { name, passed: false, reason: json.reason }
  const found = valueAtPath(json.value, expectation.path)
  if ('exists' in expectation) {
    return result(name, found.found === expectation.exists, () =>
      found.found ? `it is ${short(found.value)}` : found.reason,
    )
  }
  if (!found.found) return { name, passed: false, reason: found.reason }
  if ('equals' in expectation) {
    return result(
      name,
      sameJson(found.value, expectation.equals),
      () => `got ${short(found.value)}`,
    )
  }
  let pattern: RegExp
  try {
    pattern = new RegExp(expectation.matches, 'u')
  } catch (error) {
    return { name, passed: false, reason: `not a regular expression (${(error as Error).message})` }
  }
  const text = typeof found.value === 'string' ? found.value : JSON.stringify(found.value)
  return result(name, pattern.test(text), () => `got ${short(found.value)}`)
}

function result(name: string, passed: boolean, reason: () => string): ExpectationCheck {
  return passed ? { name, passed } : { name, passed, reason: reason() }
}

function parsedBody(
  body: ResponseBody,
): { ok: true; value: unknown } | { ok: false; reason: string } {
  const parsed = parseJsonBody(body)
  if (parsed.ok) return parsed
  const reasons = {
    empty: 'the response is empty',
    large: 'the response is too large to check',
    'not-json': 'the response is not JSON',
    invalid: 'the response says it is JSON but does not parse',
  }
  return { ok: false, reason: reasons[parsed.reason] }
}

function misskeyErrorCode(response: CheckedResponse): string | null {
  if (response.problem?.kind === 'misskey') return response.problem.code
  return null
}

function errorSuffix(response: CheckedResponse): string {
  const code = misskeyErrorCode(response)
  return code === null ? '' : ` ${code}`
}

/** Compares two JSON values whole; object key order does not matter. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, index) => sameJson(item, b[index]))
  }
  const keysA = Object.keys(a)
  const keysB = Object.keys(b)
  return (
    keysA.length === keysB.length &&
    keysA.every(
      (key) =>
        Object.hasOwn(b, key) &&
        sameJson((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
    )
  )
}

function short(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value)
  return text.length > 80 ? `${text.slice(0, 77)}...` : text
}
