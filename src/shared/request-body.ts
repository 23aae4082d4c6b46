import { fail, ok, type Result } from './result.ts'

/**
 * The body as the server will get it. An empty editor sends `{}`: a real Misskey rejects a missing
 * body with INVALID_PARAM even on endpoints without parameters.
 */
export function parseRequestBody(text: string): Result<Record<string, unknown>> {
  if (text.trim() === '') return ok({})
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    return fail('BODY_NOT_JSON', `The body is not valid JSON: ${(error as Error).message}`, {
      reason: (error as Error).message,
    })
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    const found = value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`
    return fail('BODY_NOT_OBJECT', `Misskey expects a JSON object as the body, not ${found}.`, {
      found,
    })
  }
  return ok(value as Record<string, unknown>)
}
