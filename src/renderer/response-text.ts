import type { ResponseBody } from '../shared/requests.ts'

/**
 * A body's text for reading in the compare view: JSON pretty-printed (main sends it as it came),
 * a large body's preview, other text as is. For Misskey's compact JSON this is the layout the
 * Body tab gives it a piece at a time (indentedJsonPieces).
 */
export function readableBodyText(body: ResponseBody): string {
  if (body.kind === 'empty') return ''
  if (body.kind === 'large') return body.preview
  if (body.kind !== 'json') return body.text
  return prettyJsonText(body.text)
}

/** JSON text indented by two spaces; text that does not parse, as it is. */
function prettyJsonText(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2)
  } catch {
    return text
  }
}
