// A body the user is still typing (or a saved one holding `{{name}}` placeholders outside
// strings) does not parse, yet it may hold a token. This reads such text token by token, the way
// JSON5 would (strings in either quote with their escapes decoded, identifiers with \u escapes,
// comments), so a key is recognised by what it means (`"\u0069"`, `'i'`, `i`), never by how it is
// spelt. It only finds where values are; deciding what to do with them is the caller's.

export interface FieldValueSpan {
  /** The decoded key. */
  key: string
  /** Nesting of the object holding the key: 1 for the body's own fields. */
  depth: number
  /** Where the value starts and ends (exclusive) in the text; empty when the text ends first. */
  start: number
  end: number
}

type Token =
  | { kind: 'punct'; char: string; start: number; end: number }
  | { kind: 'name'; value: string; start: number; end: number }
  | { kind: 'other'; start: number; end: number }

/** Every `key: value` of the text, at any depth, however broken the rest of it is. */
export function fieldValueSpans(text: string): FieldValueSpan[] {
  const tokens = tokenize(text)
  const spans: FieldValueSpan[] = []
  let depth = 0
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]!
    if (token.kind === 'punct') {
      if (token.char === '{' || token.char === '[') depth++
      else if (token.char === '}' || token.char === ']') depth = Math.max(0, depth - 1)
      continue
    }
    const colon = tokens[index + 1]
    if (token.kind !== 'name' || colon?.kind !== 'punct' || colon.char !== ':') continue
    // The value runs to the next comma or closing bracket at this key's own nesting.
    let nested = 0
    let last = index + 1
    for (let at = index + 2; at < tokens.length; at++) {
      const next = tokens[at]!
      if (next.kind === 'punct') {
        if (next.char === '{' || next.char === '[') nested++
        else if (next.char === '}' || next.char === ']') {
          if (nested === 0) break
          nested--
        } else if (next.char === ',' && nested === 0) break
      }
      last = at
    }
    const start = tokens[index + 2] && last > index + 1 ? tokens[index + 2]!.start : colon.end
    const end = last > index + 1 ? tokens[last]!.end : colon.end
    spans.push({ key: token.value, depth: Math.max(1, depth), start, end })
  }
  return spans
}

/**
 * The text with the value of every field `blank` picks replaced by `"<marker>"`, the rest as it
 * was; `removed` lists the keys whose values went.
 */
export function blankFieldValues(
  text: string,
  blank: (span: FieldValueSpan, value: string) => boolean,
  marker: string,
): { text: string; removed: string[] } {
  let result = ''
  let from = 0
  const removed: string[] = []
  for (const span of fieldValueSpans(text)) {
    // A field inside a value already blanked went with it.
    if (span.start < from || !blank(span, text.slice(span.start, span.end))) continue
    const gap = span.start === span.end ? ' ' : ''
    result += `${text.slice(from, span.start)}${gap}${JSON.stringify(marker)}`
    from = span.end
    removed.push(span.key)
  }
  return { text: result + text.slice(from), removed }
}

const identifierChar = /[\p{L}\p{N}_$\u200C\u200D]/u
const punctuation = new Set(['{', '}', '[', ']', ':', ','])

function tokenize(text: string): Token[] {
  const tokens: Token[] = []
  let index = 0
  while (index < text.length) {
    const char = text[index]!
    const start = index
    if (/\s/.test(char)) {
      index++
    } else if (text.startsWith('//', index)) {
      const end = text.indexOf('\n', index)
      index = end === -1 ? text.length : end
    } else if (text.startsWith('/*', index)) {
      const end = text.indexOf('*/', index + 2)
      index = end === -1 ? text.length : end + 2
    } else if (text.startsWith('{{', index)) {
      // A `{{name}}` placeholder is one value, not two objects.
      const end = text.indexOf('}}', index + 2)
      index = end === -1 ? text.length : end + 2
      tokens.push({ kind: 'other', start, end: index })
    } else if (char === '"' || char === "'") {
      const read = readString(text, index)
      index = read.end
      tokens.push({ kind: 'name', value: read.value, start, end: index })
    } else if (punctuation.has(char)) {
      index++
      tokens.push({ kind: 'punct', char, start, end: index })
    } else if (identifierChar.test(char) || char === '\\') {
      const read = readIdentifier(text, index)
      index = read.end
      tokens.push({ kind: 'name', value: read.value, start, end: index })
    } else {
      index++
      tokens.push({ kind: 'other', start, end: index })
    }
  }
  return tokens
}

const simpleEscapes: Record<string, string> = {
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '0': '\0',
}

/** A quoted string from `start` (its quote), decoded; an unterminated one runs to the end. */
function readString(text: string, start: number): { value: string; end: number } {
  const quote = text[start]
  let value = ''
  let index = start + 1
  while (index < text.length) {
    const char = text[index]!
    if (char === quote) return { value, end: index + 1 }
    if (char === '\\') {
      const escape = readEscape(text, index)
      value += escape.value
      index = escape.end
    } else {
      value += char
      index++
    }
  }
  return { value, end: index }
}

function readIdentifier(text: string, start: number): { value: string; end: number } {
  let value = ''
  let index = start
  while (index < text.length) {
    const char = text[index]!
    if (char === '\\') {
      const escape = readEscape(text, index)
      value += escape.value
      index = escape.end
    } else if (identifierChar.test(char)) {
      value += char
      index++
    } else break
  }
  return { value, end: index }
}

/** The escape at `start` (its backslash): \uXXXX, \u{…}, \xXX, the usual letters, or the char. */
function readEscape(text: string, start: number): { value: string; end: number } {
  const next = text[start + 1] ?? ''
  const hex = (from: number, length: number) => {
    const digits = text.slice(from, from + length)
    return /^[0-9a-fA-F]+$/.test(digits) && digits.length === length
      ? String.fromCodePoint(parseInt(digits, 16))
      : null
  }
  if (next === 'u' && text[start + 2] === '{') {
    const close = text.indexOf('}', start + 3)
    const digits = close === -1 ? '' : text.slice(start + 3, close)
    if (/^[0-9a-fA-F]{1,6}$/.test(digits) && parseInt(digits, 16) <= 0x10ffff) {
      return { value: String.fromCodePoint(parseInt(digits, 16)), end: close + 1 }
    }
  }
  if (next === 'u') {
    const value = hex(start + 2, 4)
    if (value !== null) return { value, end: start + 6 }
  }
  if (next === 'x') {
    const value = hex(start + 2, 2)
    if (value !== null) return { value, end: start + 4 }
  }
  if (next === '\r' && text[start + 2] === '\n') return { value: '', end: start + 3 }
  if (next === '\n' || next === '\u2028' || next === '\u2029') return { value: '', end: start + 2 }
  return { value: simpleEscapes[next] ?? next, end: start + 2 }
}
