import { describe, expect, it } from 'vitest'
import { Code, jsLiteral, jsString, shellWord } from './code-literals.ts'

const evaluate = (source: string): unknown => new Function(`return ${source}`)()

describe('jsString', () => {
  it('writes literals that evaluate back to the same text', () => {
    for (const text of [
      '',
      "'",
      '"',
      '\\',
      `\\'`,
      `\\"`,
      `'"'`,
      '\n\t\u0000',
      '\u2028',
      '${x}',
      '😀',
    ]) {
      expect(evaluate(jsString(text)), JSON.stringify(text)).toBe(text)
    }
  })

  it('prefers single quotes, and double quotes when they need fewer escapes', () => {
    expect(jsString('plain')).toBe(`'plain'`)
    expect(jsString(`it's`)).toBe(`"it's"`)
    expect(jsString(`say "hi"`)).toBe(`'say "hi"'`)
  })
})

describe('jsLiteral', () => {
  it('evaluates back to the same value, with __proto__ as an own key', () => {
    const value = JSON.parse('{"__proto__":{"x":1},"a-b":[1,{"c":null}],"d":[],"e":{},"f":1.5}')
    const back = evaluate(jsLiteral(value)) as object
    expect(back).toEqual(value)
    expect(Object.getPrototypeOf(back)).toBe(Object.prototype)
  })

  it('keeps short lists of plain values on one line and inserts Code as written', () => {
    expect(jsLiteral({ ids: ['a', 'b'], token: new Code('process.env.T') })).toBe(
      "{\n  ids: ['a', 'b'],\n  token: process.env.T,\n}",
    )
    const long = Array.from({ length: 20 }, (_, index) => `item${index}`)
    expect(jsLiteral(long).split('\n')).toHaveLength(22)
  })
})

describe('shellWord', () => {
  it("single-quotes everything, writing ' as '\\''", () => {
    expect(shellWord('a b')).toBe(`'a b'`)
    expect(shellWord(`it's`)).toBe(`'it'\\''s'`)
    expect(shellWord('')).toBe(`''`)
  })
})
