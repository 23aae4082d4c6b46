import { parseBodyText } from '../../shared/body-text.ts'
import { removeTypedToken } from '../secrets/typed-token.ts'

/** One `-d`/`--data*` value of a curl command, as written. */
export interface CurlData {
  text: string
  /** From `--data-urlencode`: `name=content` with the content not yet encoded. */
  urlencode: boolean
}

/**
 * The body as the editor shows it (pretty JSON), without an `i` token field, whichever way the
 * command wrote it: JSON or JSON5 (`-d "{i:'tok'}"`), form fields (`-d 'i=tok&limit=5'`), or
 * `--data-urlencode 'i=tok'`. Form fields become JSON string fields (Misskey reads JSON only),
 * so the token is found in the parsed value either way, never by looking at the text.
 */
export function readCurlBody(
  data: CurlData[],
  warnings: string[],
): { text: string; token: boolean } {
  if (data.every((part) => part.text.trim() === '')) return { text: '{}', token: false }
  const joined = data.map((part) => part.text).join('&')
  if (!data.some((part) => part.urlencode)) {
    const parsed = parseBodyText(joined)
    if (parsed.ok) return removed(JSON.stringify(parsed.value.value, null, 2))
  }
  const fields = formFields(data)
  if (fields) {
    warnings.push('The body was form data; its fields were turned into JSON strings.')
    return removed(JSON.stringify(fields, null, 2))
  }
  warnings.push('The body is not JSON; it was kept as written.')
  return removed(joined)
}

function removed(text: string): { text: string; token: boolean } {
  const result = removeTypedToken(text)
  return { text: result.text, token: result.removed }
}

/** `a=1&b=2` pieces as fields (the last of a repeated name wins, as Misskey's would); else null. */
function formFields(data: CurlData[]): Record<string, string> | null {
  const fields = new Map<string, string>()
  for (const part of data) {
    if (part.urlencode) {
      // curl: `name=content` sends content encoded; `content` and `=content` have no name.
      const equals = part.text.indexOf('=')
      if (equals <= 0) return null
      fields.set(part.text.slice(0, equals), part.text.slice(equals + 1))
      continue
    }
    for (const piece of part.text.split('&')) {
      if (!/^[^=\s{}[\]"']+=/.test(piece)) return null
      const [[name, value]] = [...new URLSearchParams(piece)] as [[string, string]]
      fields.set(name, value)
    }
  }
  return Object.fromEntries(fields)
}
