import { describe, expect, it } from 'vitest'
import { authWarnings } from './auth-warnings.ts'

const account = (
  permissions: string[] | null,
  tokenKind: 'native' | 'app' | 'unknown' = 'app',
) => ({
  label: '@alice (narrow)',
  permissions,
  tokenKind,
})
const notesCreate = { credentialRequired: true, permission: 'write:notes' }
const meta = { credentialRequired: false, permission: null }

describe('authWarnings', () => {
  it('warns that a credential-only endpoint will be refused without a token', () => {
    expect(authWarnings(notesCreate, 'none', account(null), {})).toEqual([
      { code: 'CREDENTIAL_NEEDED' },
    ])
    expect(authWarnings(notesCreate, 'header', null, {})).toEqual([{ code: 'CREDENTIAL_NEEDED' }])
    expect(authWarnings(meta, 'none', null, {})).toEqual([])
  })

  it('names a permission the grant lacks, only when the grant is known', () => {
    expect(authWarnings(notesCreate, 'header', account(['read:account']), {})).toEqual([
      { code: 'PERMISSION_NOT_GRANTED', permission: 'write:notes', account: '@alice (narrow)' },
    ])
    expect(authWarnings(notesCreate, 'body', account(['write:notes']), {})).toEqual([])
    expect(authWarnings(notesCreate, 'body', account(null), {})).toEqual([])
    // A login token has every permission.
    expect(authWarnings(notesCreate, 'body', account([], 'native'), {})).toEqual([])
  })

  it('says what becomes of an `i` the user typed', () => {
    const body = { i: 'typed' }
    expect(authWarnings(meta, 'body', account(null), body)).toEqual([{ code: 'BODY_I_REPLACED' }])
    expect(authWarnings(meta, 'header', account(null), body)).toEqual([{ code: 'BODY_I_IGNORED' }])
    expect(authWarnings(meta, 'none', account(null), body)).toEqual([{ code: 'BODY_I_SENT' }])
  })
})
