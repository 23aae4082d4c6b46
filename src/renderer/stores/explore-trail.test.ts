import { describe, expect, it } from 'vitest'
import { stepDetail } from './explore-trail.ts'

describe('the breadcrumb’s reminder of a step', () => {
  it('shows the id or name the step asked for', () => {
    expect(stepDetail('users/show', '{"userId":"9x2kq0","detail":true}')).toBe('9x2kq0')
    expect(stepDetail('users/show', '{"username":"alice","host":null}')).toBe('alice')
    expect(stepDetail('notes/search', '{"limit":10,"query":"misskey"}')).toBe('misskey')
  })

  it('never shows a secret typed into the body', () => {
    expect(
      stepDetail('i/change-password', '{"currentPassword":"hunter2","newPassword":"n3w"}'),
    ).toBe('')
    expect(stepDetail('i/2fa/done', '{"token":"123456"}')).toBe('')
    expect(stepDetail('notes/create', '{"i":"tok","password":"pw","text":"hello"}')).toBe('hello')
  })

  it('shows nothing for a body that is not a JSON object', () => {
    expect(stepDetail('meta', '')).toBe('')
    expect(stepDetail('meta', 'null')).toBe('')
    expect(stepDetail('meta', '{"limit": 10,')).toBe('')
  })
})
