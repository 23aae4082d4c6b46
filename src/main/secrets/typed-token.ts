// Main adds the account's token only when it sends, but a user can still type one into a body
// (or paste a curl command that carries it). DESIGN.md keeps tokens out of history, collection
// files and exports, so every place that writes a body down takes the typed `i` out first.

export const removedMarker = '(removed)'

const typedTokenField = /("i"\s*:\s*)"(?:[^"\\]|\\.)*"/g

/**
 * A request body without a top-level `i` field, and whether there was one. JSON comes back
 * pretty-printed without the field; text that is not JSON (yet) keeps its shape, with anything
 * shaped like an `i` string field blanked to the marker.
 */
export function removeTypedToken(body: string): { text: string; removed: boolean } {
  if (!body.includes('"i"')) return { text: body, removed: false }
  let parsed: unknown
  try {
    parsed = JSON.parse(body)
  } catch {
    const text = body.replace(typedTokenField, `$1"${removedMarker}"`)
    return { text, removed: text !== body }
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed) || !('i' in parsed)) {
    return { text: body, removed: false }
  }
  const { i: _token, ...rest } = parsed as Record<string, unknown>
  return { text: JSON.stringify(rest, null, 2), removed: true }
}
