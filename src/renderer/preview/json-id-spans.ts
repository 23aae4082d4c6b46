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
  const walk = walkJsonIdSpans(text, schemaRoot, has, parsed)
  while (!walk.steps.next().done);
  return walk.spans
}

/**
 * The same walk a step at a time: `spans` grows as `steps` goes on, and a step ends after each
 * item of every array, so a megabyte can be linked a few milliseconds per task.
 */
export function walkJsonIdSpans(
  text: string,
  schemaRoot: SchemaNode | null,
  has: (endpoint: string) => boolean,
  parsed?: unknown,
): { spans: JsonIdSpan[]; steps: Iterator<void> } {
  const spans: JsonIdSpan[] = []
  const none = { spans, steps: [][Symbol.iterator]() }
  if (text.length > maxLinkedTextLength) return none
  let value: unknown = parsed
  if (value === undefined) {
    try {
      value = JSON.parse(text)
    } catch {
      return none
    }
  }
  const root = schemaRoot ?? {}
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

  /** A string or a scalar at `position`; `component`: what a string here identifies, or null. */
  function leaf(current: unknown, component: string | null) {
    if (text[position] !== '"') return skipScalar()
    const [start, end] = skipString()
    const target = typeof current === 'string' ? followTargetFor(component, current) : null
    if (target && has(target.endpoint)) spans.push({ start, end, ...target })
  }

  const opensContainer = () => {
    const code = text.charCodeAt(position)
    return code === 91 || code === 123 // [ or {
  }

  /** The value at `position` (after its leading space); a generator only for arrays and objects. */
  function* walk(current: unknown, schema: unknown, component: string | null): Generator<void> {
    const opening = text[position]
    if (opening === '[') {
      position++
      const items = Array.isArray(current) ? current : []
      const itemSchema = itemsSchema(resolveSchema(root, schema, current))
      for (let index = 0; ; index++) {
        skipSpace()
        if (text[position] === ']') break
        if (opensContainer()) yield* walk(items[index], itemSchema, component)
        else leaf(items[index], component)
        skipSpace()
        if (text[position] === ',') position++
        yield
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
        const raw = text.slice(keyStart, keyEnd)
        // Keys are plain words but for the odd escape: parsing each would cost a call per field.
        const key = raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw
        skipSpace()
        position++ // the colon
        const child = record[key]
        const childComponent =
          typeof child === 'string' || Array.isArray(child)
            ? idFieldTarget(root, resolved, key)
            : null
        skipSpace()
        if (opensContainer()) yield* walk(child, propertySchema(resolved, key), childComponent)
        else leaf(child, childComponent)
        skipSpace()
        if (text[position] === ',') position++
      }
      position++
    }
  }

  skipSpace()
  if (!opensContainer()) {
    leaf(value, null)
    return none
  }
  return { spans, steps: walk(value, root, null) }
}
