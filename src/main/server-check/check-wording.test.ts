import { expect, it } from 'vitest'
import type { ResponseRecord } from '../../shared/requests.ts'
import { describeResponse } from './check-wording.ts'

const answer = (body: ResponseRecord['body']) =>
  ({ status: 200, statusText: 'OK', body, problem: null }) as ResponseRecord

it('passes a 200 with JSON, worded from its value', () => {
  const outcome = describeResponse(
    'meta',
    answer({ kind: 'json', text: '{"version":"2025.5.0"}' }),
    (json) => `Misskey ${(json as { version: string }).version}`,
  )
  expect(outcome).toEqual({ outcome: 'pass', detail: 'POST /api/meta: Misskey 2025.5.0' })
})

it('fails, without throwing, a 200 labelled JSON that does not parse', () => {
  // Main hands a 2xx JSON answer over unparsed: the check is where it parses.
  const outcome = describeResponse('meta', answer({ kind: 'json', text: '{"version":' }), () => '')
  expect(outcome).toEqual({
    outcome: 'fail',
    detail: 'POST /api/meta answered 200 OK but the body is not JSON (invalid)',
  })
})
