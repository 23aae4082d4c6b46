import type { ResponseBody } from '../shared/requests.ts'

/**
 * A body's text for reading: JSON pretty-printed (main sends it as it came), a large body's
 * preview, other text as is. One place, so the response viewer and the compare view agree.
 */
export function readableBodyText(body: ResponseBody): string {
  if (body.kind === 'empty') return ''
  if (body.kind === 'large') return body.preview
  if (body.kind !== 'json') return body.text
  return prettyJsonText(body.text)
}

/** JSON text indented by two spaces; `parsed` (when given) is its value, so it is not parsed again. */
export function prettyJsonText(text: string, parsed?: unknown): string {
  if (parsed !== undefined) return JSON.stringify(parsed, null, 2)
  try {
    return JSON.stringify(JSON.parse(text), null, 2)
  } catch {
    return text
  }
}
