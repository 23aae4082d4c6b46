import { describe, expect, it } from 'vitest'
import { readSharedJson } from '../../test-kit/support/shared-fixtures.ts'
import { secretFieldRules, secretFieldsFor } from './secret-fields.ts'

it('gives each endpoint the generic fields and its own', () => {
  const register = secretFieldsFor('i/2fa/register', 'response')
  expect([...register.topLevel].sort()).toEqual(['qr', 'url'])
  expect(register.anywhere.has('secret')).toBe(true)
  expect(secretFieldsFor('notes/create', 'response').topLevel.size).toBe(0)
  expect(secretFieldsFor('admin/reset-password', 'response').topLevel.has('password')).toBe(true)
  expect(secretFieldsFor('i/change-password', 'request').topLevel).toEqual(
    new Set([
      'password',
      'currentPassword',
      'newPassword',
      'setupPassword',
      'token',
      'code',
      'appSecret',
      'secret',
    ]),
  )
})

const realSpec = readSharedJson('api.json')

// The list names real endpoints and fields: a rename in Misskey shows up here, not as a leak.
describe.skipIf(!realSpec)('the secret fields of a real Misskey 2025.5.0 api.json', () => {
  type Operation = {
    requestBody?: { content?: Record<string, { schema?: { properties?: object } }> }
    responses?: Record<string, { content?: Record<string, { schema?: { properties?: object } }> }>
  }
  const spec = (realSpec as { paths: Record<string, { post?: Operation }> } | null) ?? {
    paths: {},
  }
  const fieldsOf = (endpoint: string, side: 'request' | 'response') => {
    const operation = spec.paths[`/${endpoint}`]?.post
    const content =
      side === 'request' ? operation?.requestBody?.content : operation?.responses?.['200']?.content
    return Object.keys(content?.['application/json']?.schema?.properties ?? {})
  }

  for (const rule of secretFieldRules.filter((rule) => rule.endpoints !== '*')) {
    for (const endpoint of rule.endpoints as string[]) {
      it(`${endpoint} ${rule.side} has ${rule.fields.join(', ')}`, () => {
        expect(fieldsOf(endpoint, rule.side)).toEqual(expect.arrayContaining([...rule.fields]))
      })
    }
  }

  it('covers every password, token and secret field a request or answer declares', () => {
    const uncovered: string[] = []
    for (const path of Object.keys(spec.paths)) {
      const endpoint = path.slice(1)
      for (const side of ['request', 'response'] as const) {
        const covered = secretFieldsFor(endpoint, side)
        for (const field of fieldsOf(endpoint, side)) {
          const looksSecret =
            /password|token|secret|^code$|backupCodes|privateKey|authKey|smtpPass|accessKey/i
          // An id names a token (i/revoke-token's tokenId); it is not one.
          if (!looksSecret.test(field) || /Id$/.test(field)) continue
          if (!covered.topLevel.has(field) && !covered.anywhere.has(field)) {
            uncovered.push(`${endpoint} ${side} ${field}`)
          }
        }
      }
    }
    expect(uncovered).toEqual([])
  })
})
