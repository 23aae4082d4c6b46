import { parseBodyText } from '../../shared/body-text.ts'
import { blankFieldValues } from '../secrets/lenient-fields.ts'
import { secretFieldsFor, type SecretFields } from '../../shared/secret-fields.ts'
import { removedMarker } from '../secrets/typed-token.ts'

// The history must never hold a secret (DESIGN.md). A typed `i` is taken out of the request by
// secrets/typed-token.ts; the other secrets an endpoint receives or answers with (passwords, 2FA
// codes and keys, issued tokens: the one list is shared/secret-fields.ts) are replaced here by
// the marker, so the history shows that a value was there and was removed. What the user saw on
// screen is not changed, only what is written. Decided on the parsed value, like the token.

export interface Redacted {
  text: string
  /** Names of the fields whose values were replaced, in order, repeated per occurrence. */
  removed: string[]
}

/** A request body (JSON or JSON5, as typed) with its secret fields' values replaced. */
export function redactRequestSecrets(endpoint: string, body: string): Redacted {
  const fields = secretFieldsFor(endpoint, 'request')
  // Without a backslash (an escape could spell any key), a key can only be written as itself.
  if (!body.includes('\\') && !mentionsAny(body, fields)) return { text: body, removed: [] }
  const parsed = parseBodyText(body)
  if (!parsed.ok) return blankUnparsed(body, fields)
  return redactValue(parsed.value.value, body, fields)
}

/** A response body's text (JSON as it came, or text that is not JSON) with secrets replaced. */
export function redactResponseSecrets(endpoint: string, text: string): Redacted {
  const fields = secretFieldsFor(endpoint, 'response')
  // Strict JSON escapes keys only as \uXXXX.
  if (!text.includes('\\u') && !mentionsAny(text, fields)) return { text, removed: [] }
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    return blankUnparsed(text, fields)
  }
  return redactValue(parsed, text, fields)
}

function mentionsAny(text: string, fields: SecretFields): boolean {
  for (const name of fields.anywhere) if (text.includes(name)) return true
  for (const name of fields.topLevel) if (text.includes(name)) return true
  return false
}

function redactValue(value: unknown, original: string, fields: SecretFields): Redacted {
  const removed: string[] = []
  const redacted = walk(value, 1, fields, removed)
  if (removed.length === 0) return { text: original, removed }
  return { text: JSON.stringify(redacted, null, 2), removed }
}

function walk(value: unknown, depth: number, fields: SecretFields, removed: string[]): unknown {
  if (Array.isArray(value)) return value.map((item) => walk(item, depth, fields, removed))
  if (typeof value !== 'object' || value === null) return value
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => {
      const secret = fields.anywhere.has(key) || (depth === 1 && fields.topLevel.has(key))
      if (secret && inner !== null && inner !== removedMarker) {
        removed.push(key)
        return [key, removedMarker]
      }
      return [key, walk(inner, depth + 1, fields, removed)]
    }),
  )
}

/** Text that does not parse (a cut preview, a body being typed): blanked field by field. */
function blankUnparsed(text: string, fields: SecretFields): Redacted {
  return blankFieldValues(
    text,
    (span, value) =>
      value.trim() !== 'null' &&
      (fields.anywhere.has(span.key) || (span.depth === 1 && fields.topLevel.has(span.key))),
    removedMarker,
  )
}
