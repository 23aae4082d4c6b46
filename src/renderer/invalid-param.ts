/**
 * Which field an INVALID_PARAM error is about. Misskey reports the first failing schema rule:
 * `info.param` is a JSON pointer into the endpoint's schema (`#/properties/noteId/type`, or
 * `#/then/properties/text/type` under an if/then), `#/required` with the name in `reason`, or for
 * multipart uploads a bare field name (`isSensitive`).
 */
export interface InvalidField {
  field: string
  /** The field is missing rather than wrong: nothing in the body to point at. */
  missing: boolean
}

export function fieldOfInvalidParam(info: unknown): InvalidField | null {
  if (typeof info !== 'object' || info === null) return null
  const { param, reason } = info as { param?: unknown; reason?: unknown }
  if (typeof param !== 'string') return null
  const missing =
    typeof reason === 'string' ? /must have required property '([^']+)'/.exec(reason) : null
  if (missing?.[1]) return { field: missing[1], missing: true }
  if (!param.startsWith('#')) return param ? { field: param, missing: false } : null
  const properties = [...param.matchAll(/\/properties\/([^/]+)/g)]
  const last = properties.at(-1)?.[1]
  return last
    ? { field: decodeURIComponent(last.replace(/~1/g, '/').replace(/~0/g, '~')), missing: false }
    : null
}
