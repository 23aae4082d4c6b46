import type { ResponseBody } from '../shared/requests.ts'

/**
 * A body's text for reading: JSON pretty-printed (main sends it as it came), a large body's
 * preview, other text as is. One place, so the response viewer and the compare view agree.
 */
export function readableBodyText(body: ResponseBody): string {
  if (body.kind === 'empty') return ''
  if (body.kind === 'large') return body.preview
  if (body.kind !== 'json') return body.text
  try {
    return JSON.stringify(JSON.parse(body.text), null, 2)
  } catch {
    return body.text
  }
}
