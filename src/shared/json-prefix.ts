/**
 * Indents JSON text without parsing it. Compact input (as Misskey sends it) comes out as
 * JSON.stringify(value, null, 2) would print it; the text is the server's own (its escapes, its
 * numbers' digits), only laid out. Two uses: the start of a huge body, readable at once, cut
 * anywhere (even inside a string) and never building the whole value; and a whole answer a
 * stretch at a time, so no single task of the page indents a megabyte.
 */
export function indentJsonPrefix(
  text: string,
  maxOutputChars: number,
): { text: string; complete: boolean } {
  const state = startState()
  const out = indentStretch(text, state, text.length, maxOutputChars)
  return { text: out, complete: state.index >= text.length }
}

/**
 * The indented text in pieces, each from about `inputChars` of the input (a string longer than
 * that is split too): joined, they are the whole text indented. Each piece is computed when it is
 * asked for.
 */
export function* indentedJsonPieces(text: string, inputChars: number): Generator<string, void> {
  const state = startState()
  while (state.index < text.length) {
    yield indentStretch(text, state, Math.min(text.length, state.index + inputChars), Infinity)
  }
}

/** Where an indenter is in its text: the next character, the nesting, inside a string or not. */
interface IndentState {
  index: number
  depth: number
  inString: boolean
  /** Inside a string, right after a backslash. */
  escaped: boolean
}

function startState(): IndentState {
  return { index: 0, depth: 0, inString: false, escaped: false }
}

const QUOTE = 0x22
const BACKSLASH = 0x5c

/**
 * Indents `text` from `state.index` up to `end`, or until the output reaches `maxOutputChars`
 * (a structural character may take it a little past), and moves `state` on. Runs of string,
 * number or literal characters are copied as slices, not a character at a time.
 */
function indentStretch(
  text: string,
  state: IndentState,
  end: number,
  maxOutputChars: number,
): string {
  const parts: string[] = []
  let length = 0
  let { index, depth, inString, escaped } = state
  const push = (part: string) => {
    parts.push(part)
    length += part.length
  }
  while (index < end && length < maxOutputChars) {
    if (inString) {
      const limit = Math.min(end, index + (maxOutputChars - length))
      let cursor = index
      while (cursor < limit) {
        const code = text.charCodeAt(cursor++)
        if (escaped) escaped = false
        else if (code === BACKSLASH) escaped = true
        else if (code === QUOTE) {
          inString = false
          break
        }
      }
      push(text.slice(index, cursor))
      index = cursor
      continue
    }
    const char = text[index] as string
    if (char === '"') {
      inString = true
      push(char)
      index++
    } else if (char === '{' || char === '[') {
      const closing = char === '{' ? '}' : ']'
      // Keep empty objects and arrays on one line, as JSON.stringify does.
      const next = nextSignificant(text, index + 1)
      if (next !== -1 && text[next] === closing) {
        push(char + closing)
        index = next + 1
      } else {
        depth++
        push(char + newline(depth))
        index++
      }
    } else if (char === '}' || char === ']') {
      depth = Math.max(0, depth - 1)
      push(newline(depth) + char)
      index++
    } else if (char === ',') {
      push(',' + newline(depth))
      index++
    } else if (char === ':') {
      push(': ')
      index++
    } else if (isSpace(char)) {
      index++
    } else {
      // A number or a literal (true, false, null): up to the next structural character or space.
      const limit = Math.min(end, index + (maxOutputChars - length))
      let cursor = index + 1
      while (cursor < limit && !isBoundary(text[cursor] as string)) cursor++
      push(text.slice(index, cursor))
      index = cursor
    }
  }
  Object.assign(state, { index, depth, inString, escaped })
  return parts.join('')
}

/** A line break and the indentation of `depth`, made once per depth. */
const newlines: string[] = []
function newline(depth: number): string {
  return (newlines[depth] ??= '\n' + '  '.repeat(depth))
}

function isSpace(char: string): boolean {
  return char === ' ' || char === '\n' || char === '\r' || char === '\t'
}

function isBoundary(char: string): boolean {
  return '{}[],:"'.includes(char) || isSpace(char)
}

function nextSignificant(text: string, from: number): number {
  for (let index = from; index < text.length; index++) {
    if (!isSpace(text[index] as string)) return index
  }
  return -1
}
