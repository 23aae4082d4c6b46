// Child process for keychain-vanishes.test.ts: an app session whose Secret Service disappears
// half-way. It signs in two accounts and sends once with the first, waits for the parent to stop
// the keychain, then sends with each.
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
import { rememberSecrets } from '../remembering-secret-store.ts'

const say = (line: object) => process.stdout.write(`${JSON.stringify(line)}\n`)
const fake = await startFakeMisskey()
const folder = await mkdtemp(join(tmpdir(), 'keychain-vanishes-'))
const accounts = createAccountService({
  fetch,
  secrets: rememberSecrets(createKeytarSecretStore(`misskey-api-explorer-vanish-${process.pid}`)),
  store: createAccountStore(join(folder, 'accounts.json'), () => undefined),
  now: Date.now,
})
const sender = createRequestSender({
  tokenFor: (accountId, origin) => accounts.tokenFor(accountId, origin),
  monotonicNow: () => performance.now(),
  emitProgress: () => undefined,
})
const used = await accounts.addWithToken(fake.origin, fake.users.alice.token, 'alice')
const unused = await accounts.addWithToken(fake.origin, fake.users.admin.token, 'admin')
if (!used.ok || !unused.ok) process.exit(1)
const send = (requestId: string, accountId: string | null) =>
  sender.send({
    requestId,
    origin: fake.origin,
    endpoint: accountId === null ? 'meta' : 'i',
    body: '{}',
    auth: { mode: accountId === null ? 'none' : 'header', accountId },
  })
const outcome = (result: Awaited<ReturnType<typeof send>>) =>
  result.ok ? { status: result.value.status } : result.error
const before = await send('before', used.value.id)
say({
  step: 'added',
  folder,
  tokens: [fake.users.alice.token, fake.users.admin.token],
  sentBefore: outcome(before),
})

const lines = createInterface({ input: process.stdin })
for await (const line of lines) {
  if (line !== 'send') continue
  say({
    step: 'sent',
    usedBefore: outcome(await send('after-used', used.value.id)),
    neverUsed: outcome(await send('after-unused', unused.value.id)),
    anonymous: outcome(await send('after-anonymous', null)),
  })
  break
}
await fake.close()
process.exit(0)
