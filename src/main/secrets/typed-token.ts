// Main adds the account's token only when it sends, but a user can still type one into a body
// (or paste a curl command that carries it). DESIGN.md keeps tokens out of history, collection
// files and exports, so every place that writes a body down takes the typed `i` out first.
//
// The decision is made on the value the body means, read the way the sender reads it (JSON,
// then JSON5: comments, single quotes, unquoted or escaped keys, duplicated keys where the last
// wins), never on how the text spells it: `{"\u0069": "tok"}` and `{i: 'tok'}` are both a token.
import { parseBodyText } from '../../shared/body-text.ts'
import { blankFieldValues } from './lenient-fields.ts'

export const removedMarker = '(removed)'

const tokenField = 'i'
/** `{{name}}` alone: a reference to an environment variable, not a token. */
const placeholderOnly = /^\{\{\s*[A-Za-z_][\w.-]*\s*\}\}$/

/**
 * A request body without a top-level `i` field, and whether there was one. A body that parses
 * comes back as pretty JSON built from its parsed value, without the field (so nothing of the
 * typed text survives: not a duplicate key, not a comment). A body that does not parse yet
 * keeps its shape, with the value of every field named `i` (however spelt) replaced by the
 * marker. A `{{name}}` placeholder as the value is kept: it names a variable, it is no token.
 */
export function removeTypedToken(body: string): { text: string; removed: boolean } {
  const parsed = parseBodyText(body)
  if (parsed.ok) {
    const value = parsed.value.value
    if (!Object.hasOwn(value, tokenField)) return { text: body, removed: false }
    const token = value[tokenField]
    if (typeof token === 'string' && placeholderOnly.test(token)) {
      return { text: JSON.stringify(value, null, 2), removed: false }
    }
    const rest = Object.fromEntries(Object.entries(value).filter(([key]) => key !== tokenField))
    return { text: JSON.stringify(rest, null, 2), removed: true }
  }
  return blankUnparsedTokens(body)
}

/** Text that does not parse: every `i` field's value (at any depth, to be safe) becomes the marker. */
function blankUnparsedTokens(body: string): { text: string; removed: boolean } {
  const blanked = blankFieldValues(
    body,
    (span, value) => span.key === tokenField && !isPlaceholderValue(value),
    removedMarker,
  )
  return { text: blanked.text, removed: blanked.removed.length > 0 }
}

function isPlaceholderValue(value: string): boolean {
  const trimmed = value.trim()
  if (placeholderOnly.test(trimmed)) return true
  const quoted = /^(["'])(.*)\1$/s.exec(trimmed)
  return quoted !== null && placeholderOnly.test(quoted[2]!)
}
