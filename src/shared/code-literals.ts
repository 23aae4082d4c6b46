// Values written as source text for the "Copy as" snippets: JavaScript literals in the style
// people write by hand (single quotes, bare keys, two-space indentation) and POSIX shell words.

/** Source text to put in a literal as is, such as `process.env.MISSKEY_TOKEN`. */
export class Code {
  readonly text: string
  constructor(text: string) {
    this.text = text
  }
}

/**
 * A JavaScript string literal that evaluates to exactly `text`: single quotes, or double quotes
 * when that needs fewer escapes (as Prettier chooses).
 */
export function jsString(text: string): string {
  const singles = text.split("'").length - 1
  const doubles = text.split('"').length - 1
  // JSON's own escapes are valid JavaScript.
  if (singles > doubles) return JSON.stringify(text)
  // Swap the quote style token by token, so an escaped backslash before a quote is never
  // mistaken for an escaped quote.
  const inner = JSON.stringify(text)
    .slice(1, -1)
    .replace(/\\.|'/g, (token) => (token === '\\"' ? '"' : token === "'" ? "\\'" : token))
  return `'${inner}'`
}

const identifier = /^[A-Za-z_$][\w$]*$/

/** A JavaScript expression for a JSON value (plus `Code`), indented from `indent`. */
export function jsLiteral(value: unknown, indent = ''): string {
  if (value instanceof Code) return value.text
  if (typeof value === 'string') return jsString(value)
  if (value === null || typeof value === 'boolean') return String(value)
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null'
  const inner = `${indent}  `
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]'
    const flat = value.every((item) => item === null || typeof item !== 'object')
    const oneLine = `[${value.map((item) => jsLiteral(item)).join(', ')}]`
    if (flat && oneLine.length + indent.length <= 80) return oneLine
    return `[\n${value.map((item) => `${inner}${jsLiteral(item, inner)},`).join('\n')}\n${indent}]`
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
    if (entries.length === 0) return '{}'
    const lines = entries.map(([key, item]) => {
      // `__proto__: x` in a literal would set the prototype; a quoted computed key would not.
      const name =
        key === '__proto__' ? `['__proto__']` : identifier.test(key) ? key : jsString(key)
      return `${inner}${name}: ${jsLiteral(item, inner)},`
    })
    return `{\n${lines.join('\n')}\n${indent}}`
  }
  return 'undefined'
}

/** One POSIX shell word, always in single quotes (nothing expands there), `'` as `'\''`. */
export function shellWord(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`
}
