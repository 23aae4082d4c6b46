import { expect, it } from 'vitest'
import { retryAfterMs } from './run-sender.ts'

it('reads Retry-After in seconds or as a date, and nothing else', () => {
  const now = Date.parse('2026-12-02T10:00:00Z')
  expect(retryAfterMs({ headers: [['Retry-After', '3']] }, now)).toBe(3000)
  expect(retryAfterMs({ headers: [['retry-after', 'Wed, 02 Dec 2026 10:00:05 GMT']] }, now)).toBe(
    5000,
  )
  expect(retryAfterMs({ headers: [['retry-after', 'soon']] }, now)).toBeNull()
  expect(retryAfterMs({ headers: [] }, now)).toBeNull()
})
