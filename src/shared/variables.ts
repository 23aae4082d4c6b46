import type { Substitution } from './collections.ts'

// Pure functions, no Node: main fills variables in when it sends, the page checks the result.

const placeholder = /\{\{\s*([A-Za-z_][\w.-]*)\s*\}\}/g

/**
 * Replaces `{{name}}` with the variable's value. Inside a JSON string the value is escaped (a
 * quote in it would otherwise end the string); outside one it goes in as is, so `"limit":
 * {{limit}}` gives a number. Unknown names stay as they are, and are reported.
 */
export function substituteVariables(text: string, variables: Record<string, string>): Substitution {
  const unknown = new Set<string>()
  const inString = stringRegions(text)
  const result = text.replace(placeholder, (match: string, name: string, offset: number) => {
    if (!Object.hasOwn(variables, name)) {
      unknown.add(name)
      return match
    }
    const value = variables[name]!
    return inString(offset) ? JSON.stringify(value).slice(1, -1) : value
  })
  return { text: result, unknown: [...unknown] }
}

/** The variable names `text` uses as `{{name}}`, each once, in order of first use. */
export function placeholderNames(text: string): string[] {
  return [...new Set([...text.matchAll(placeholder)].map((match) => match[1]!))]
}

/** Whether an offset of `text` lies inside a JSON string literal, by a scan of quotes and escapes. */
function stringRegions(text: string): (offset: number) => boolean {
  const starts: number[] = []
  const ends: number[] = []
  let inside = false
  for (let index = 0; index < text.length; index++) {
    const char = text[index]
    if (inside && char === '\\') index++
    else if (char === '"') {
      if (inside) ends.push(index)
      else starts.push(index)
      inside = !inside
    }
  }
  if (inside) ends.push(text.length)
  return (offset) => {
    for (let region = 0; region < starts.length; region++) {
      if (offset > starts[region]! && offset < ends[region]!) return true
    }
    return false
  }
}

export type CaptureResult = { found: true; value: string } | { found: false; reason: string }

/**
 * Reads a value out of a JSON response by a path such as `createdNote.id`, `notes[0].id`,
 * `[0].user.username` or `emojis["blob-cat"]`. Strings come back as they are, anything else as
 * JSON text.
 */
export function captureValue(json: unknown, path: string): CaptureResult {
  const found = valueAtPath(json, path)
  if (!found.found) return found
  const value = found.value
  return { found: true, value: typeof value === 'string' ? value : JSON.stringify(value) }
}

/** The value at a path such as `notes[0].id`, as it is in the JSON (the checks compare it whole). */
export function valueAtPath(
  json: unknown,
  path: string,
): { found: true; value: unknown } | { found: false; reason: string } {
  const steps = parsePath(path)
  if (!steps) return { found: false, reason: `${path} is not a path such as notes[0].id` }
  let current: unknown = json
  let walked = ''
  for (const step of steps) {
    walked += typeof step === 'number' ? `[${step}]` : walked ? `.${step}` : step
    if (typeof step === 'number') {
      if (!Array.isArray(current) || step >= current.length) {
        return { found: false, reason: `${walked} is not in the response` }
      }
      current = current[step]
    } else {
      if (typeof current !== 'object' || current === null || !Object.hasOwn(current, step)) {
        return { found: false, reason: `${walked} is not in the response` }
      }
      current = (current as Record<string, unknown>)[step]
    }
  }
  if (current === undefined) return { found: false, reason: `${walked} is not in the response` }
  return { found: true, value: current }
}

/** Whether a text is a path `valueAtPath` understands. */
export function isValuePath(path: string): boolean {
  return parsePath(path) !== null
}

function parsePath(path: string): Array<string | number> | null {
  const steps: Array<string | number> = []
  const step = /\.?([A-Za-z_$][\w$-]*)|\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\]/y
  let offset = 0
  while (offset < path.length) {
    step.lastIndex = offset
    const match = step.exec(path)
    if (!match || (match[1] !== undefined && offset === 0 && path[0] === '.')) return null
    if (match[1] !== undefined) steps.push(match[1])
    else if (match[2] !== undefined) steps.push(Number(match[2]))
    else steps.push(JSON.parse(`"${match[3]}"`) as string)
    offset = step.lastIndex
  }
  return steps.length > 0 ? steps : null
}
