import { describe, expect, it } from 'vitest'
import { parseBodyText } from './body-text.ts'

describe('parseBodyText', () => {
  it('reads strict JSON as is, without calling it converted', () => {
    const result = parseBodyText('{\n  "text": "hello",\n  "limit": 5\n}')
    expect(result).toEqual({
      ok: true,
      value: {
        value: { text: 'hello', limit: 5 },
        json: '{"text":"hello","limit":5}',
        convertedFromJson5: false,
        invalidTokenType: null,
      },
    })
  })

  it('treats an empty or blank text as {}', () => {
    for (const text of ['', '  \n\t ']) {
      expect(parseBodyText(text)).toMatchObject({
        ok: true,
        value: { value: {}, json: '{}', convertedFromJson5: false },
      })
    }
  })

  it('accepts JSON5 (comments, trailing commas, unquoted keys, single quotes) and says so', () => {
    const text = [
      '{',
      '  // the note',
      "  text: 'it\\'s \"quoted\"',",
      '  /* block */ visibility: "home",',
      '  fileIds: [',
      "    'a',",
      '  ],',
      '}',
    ].join('\n')
    const result = parseBodyText(text)
    expect(result).toEqual({
      ok: true,
      value: {
        value: { text: 'it\'s "quoted"', visibility: 'home', fileIds: ['a'] },
        json: '{"text":"it\'s \\"quoted\\"","visibility":"home","fileIds":["a"]}',
        convertedFromJson5: true,
        invalidTokenType: null,
      },
    })
    if (result.ok) expect(JSON.parse(result.value.json)).toEqual(result.value.value)
  })

  it('converts JSON5-only numbers (hex, leading +, leading dot) to plain JSON numbers', () => {
    const result = parseBodyText('{a: 0x10, b: +1, c: .5}')
    expect(result).toMatchObject({ ok: true, value: { json: '{"a":16,"b":1,"c":0.5}' } })
  })

  it('gives the line and column (1-based) of a syntax error and a short reason', () => {
    const result = parseBodyText('{\n  "text": "hi"\n  "limit": 5\n}')
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'BODY_NOT_JSON',
        message: `The body is not valid JSON (line 3, column 3): unexpected '"'.`,
        detail: { reason: `unexpected '"'`, line: 3, column: 3 },
      },
    })
  })

  it('says a truncated body ends too early, at the end position', () => {
    const result = parseBodyText('{"text": "hi",')
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'BODY_NOT_JSON',
        detail: { reason: 'the text ends too early', line: 1, column: 15 },
      },
    })
  })

  it('reports an error at the position JSON5 finds, past comments JSON would stop at', () => {
    const result = parseBodyText('{\n  // fine\n  a: 1,\n  b: ?\n}')
    expect(result).toMatchObject({
      ok: false,
      error: { detail: { reason: "unexpected '?'", line: 4, column: 6 } },
    })
  })

  it('shows a quote in the reason unescaped', () => {
    const result = parseBodyText("{a: 1 'b': 2}")
    expect(result).toMatchObject({ ok: false, error: { detail: { reason: `unexpected "'"` } } })
  })

  it('refuses values that JSON would silently send as null', () => {
    for (const text of ['{"a": Infinity}', '{a: [NaN]}', '{"big": 1e400}']) {
      const result = parseBodyText(text)
      expect(result, text).toMatchObject({
        ok: false,
        error: { code: 'BODY_NOT_JSON', detail: { line: null, column: null } },
      })
    }
  })

  it('requires an object, and says what it found instead', () => {
    for (const [text, found] of [
      ['[1, 2]', 'an array'],
      ['null', 'null'],
      ['"text"', 'a string'],
      ['42', 'a number'],
      ["['json5', 'array',]", 'an array'],
    ] as const) {
      const result = parseBodyText(text)
      expect(result, text).toEqual({
        ok: false,
        error: {
          code: 'BODY_NOT_OBJECT',
          message: `Misskey expects a JSON object as the body, not ${found}.`,
          detail: { found },
        },
      })
    }
  })

  it('flags an `i` that is not a string, which a real Misskey never answers', () => {
    const cases: Array<[string, string | null]> = [
      ['{"i": 123}', 'number'],
      ['{"i": true}', 'boolean'],
      ['{"i": {"token": "x"}}', 'object'],
      ['{"i": ["x"]}', 'array'],
      ['{i: 0x1}', 'number'],
      ['{"i": "tOnit59tawa8KZEm"}', null],
      ['{"i": null}', null],
      ['{"text": "no token"}', null],
    ]
    for (const [text, found] of cases) {
      const result = parseBodyText(text)
      expect(result.ok && result.value.invalidTokenType, text).toBe(found)
    }
  })

  it('keeps a __proto__ key as data, never as the prototype', () => {
    for (const text of ['{"__proto__": {"polluted": true}}', '{__proto__: {polluted: true}}']) {
      const result = parseBodyText(text)
      expect(result.ok, text).toBe(true)
      if (!result.ok) continue
      expect(Object.getPrototypeOf(result.value.value)).toBe(Object.prototype)
      expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    }
  })
})
