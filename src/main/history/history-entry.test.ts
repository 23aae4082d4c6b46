import { expect, it } from 'vitest'
import { buildEntry, toSummary, truncateUtf8 } from './history-entry.ts'
import { sampleInput } from './testing/history-fixtures.ts'

const limits = { maxBodyBytes: 2 * 1024 * 1024, indexedRequestChars: 4096 }

it('cuts UTF-8 text at a byte count without splitting a character', () => {
  expect(truncateUtf8('abc', 3)).toEqual({ text: 'abc', truncated: false })
  expect(truncateUtf8('aé', 2)).toEqual({ text: 'a', truncated: true })
  expect(truncateUtf8('🎉🎉', 5)).toEqual({ text: '🎉', truncated: true })
})

it('keeps only the start of a long request body in memory, all of it in the body file', () => {
  const body = JSON.stringify({ text: 'x'.repeat(10_000) })
  const { stored, bodyText } = buildEntry(
    sampleInput({ requestBody: body }),
    { id: 'id', seq: 1 },
    limits,
  )
  expect(stored.request).toHaveLength(4096)
  expect(JSON.parse(bodyText).requestBody).toBe(body)
  expect(stored.bodyBytes).toBe(Buffer.byteLength(bodyText))
  expect(toSummary(stored).requestPreview).toHaveLength(200)
})

it('has no field that could carry a token', () => {
  const { stored } = buildEntry(sampleInput(), { id: 'id', seq: 1 }, limits)
  expect(Object.keys(stored).sort()).toEqual(
    [
      'account',
      'auth',
      'bodyBytes',
      'durationMs',
      'endpoint',
      'failureCode',
      'failureMessage',
      'id',
      'origin',
      'pinned',
      'problemCode',
      'problemMessage',
      'request',
      'sentAt',
      'seq',
      'sizeBytes',
      'status',
    ].sort(),
  )
})

it('reads the error code of a Fastify error as well as a Misskey one', () => {
  const outcome = sampleInput().outcome
  if (outcome.kind !== 'response') throw new Error('fixture')
  const fastify = buildEntry(
    sampleInput({
      outcome: {
        ...outcome,
        status: 415,
        problem: {
          kind: 'fastify',
          statusCode: 415,
          error: 'Unsupported Media Type',
          message: 'bad',
          code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE',
        },
      },
    }),
    { id: 'id', seq: 1 },
    limits,
  )
  expect(fastify.stored).toMatchObject({
    problemCode: 'FST_ERR_CTP_INVALID_MEDIA_TYPE',
    problemMessage: 'bad',
  })
})

it('takes tokens a response issued out of what is recorded, at any depth', () => {
  const outcome = sampleInput().outcome
  if (outcome.kind !== 'response') throw new Error('fixture')
  const text = JSON.stringify(
    { ok: true, token: 'fresh-token', user: { id: 'u1', apps: [{ secret: 'app-secret' }] } },
    null,
    2,
  )
  const { bodyText } = buildEntry(
    sampleInput({
      endpoint: 'miauth/abc/check',
      outcome: { ...outcome, body: { kind: 'json', text } },
    }),
    { id: 'id', seq: 1 },
    limits,
  )
  expect(bodyText).not.toContain('fresh-token')
  expect(bodyText).not.toContain('app-secret')
  const stored = JSON.parse(bodyText) as { response: { body: { text: string } } }
  expect(JSON.parse(stored.response.body.text)).toEqual({
    ok: true,
    token: '(removed)',
    user: { id: 'u1', apps: [{ secret: '(removed)' }] },
  })
})
