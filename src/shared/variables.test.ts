import { describe, expect, it } from 'vitest'
import { captureValue, substituteVariables } from './variables.ts'

describe('substituteVariables', () => {
  it('fills in known names, inside strings escaped, outside as is', () => {
    const result = substituteVariables('{ "text": "hi {{ who }}", "limit": {{limit}} }', {
      who: 'a "quoted" name\n',
      limit: '10',
    })
    expect(result).toEqual({
      text: '{ "text": "hi a \\"quoted\\" name\\n", "limit": 10 }',
      unknown: [],
    })
    expect(JSON.parse(result.text)).toEqual({ text: 'hi a "quoted" name\n', limit: 10 })
  })

  it('leaves unknown names visible and reports each once', () => {
    expect(substituteVariables('{"a":"{{x}}","b":"{{x}}","c":"{{y}}"}', {})).toEqual({
      text: '{"a":"{{x}}","b":"{{x}}","c":"{{y}}"}',
      unknown: ['x', 'y'],
    })
  })

  it('is not fooled by escaped quotes or names of Object.prototype', () => {
    const result = substituteVariables('{"a":"say \\"{{v}}\\"", "b": "{{toString}}"}', { v: '"' })
    expect(result.text).toBe('{"a":"say \\"\\"\\"", "b": "{{toString}}"}')
    expect(result.unknown).toEqual(['toString'])
  })

  it('leaves text without placeholders alone', () => {
    expect(substituteVariables('{ "text": "{ not {a} var }" }', { a: 'x' }).text).toBe(
      '{ "text": "{ not {a} var }" }',
    )
  })
})

describe('captureValue', () => {
  const response = {
    createdNote: { id: '9abc', user: { username: 'alice' } },
    notes: [{ id: 'n1' }, { id: 'n2', count: 3 }],
    emojis: { 'blob-cat': 'url', 'with.dot': 'dotted' },
  }

  it('follows dots, indexes and quoted keys', () => {
    expect(captureValue(response, 'createdNote.id')).toEqual({ found: true, value: '9abc' })
    expect(captureValue(response, 'notes[1].id')).toEqual({ found: true, value: 'n2' })
    expect(captureValue(response, 'notes[1].count')).toEqual({ found: true, value: '3' })
    expect(captureValue(response, 'emojis.blob-cat')).toEqual({ found: true, value: 'url' })
    expect(captureValue(response, 'emojis["with.dot"]')).toEqual({ found: true, value: 'dotted' })
    expect(captureValue(response, 'createdNote.user')).toEqual({
      found: true,
      value: '{"username":"alice"}',
    })
    expect(captureValue([{ id: 'top' }], '[0].id')).toEqual({ found: true, value: 'top' })
  })

  it('says what is missing', () => {
    expect(captureValue(response, 'notes[5].id')).toEqual({
      found: false,
      reason: 'notes[5] is not in the response',
    })
    expect(captureValue(response, 'createdNote.nope')).toEqual({
      found: false,
      reason: 'createdNote.nope is not in the response',
    })
    expect(captureValue(response, 'createdNote.id.length')).toMatchObject({ found: false })
    expect(captureValue(response, 'constructor')).toMatchObject({ found: false })
  })

  it('refuses what is not a path', () => {
    for (const path of ['', '.a', 'a..b', 'a[x]', 'a[0', 'a b']) {
      expect(captureValue(response, path)).toMatchObject({
        found: false,
        reason: expect.stringContaining('not a path'),
      })
    }
  })
})
