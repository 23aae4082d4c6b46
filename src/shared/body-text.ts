// What the user typed in the body editor, read the forgiving way: people paste bodies from docs,
// chats and JS source, with comments, trailing commas, unquoted keys and single quotes. Strict
// JSON first (the common case, and the exact text we send), then JSON5; Misskey itself only
// ever gets the strict JSON this produces.
import JSON5 from 'json5'
import { fail, ok, type Result } from './result.ts'

export interface BodyText {
  /** The object that will be sent. */
  value: Record<string, unknown>
  /** The JSON that will be sent, compact (what main's sender writes for `value`). */
  json: string
  /** The text was not JSON but JSON5 (comments, trailing commas, unquoted keys, single quotes…). */
  convertedFromJson5: boolean
  /**
   * The JSON type of the body's `i` field when it is present and neither a string nor null.
   * Misskey 2025.5 never answers such a request (it sets 400 and forgets to send, so the call
   * hangs until it times out) unless a Bearer header carries the token; callers should refuse to
   * send it. Null when `i` is absent, null or a string.
   */
  invalidTokenType: 'number' | 'boolean' | 'object' | 'array' | null
}

/**
 * Reads a body: an empty text is `{}` (a real Misskey rejects a missing body even on endpoints
 * without parameters). Fails with BODY_NOT_JSON (detail: `reason`, 1-based `line` and `column`
 * when known) or BODY_NOT_OBJECT (detail: `found`), in the shapes `parseRequestBody` uses.
 */
export function parseBodyText(text: string): Result<BodyText> {
  if (text.trim() === '') return ok(describe({}, '{}', false))
  let value: unknown
  let convertedFromJson5 = false
  try {
    value = JSON.parse(text)
  } catch {
    try {
      value = JSON5.parse(text)
      convertedFromJson5 = true
    } catch (error) {
      return syntaxFailure(error)
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    const found = value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`
    return fail('BODY_NOT_OBJECT', `Misskey expects a JSON object as the body, not ${found}.`, {
      found,
    })
  }
  // JSON5's Infinity and NaN, and JSON numbers too large for a double (1e400), would silently be
  // sent as null.
  if (hasNonFiniteNumber(value)) {
    const reason = 'Infinity, NaN and numbers beyond ±1.8e308 cannot be sent as JSON'
    return fail('BODY_NOT_JSON', `The body is not valid JSON: ${reason}.`, {
      reason,
      line: null,
      column: null,
    })
  }
  const body = value as Record<string, unknown>
  return ok(describe(body, JSON.stringify(body), convertedFromJson5))
}

function describe(
  value: Record<string, unknown>,
  json: string,
  convertedFromJson5: boolean,
): BodyText {
  return { value, json, convertedFromJson5, invalidTokenType: invalidTokenType(value) }
}

function invalidTokenType(body: Record<string, unknown>): BodyText['invalidTokenType'] {
  if (!Object.hasOwn(body, 'i')) return null
  const token = body.i
  if (token === null || token === undefined || typeof token === 'string') return null
  if (Array.isArray(token)) return 'array'
  if (typeof token === 'number') return 'number'
  if (typeof token === 'boolean') return 'boolean'
  return 'object'
}

function hasNonFiniteNumber(value: unknown): boolean {
  if (typeof value === 'number') return !Number.isFinite(value)
  if (Array.isArray(value)) return value.some(hasNonFiniteNumber)
  if (typeof value === 'object' && value !== null) {
    return Object.values(value).some(hasNonFiniteNumber)
  }
  return false
}

/** JSON5 escapes the character as in a JS string; quotes read better unescaped. */
function quoteChar(escaped: string): string {
  if (escaped === `\\'`) return `"'"`
  if (escaped === '\\"') return `'"'`
  return `'${escaped}'`
}

/** JSON5's errors ("JSON5: invalid character 'x' at 3:6") carry the position as numbers too. */
function syntaxFailure(error: unknown): Result<never> {
  const { message, lineNumber, columnNumber } = error as {
    message?: unknown
    lineNumber?: unknown
    columnNumber?: unknown
  }
  const line = typeof lineNumber === 'number' ? lineNumber : null
  const column = typeof columnNumber === 'number' ? columnNumber : null
  const reason = String(message ?? 'unreadable text')
    .replace(/^JSON5:\s*/, '')
    .replace(/\s+at \d+:\d+$/, '')
    .replace(/^invalid end of input$/, 'the text ends too early')
    .replace(/^invalid character '(.*)'$/, (_, char: string) => `unexpected ${quoteChar(char)}`)
  const where = line !== null && column !== null ? ` (line ${line}, column ${column})` : ''
  return fail('BODY_NOT_JSON', `The body is not valid JSON${where}: ${reason}.`, {
    reason,
    line,
    column,
  })
}
