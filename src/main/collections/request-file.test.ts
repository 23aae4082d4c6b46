import { describe, expect, it } from 'vitest'
import { parseRequest, serializeRequest } from './request-file.ts'
import { draft } from './testing/collection-fixtures.ts'

describe('expectations in a request file', () => {
  it('leaves a request without expectations exactly as before (no new key)', () => {
    const text = serializeRequest(draft())
    expect(text).not.toContain('expectations')
    expect(serializeRequest(draft({ expectations: { json: [] } }))).toBe(text)
    const parsed = parseRequest(text)
    expect(parsed.ok && 'expectations' in parsed.draft).toBe(false)
  })

  it('writes them last, keys in a fixed order whatever order they came in, and reads them back', () => {
    const text = serializeRequest(
      draft({
        expectations: {
          json: [
            { equals: { a: 1 }, path: 'createdNote.poll' } as never,
            { path: 'createdNote.id', exists: true },
            { matches: '^hel', path: 'createdNote.text' } as never,
          ],
          durationUnderMs: 500,
          errorCode: 'NO_SUCH_NOTE',
          status: 400,
        },
      }),
    )
    expect(text.slice(text.indexOf('"captures"'))).toBe(`"captures": [],
  "expectations": {
    "status": 400,
    "errorCode": "NO_SUCH_NOTE",
    "durationUnderMs": 500,
    "json": [
      {
        "path": "createdNote.poll",
        "equals": {
          "a": 1
        }
      },
      {
        "path": "createdNote.id",
        "exists": true
      },
      {
        "path": "createdNote.text",
        "matches": "^hel"
      }
    ]
  }
}
`)
    const parsed = parseRequest(text)
    expect(parsed.ok && parsed.draft.expectations).toEqual({
      status: 400,
      errorCode: 'NO_SUCH_NOTE',
      durationUnderMs: 500,
      json: [
        { path: 'createdNote.poll', equals: { a: 1 } },
        { path: 'createdNote.id', exists: true },
        { path: 'createdNote.text', matches: '^hel' },
      ],
    })
  })

  it('lists a file whose expectations make no sense as unreadable, saying where', () => {
    const text = serializeRequest(draft()).replace(
      '"captures": []',
      '"captures": [], "expectations": {"status": "ok"}',
    )
    const parsed = parseRequest(text)
    expect(parsed.ok).toBe(false)
    expect(!parsed.ok && parsed.error).toContain('expectations.status')
  })
})
