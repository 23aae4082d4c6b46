import { followTargetFor, idFieldTarget, type FollowTarget } from './id-links.ts'
import { itemsSchema, propertySchema, resolveSchema, type SchemaNode } from './schema-nav.ts'

/** An id in the JSON text (offsets of its characters, quotes excluded) and where it leads. */
export interface JsonIdSpan extends FollowTarget {
  start: number
  end: number
}

/** Past this the JSON view stays plain: walking it would cost more than the links are worth. */
export const maxLinkedTextLength = 4 * 1024 * 1024

/**
 * Every id in a JSON answer that the schema ties to an object, with its place in the text, by
 * the same rules as the Preview's links (id-links.ts). The text is walked beside the value
 * JSON.parse made of it, so each string is met with its field name and its object's schema.
 */
export function findJsonIdSpans(
  text: string,
  schemaRoot: SchemaNode | null,
  has: (endpoint: string) => boolean,
  /** The value the text is the JSON of, when the caller already has it (a megabyte is not parsed twice). */
  parsed?: unknown,
): JsonIdSpan[] {
  if (text.length > maxLinkedTextLength) return []
  let value: unknown = parsed
  if (value === undefined) {
    try {
      value = JSON.parse(text)
    } catch {
      return []
    }
  }
  const root = schemaRoot ?? {}
  const spans: JsonIdSpan[] = []
  let position = 0

  // Character codes, not regular expressions: this runs over every character of the answer.
  function skipSpace() {
    for (;;) {
      const code = text.charCodeAt(position)
      if (code !== 32 && code !== 10 && code !== 13 && code !== 9) return
      position++
    }
  }

  /** Moves past the string starting at `position`; its content's start and end. */
  function skipString(): [number, number] {
    const start = ++position
    for (;;) {
      const quote = text.indexOf('"', position)
      if (quote < 0) {
        position = text.length
        break
      }
      // A quote preceded by an odd number of backslashes is escaped: keep looking.
      let slashes = 0
      while (text.charCodeAt(quote - 1 - slashes) === 92) slashes++
      position = quote + 1
      if (slashes % 2 === 0) break
    }
    return [start, position - 1]
  }

  function skipScalar() {
    for (;;) {
      const code = text.charCodeAt(position)
      // End of text (NaN), whitespace, comma, ] or }.
      if (Number.isNaN(code) || code <= 32 || code === 44 || code === 93 || code === 125) return
      position++
    }
  }

  /** `component`: what a string here identifies (from its field), or null. */
  function walk(current: unknown, schema: unknown, component: string | null) {
    skipSpace()
    const opening = text[position]
    if (opening === '"') {
      const [start, end] = skipString()
      const target = typeof current === 'string' ? followTargetFor(component, current) : null
      if (target && has(target.endpoint)) spans.push({ start, end, ...target })
      return
    }
    if (opening === '[') {
      position++
      const items = Array.isArray(current) ? current : []
      const itemSchema = itemsSchema(resolveSchema(root, schema, current))
      for (let index = 0; ; index++) {
        skipSpace()
        if (text[position] === ']') break
        walk(items[index], itemSchema, component)
        skipSpace()
        if (text[position] === ',') position++
      }
      position++
      return
    }
    if (opening === '{') {
      position++
      const record = (current ?? {}) as Record<string, unknown>
      const resolved = resolveSchema(root, schema, current)
      for (;;) {
        skipSpace()
        if (text[position] !== '"') break
        const [keyStart, keyEnd] = skipString()
        const key = JSON.parse(`"${text.slice(keyStart, keyEnd)}"`) as string
        skipSpace()
        position++ // the colon
        const child = record[key]
        const childComponent =
          typeof child === 'string' || Array.isArray(child)
            ? idFieldTarget(root, resolved, key)
            : null
        walk(child, propertySchema(resolved, key), childComponent)
        skipSpace()
        if (text[position] === ',') position++
      }
      position++
      return
    }
    skipScalar()
  }

  walk(value, root, null)
  return spans
}
