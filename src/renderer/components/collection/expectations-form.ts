import type { JsonPathExpectation, RequestExpectations } from '../../../shared/collections.ts'
import { isValuePath } from '../../../shared/variables.ts'

// The save dialog edits expectations as text fields; this turns them into what the request file
// keeps, and back. Pure, so it is tested without a page.

export type JsonCheckKind = 'equals' | 'exists' | 'missing' | 'matches'

export interface ExpectationsForm {
  status: string
  errorCode: string
  durationUnderMs: string
  json: Array<{ path: string; kind: JsonCheckKind; value: string }>
}

export type FormProblem = { key: string; params?: Record<string, string> }

export function formFromExpectations(
  expectations: RequestExpectations | undefined,
): ExpectationsForm {
  return {
    status: expectations?.status?.toString() ?? '',
    errorCode: expectations?.errorCode ?? '',
    durationUnderMs: expectations?.durationUnderMs?.toString() ?? '',
    json: (expectations?.json ?? []).map((item) =>
      'equals' in item
        ? { path: item.path, kind: 'equals' as const, value: JSON.stringify(item.equals) }
        : 'exists' in item
          ? {
              path: item.path,
              kind: item.exists ? ('exists' as const) : ('missing' as const),
              value: '',
            }
          : { path: item.path, kind: 'matches' as const, value: item.matches },
    ),
  }
}

/**
 * What to save, or the first thing to fix. An equals value is read as JSON (`"hi"`, `5`, `true`,
 * `null`); text that is not JSON is taken as a string, so `hello` means "hello".
 */
export function expectationsFromForm(
  form: ExpectationsForm,
):
  | { ok: true; expectations: RequestExpectations | undefined }
  | { ok: false; problem: FormProblem } {
  const expectations: RequestExpectations = {}
  const status = form.status.trim()
  if (status !== '') {
    const value = Number(status)
    if (!/^\d{3}$/.test(status) || value < 100 || value > 599) return problem('checks.badStatus')
    expectations.status = value
  }
  const errorCode = form.errorCode.trim()
  if (errorCode !== '') {
    if (!/^[A-Z0-9_]{1,100}$/.test(errorCode)) return problem('checks.badErrorCode')
    expectations.errorCode = errorCode
  }
  const duration = form.durationUnderMs.trim()
  if (duration !== '') {
    if (!/^\d{1,7}$/.test(duration) || Number(duration) < 1 || Number(duration) > 3_600_000) {
      return problem('checks.badDuration')
    }
    expectations.durationUnderMs = Number(duration)
  }
  const json: JsonPathExpectation[] = []
  for (const row of form.json) {
    const path = row.path.trim()
    if (path === '' && row.value.trim() === '') continue
    if (!isValuePath(path)) return problem('checks.badPath', { path: path || '…' })
    if (row.kind === 'exists' || row.kind === 'missing')
      json.push({ path, exists: row.kind === 'exists' })
    else if (row.kind === 'matches') {
      try {
        new RegExp(row.value, 'u')
      } catch {
        return problem('checks.badPattern', { pattern: row.value })
      }
      json.push({ path, matches: row.value })
    } else json.push({ path, equals: jsonOrText(row.value) })
  }
  if (json.length > 0) expectations.json = json
  return { ok: true, expectations: Object.keys(expectations).length > 0 ? expectations : undefined }
}

function jsonOrText(text: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch {
    return text
  }
}

function problem(key: string, params?: Record<string, string>) {
  return { ok: false as const, problem: params ? { key, params } : { key } }
}
