import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import type { Account, AccountsState } from '../../shared/accounts.ts'
import { fail, ok } from '../../shared/result.ts'
import { useAccountsStore } from './accounts.ts'
import { installStandInBridge, type StandInBridge } from './testing/stand-in-bridge.ts'

const origin = 'https://misskey.example'
const account = (id: string, label: string, at = origin): Account =>
  ({
    id,
    origin: at,
    label,
    user: { id: `u-${id}`, username: label },
    source: 'token',
    tokenKind: 'native',
    permissions: null,
    tokenTail: 'x7Qa',
    createdAt: 1,
  }) as unknown as Account
const both: AccountsState = {
  accounts: [account('a1', 'alice'), account('b1', 'bob', 'https://other.example')],
  activeByOrigin: { [origin]: 'a1' },
}

let main: StandInBridge
beforeEach(() => {
  setActivePinia(createPinia())
  main = installStandInBridge()
})

describe('the accounts store', () => {
  it('lists the accounts per server and knows the active one', async () => {
    main.answer('accounts.list', async () => ok(both))
    const accounts = useAccountsStore()
    await accounts.load()
    expect(accounts.forServer(origin).map((item) => item.label)).toEqual(['alice'])
    expect(accounts.active(origin)?.label).toBe('alice')
    expect(accounts.active('https://other.example')).toBeNull()
    expect(accounts.active(null)).toBeNull()
  })

  it('sends a pasted token once, then shows the refused token’s reason and keeps nothing', async () => {
    main.answer('accounts.addWithToken', async () =>
      fail('TOKEN_REFUSED', 'The server refused the token.'),
    )
    const accounts = useAccountsStore()
    expect(await accounts.addWithToken(origin, 'secret-token', 'alice')).toBeNull()
    expect(accounts.error?.message).toBe('The server refused the token.')
    expect(accounts.all).toEqual([])
    expect(main.calls.map((call) => call.method)).toEqual(['accounts.addWithToken'])

    main.answer('accounts.addWithToken', async () => ok(account('a1', 'alice')))
    main.answer('accounts.list', async () => ok(both))
    await accounts.addWithToken(origin, 'secret-token', 'alice')
    expect([accounts.error, accounts.all.length, accounts.busy]).toEqual([null, 2, false])
  })

  it('follows its own sign-in to the end and reloads the accounts', async () => {
    main.answer('accounts.startMiAuth', async () =>
      ok({ flowId: 'f1', url: `${origin}/miauth/s1` }),
    )
    main.answer('accounts.list', async () => ok(both))
    const accounts = useAccountsStore()
    await accounts.startMiAuth(origin, ['read:account'])
    expect(main.argsOf('accounts.startMiAuth')).toEqual([
      [{ origin, permissions: ['read:account'] }],
    ])
    expect(accounts.signIn).toMatchObject({ flowId: 'f1', kind: 'miauth', status: 'waiting' })

    // Another flow's progress is not ours.
    main.emit('accounts.onSignInProgress', { flowId: 'f0', status: 'cancelled' })
    expect(accounts.signIn?.status).toBe('waiting')

    main.emit('accounts.onSignInProgress', {
      flowId: 'f1',
      status: 'completed',
      account: account('a1', 'alice'),
    })
    expect(accounts.signIn?.status).toBe('completed')
    await expect.poll(() => accounts.all.length).toBe(2)
  })

  it('says why a sign-in failed, and cancels only a waiting one', async () => {
    main.answer('accounts.startOAuth', async () => ok({ flowId: 'f2', url: `${origin}/oauth` }))
    main.answer('accounts.cancelSignIn', async () => ok(true))
    const accounts = useAccountsStore()
    await accounts.startOAuth(origin, 'https://app.example/', 'http://127.0.0.1:1/cb', [
      'read:account',
    ])
    await accounts.cancelSignIn()
    expect(main.argsOf('accounts.cancelSignIn')).toEqual([['f2']])
    main.emit('accounts.onSignInProgress', {
      flowId: 'f2',
      status: 'failed',
      message: 'The server said no.',
      code: 'DENIED',
    })
    expect(accounts.signIn).toMatchObject({ status: 'failed', message: 'The server said no.' })
    await accounts.cancelSignIn()
    expect(main.argsOf('accounts.cancelSignIn')).toHaveLength(1)
  })

  it('asks a server about OAuth once', async () => {
    main.answer('accounts.getOAuthSupport', async () => fail('SERVER_UNREACHABLE', 'Unreachable.'))
    const accounts = useAccountsStore()
    await accounts.checkOAuth(origin)
    await accounts.checkOAuth(origin)
    expect(accounts.oauthSupport[origin]).toBe('unknown')
    expect(main.argsOf('accounts.getOAuthSupport')).toHaveLength(1)
  })
})
