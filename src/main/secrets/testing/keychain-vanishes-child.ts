// Child process for keychain-vanishes.test.ts: an app session whose Secret Service disappears
// half-way. It signs in, waits for the parent to stop the keychain, then sends with the account.
// Only erasable TypeScript: Node runs this file directly.
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { startFakeMisskey } from '../../../../test-kit/fake-misskey/server.ts'
import { createAccountService } from '../../accounts/account-service.ts'
import { createAccountStore } from '../../accounts/account-store.ts'
import { createRequestSender } from '../../requests/request-sender.ts'
import { createKeytarSecretStore } from '../keytar-secret-store.ts'

const say = (line: object) => process.stdout.write(`${JSON.stringify(line)}\n`)
const fake = await startFakeMisskey()
const folder = await mkdtemp(join(tmpdir(), 'keychain-vanishes-'))
const accounts = createAccountService({
  fetch,
  secrets: createKeytarSecretStore(`misskey-api-explorer-vanish-${process.pid}`),
  store: createAccountStore(join(folder, 'accounts.json'), () => undefined),
  now: Date.now,
})
const sender = createRequestSender({
  fetch,
  tokenFor: (accountId, origin) => accounts.tokenFor(accountId, origin),
  monotonicNow: () => performance.now(),
  emitProgress: () => undefined,
})
const added = await accounts.addWithToken(fake.origin, fake.users.alice.token, 'alice')
say({ step: 'added', ok: added.ok, folder, token: fake.users.alice.token })
if (!added.ok) process.exit(1)

const lines = createInterface({ input: process.stdin })
for await (const line of lines) {
  if (line !== 'send') continue
  const send = (mode: 'header' | 'none') =>
    sender.send({
      requestId: `after-${mode}`,
      origin: fake.origin,
      endpoint: mode === 'none' ? 'meta' : 'i',
      body: '{}',
      auth: { mode, accountId: mode === 'none' ? null : added.value.id },
    })
  const withToken = await send('header')
  const anonymous = await send('none')
  say({
    step: 'sent',
    withToken: withToken.ok ? { status: withToken.value.status } : withToken.error,
    anonymous: anonymous.ok ? { status: anonymous.value.status } : anonymous.error,
  })
  break
}
await fake.close()
process.exit(0)
