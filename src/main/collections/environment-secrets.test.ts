import { expect, it } from 'vitest'
import { findSecretVariables } from './environment-secrets.ts'

const stored = 'StoredAccountToken0001'
const isStoredToken = async (value: string) => value === stored

it('finds a saved account’s token whatever the variable is called', async () => {
  expect(await findSecretVariables({ host: '127.0.0.1', whatever: stored }, isStoredToken)).toEqual(
    ['whatever'],
  )
})

it('finds variables named like credentials, and only those with a value', async () => {
  const variables = {
    i: 'abc',
    token: 'abc',
    adminToken: 'abc',
    api_key: 'abc',
    webhookSecret: 'abc',
    adminPassword: 'abc',
    emptyToken: '',
    refToken: '{{token}}',
    noteId: '9abc',
    limit: '5',
    tokenCount: '3',
  }
  expect(await findSecretVariables(variables, isStoredToken)).toEqual([
    'adminPassword',
    'adminToken',
    'api_key',
    'i',
    'token',
    'webhookSecret',
  ])
})
