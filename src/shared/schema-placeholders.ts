// Placeholder strings and numbers that satisfy a field's own constraints, so a generated body
// validates and the user only has to replace values, never to discover a hidden rule first.
import RandExp from 'randexp'
import type { JsonSchema } from './catalog.ts'
import type { SchemaChecker } from './schema-check.ts'

// Examples for the formats JSON Schema names; Misskey's own `misskey:id` has none that a server
// would accept without the user's own id, so it stays an empty string to fill in.
const formatExamples: Record<string, string> = {
  'date-time': '2025-01-01T00:00:00.000Z',
  date: '2025-01-01',
  time: '00:00:00Z',
  email: 'user@example.com',
  'idn-email': 'user@example.com',
  uri: 'https://example.com/',
  url: 'https://example.com/',
  iri: 'https://example.com/',
  'uri-reference': 'https://example.com/',
  'iri-reference': 'https://example.com/',
  uuid: '00000000-0000-0000-0000-000000000000',
  hostname: 'example.com',
  'idn-hostname': 'example.com',
  ipv4: '127.0.0.1',
  ipv6: '::1',
}

const stringKeywords = ['minLength', 'maxLength', 'pattern', 'format'] as const
const numberKeywords = [
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
] as const

/**
 * `""` when the field allows it (the quickest to overwrite), else "example" sized to the length
 * bounds, a format's example, or a string built from the pattern. `variant` > 0 asks for a
 * different value, for arrays whose items must be unique.
 */
export function placeholderString(schema: JsonSchema, check: SchemaChecker, variant = 0): string {
  const constraints = pick(schema, stringKeywords, 'string')
  const suffix = variant > 0 ? String(variant + 1) : ''
  const candidates: string[] = []
  const format =
    typeof schema.format === 'string' && Object.hasOwn(formatExamples, schema.format)
      ? formatExamples[schema.format]
      : undefined
  if (variant === 0) candidates.push('')
  if (format !== undefined) candidates.push(format)
  const example = sized(`example${suffix}`, schema.minLength, schema.maxLength)
  candidates.push(example)
  if (typeof schema.pattern === 'string') candidates.push(...fromPattern(schema.pattern, variant))
  return candidates.find((candidate) => check.matches(candidate, constraints)) ?? example
}

/** 0 when allowed, else the nearest value inside the bounds (and a multiple of `multipleOf`). */
export function placeholderNumber(
  schema: JsonSchema,
  integer: boolean,
  check: SchemaChecker,
  variant = 0,
): number {
  const constraints = pick(schema, numberKeywords, integer ? 'integer' : 'number')
  const low = bound(schema, 'minimum', 'exclusiveMinimum', integer)
  const high = bound(schema, 'maximum', 'exclusiveMaximum', integer)
  let value = variant
  if (low !== undefined && value < low) value = low + variant
  if (high !== undefined && value > high) value = high
  const multiple = typeof schema.multipleOf === 'number' ? schema.multipleOf : undefined
  if (multiple !== undefined && multiple > 0) value = Math.ceil(value / multiple) * multiple
  if (check.matches(value, constraints)) return value
  // Odd combinations (a multipleOf past the maximum…): the middle of the range is a fair guess.
  const middle = low !== undefined && high !== undefined ? (low + high) / 2 : value
  return integer ? Math.round(middle) : middle
}

/**
 * The closest allowed value at one end of the range: draft 2020-12 writes an exclusive bound as
 * a number of its own, draft 4 (older OpenAPI) as `exclusiveMinimum: true` next to `minimum`.
 */
function bound(
  schema: JsonSchema,
  inclusiveKey: 'minimum' | 'maximum',
  exclusiveKey: 'exclusiveMinimum' | 'exclusiveMaximum',
  integer: boolean,
): number | undefined {
  const direction = inclusiveKey === 'minimum' ? 1 : -1
  const inward = (value: number, exclusive: boolean): number => {
    if (integer) {
      const whole = direction > 0 ? Math.ceil(value) : Math.floor(value)
      return exclusive && whole === value ? whole + direction : whole
    }
    return exclusive ? value + direction * 0.5 : value
  }
  const candidates: number[] = []
  const inclusive = schema[inclusiveKey]
  const exclusive = schema[exclusiveKey]
  if (typeof inclusive === 'number') candidates.push(inward(inclusive, exclusive === true))
  if (typeof exclusive === 'number') candidates.push(inward(exclusive, true))
  if (candidates.length === 0) return undefined
  return direction > 0 ? Math.max(...candidates) : Math.min(...candidates)
}

function sized(text: string, minLength: unknown, maxLength: unknown): string {
  let result = text
  if (typeof minLength === 'number' && result.length < minLength) {
    result = result.padEnd(Math.min(minLength, 10_000), 'x')
  }
  if (typeof maxLength === 'number' && result.length > maxLength) {
    result = result.slice(0, Math.max(maxLength, 0))
  }
  return result
}

/** A pattern example longer than this is no help to anyone typing a body: none is made. */
export const maxPatternExampleLength = 10_000

/** RandExp's internal generator: one call per token of the parsed pattern. */
type TokenGenerator = (token: Record<string, unknown>, groups: unknown[]) => string

class PatternTooLarge extends Error {}

/**
 * The shortest string the pattern describes, made deterministic by always taking the lowest
 * choice (RandExp picks at random by default). Patterns RandExp cannot read give nothing, and so
 * does one whose example would be huge (`a{50000000}`, nested repetitions): the server writes
 * the pattern, so generation is metered token by token and stopped past a small budget instead
 * of building a 50-million-character string first and measuring it after.
 */
function fromPattern(pattern: string, variant: number): string[] {
  try {
    const generator = new RandExp(pattern)
    generator.randInt = (low: number, high: number) => Math.min(low + variant, high)
    const internals = generator as unknown as { _gen: TokenGenerator }
    const generate = internals._gen.bind(generator)
    let produced = 0
    let calls = 0
    // RandExp recurses through `this._gen`, so every token, however deeply repeated, comes here.
    internals._gen = (token, groups) => {
      // Calls bound the work of patterns that produce nothing (`(?:){50000000}`).
      if (++calls > 20 * maxPatternExampleLength) throw new PatternTooLarge()
      const text = generate(token, groups)
      // Leaves (a character, a set, a back-reference) add to the output; groups only join them.
      const leaf = !('stack' in token) && !('options' in token) && typeof token.value !== 'object'
      if (leaf) produced += text.length
      if (produced > maxPatternExampleLength) throw new PatternTooLarge()
      return text
    }
    return [generator.gen()]
  } catch {
    return []
  }
}

function pick(
  schema: JsonSchema,
  keywords: readonly string[],
  type: 'string' | 'integer' | 'number',
): JsonSchema {
  const constraints: JsonSchema = { type }
  for (const keyword of keywords) {
    if (schema[keyword] !== undefined) constraints[keyword] = schema[keyword]
  }
  return constraints
}
