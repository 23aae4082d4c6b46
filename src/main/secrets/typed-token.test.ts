import { describe, expect, it } from 'vitest'
import { removedMarker, removeTypedToken } from './typed-token.ts'

describe('removeTypedToken', () => {
  it('drops a top-level i from a JSON body and keeps the rest', () => {
    const { text, removed } = removeTypedToken('{"i":"s3cr3t","limit":5}')
    expect(removed).toBe(true)
    expect(JSON.parse(text)).toEqual({ limit: 5 })
  })

  it('blanks an i in text that is not JSON, keeping its shape', () => {
    const body = '{ "i": "s3cr3t", limit: 5, // comment\n}'
    expect(removeTypedToken(body)).toEqual({
      text: `{ "i": "${removedMarker}", limit: 5, // comment\n}`,
      removed: true,
    })
  })

  it('leaves bodies without a top-level i exactly as typed', () => {
    for (const body of ['{ "limit": 5 }', '{"user": {"i": "nested"}}', '[1]', 'not json']) {
      expect(removeTypedToken(body)).toEqual({ text: body, removed: false })
    }
  })
})
