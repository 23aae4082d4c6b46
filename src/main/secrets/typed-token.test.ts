import { describe, expect, it } from 'vitest'
import { parseBodyText } from '../../shared/body-text.ts'
import { removedMarker, removeTypedToken } from './typed-token.ts'

const token = 's3cr3t-T0KEN'

describe('removeTypedToken', () => {
  it('drops a top-level i from a JSON body and keeps the rest', () => {
    const { text, removed } = removeTypedToken(`{"i":"${token}","limit":5}`)
    expect(removed).toBe(true)
    expect(JSON.parse(text)).toEqual({ limit: 5 })
  })

  // Every body the sender would send with a token in it, however it is spelt.
  const spellings: Record<string, string> = {
    'JSON5 unquoted key, single quotes': `{i: '${token}', limit: 5}`,
    'JSON5 comments and a trailing comma': `{\n  // mine\n  "i": "${token}", /* x */\n  "limit": 5,\n}`,
    'an escaped key': `{"\\u0069": "${token}", "limit": 5}`,
    'an escaped unquoted key (JSON5)': `{\\u0069: "${token}", limit: 5}`,
    'an escaped value': `{"i": "${[...token].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')}", "limit": 5}`,
    'a duplicated key, token last': `{"i": "decoy", "limit": 5, "i": "${token}"}`,
    'a duplicated key, token first': `{"i": "${token}", "limit": 5, "i": "decoy"}`,
    'a duplicated key, null last': `{"i": "${token}", "limit": 5, "i": null}`,
    'a duplicated key, escaped second': `{"i": "${token}", "\\u0069": 1, "limit": 5}`,
  }
  for (const [what, body] of Object.entries(spellings)) {
    it(`drops the token written with ${what}`, () => {
      const sent = parseBodyText(body)
      expect(sent.ok && Object.hasOwn(sent.value.value, 'i')).toBe(true)
      const { text, removed } = removeTypedToken(body)
      expect(removed).toBe(true)
      expect(text).not.toContain(token)
      expect(text).not.toContain('decoy')
      expect(JSON.parse(text)).toEqual({ limit: 5 })
    })
  }

  it('blanks an i in text that does not parse, keeping its shape', () => {
    const body = `{ "i": "${token}", limit: 5, // comment\n`
    expect(removeTypedToken(body)).toEqual({
      text: `{ "i": "${removedMarker}", limit: 5, // comment\n`,
      removed: true,
    })
  })

  it('blanks every spelling of i in text that does not parse', () => {
    const bodies = [
      `{i: '${token}', "noteId": {{noteId}}}`,
      `{"\\u0069": "${token}", "noteId": {{noteId}}}`,
      `{\\u0069: ${token}, "noteId": {{noteId}}}`,
      `{"i": "${token}`,
      `{"i": {"nested": "${token}"}, "noteId": {{noteId}}}`,
      `{"limit": {{limit}}, "i": [1, "${token}"], "i": '${token}'}`,
    ]
    for (const body of bodies) {
      const { text, removed } = removeTypedToken(body)
      expect(removed, body).toBe(true)
      expect(text, body).not.toContain(token)
      expect(text, body).toContain(removedMarker)
    }
    expect(removeTypedToken(`{"i": "${token}", "noteId": {{noteId}}}`).text).toBe(
      `{"i": "${removedMarker}", "noteId": {{noteId}}}`,
    )
  })

  it('keeps a {{variable}} placeholder as the i value: it names a variable, not a token', () => {
    expect(removeTypedToken('{"i": "{{token}}", "limit": 5}')).toEqual({
      text: '{\n  "i": "{{token}}",\n  "limit": 5\n}',
      removed: false,
    })
    const broken = '{"i": "{{token}}", "noteId": {{noteId}}}'
    expect(removeTypedToken(broken)).toEqual({ text: broken, removed: false })
    // A decoy placeholder does not keep a duplicated token.
    const both = `{"i": "${token}", "i": "{{token}}"}`
    expect(removeTypedToken(both).text).not.toContain(token)
  })

  it('leaves bodies without a top-level i exactly as typed', () => {
    for (const body of [
      '{ "limit": 5 }',
      '{"user": {"i": "nested"}}',
      '[1]',
      'not json',
      '{ limit: 5, // five\n}',
      '',
    ]) {
      expect(removeTypedToken(body)).toEqual({ text: body, removed: false })
    }
  })
})
