import { readdir, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { ExplorerBridge } from '../src/shared/contract/index.ts'
import { budgetLongStory, storyStep } from './long-story.ts'
import { ExplorerPage } from './pages/explorer-page.ts'
import { expect, test } from './fixtures.ts'
import { startMainWorld } from '../test-kit/support/main-world.ts'
import { approveMiAuth, approveOAuth } from '../test-kit/support/fake-browser.ts'
import { closedPort } from '../test-kit/support/local-server.ts'
import { serveOAuthClientPage } from '../test-kit/support/oauth-client-page.ts'
import { findTokenLeaks } from '../test-kit/support/leak-check.ts'
import { whoIs } from '../test-kit/support/misskey-target.ts'

// Accounts and how tokens travel, against the fake (or a real server with MISSKEY_URL and
// MISSKEY_TOKEN). The token is typed into the page once, then only main and the keychain hold it.
test.afterEach(({ explorer }) => {
  expect(explorer.pageErrors, 'uncaught errors in the page').toEqual([])
})

test('paste a token, send it as `i`, as a header, then not at all, and remove the account', async ({
  explorer,
  target,
  main,
}) => {
  test.skip(!target.token, 'MISSKEY_TOKEN is not set for this real server')
  const token = target.token as string
  const me = await whoIs(target.origin, token)
  await explorer.openServer(target.origin)
  await expect(explorer.activeAccount).toHaveText('No account')

  await test.step('the token is checked with the server and saved', async () => {
    await explorer.openAccounts()
    await explorer.addAccountWithToken(token, 'main account')
    await expect(explorer.accountRow('main account')).toContainText(`@${me.username}`)
    await expect(explorer.accounts.tokenTail('main account')).toHaveText(
      `token …${token.slice(-4)}`,
    )
    await expect(explorer.accounts.tokenInput).toHaveValue('')
    await explorer.closeAccounts()
    await expect(explorer.activeAccount).toHaveText('main account')
  })

  const sendI = async (mode: 'body' | 'header' | 'none') => {
    await explorer.chooseAuthMode(mode)
    await explorer.send()
    await expect(explorer.sending).toHaveCount(0)
  }

  await explorer.pickEndpoint('i')
  await explorer.setBody('{}')

  await test.step('as `i` in the body', async () => {
    await sendI('body')
    await expect(explorer.responseStatus).toHaveText(/^200\b/)
    expect(await explorer.responseText()).toContain(`"username": "${me.username}"`)
    if (target.fake) {
      const seen = target.fake.lastApiCall('i')
      expect(seen).toMatchObject({ path: '/api/i', tokenSource: 'body', token })
      expect(seen?.headers.authorization).toBeUndefined()
    }
  })

  await test.step('as an Authorization header', async () => {
    await sendI('header')
    await expect(explorer.responseStatus).toHaveText(/^200\b/)
    if (target.fake) {
      const seen = target.fake.lastApiCall('i')
      expect(seen).toMatchObject({ path: '/api/i', tokenSource: 'header', json: {} })
      expect(seen?.headers.authorization).toBe(`Bearer ${token}`)
    }
  })

  await test.step('without a token', async () => {
    await expect(explorer.authWarnings).toHaveCount(0)
    await explorer.chooseAuthMode('none')
    await expect(explorer.authWarnings).toContainText('This endpoint needs a token')
    await sendI('none')
    await expect(explorer.problemTitle).toHaveText('Misskey error CREDENTIAL_REQUIRED')
    if (target.fake) {
      const seen = target.fake.lastApiCall('i')
      expect(seen).toMatchObject({ path: '/api/i', token: null, json: {} })
      expect(seen?.headers.authorization).toBeUndefined()
    }
  })

  await test.step('an `i` typed in the body is explained, and a non-string one is refused', async () => {
    await explorer.chooseAuthMode('header')
    await explorer.setBody('{ "i": "typed-by-hand" }')
    await expect(explorer.authWarnings).toContainText('uses the header’s token')
    await explorer.setBody('{ "i": 123 }')
    await expect(explorer.sendBlocked).toContainText('"i" in the body must be a string')
    await expect(explorer.sendButton).toBeDisabled()
  })

  await test.step('removing the account deletes its keychain entry', async () => {
    await explorer.openAccounts()
    await explorer.accounts.remove('main account')
    await expect(explorer.accounts.empty).toBeVisible()
    await explorer.closeAccounts()
    await expect(explorer.activeAccount).toHaveText('No account')
  })

  expect(await findTokenLeaks(main, explorer.page, [token])).toEqual([])
})

test('a token the server refuses is not saved, and the error says why', async ({
  explorer,
  target,
}) => {
  await explorer.openServer(target.origin)
  await explorer.openAccounts()
  await explorer.addAccountWithToken('ThisTokenIsNotValid0123456789abc')
  await expect(explorer.accounts.error).toHaveText(
    'The server refused the token: AUTHENTICATION_FAILED (Authentication failed. Please ensure your token is correct.).',
  )
  await expect(explorer.accounts.empty).toBeVisible()
})

test('sign in with MiAuth, approve in the browser, and see what the grant allows', async ({
  explorer,
  target,
  main,
}) => {
  // Against a real server the request is approved through the server itself, as its web UI
  // does, which takes the user's own login token (an app's token may not call gen-token).
  const approvalToken = await target.approvalToken()
  test.skip(
    !approvalToken,
    'MISSKEY_TOKEN is missing or an app token: only a login token approves MiAuth',
  )
  const username = target.fake ? 'alice' : (await whoIs(target.origin, approvalToken!)).username
  main.browser = (url) => approveMiAuth(url, approvalToken!)
  await explorer.openServer(target.origin)
  await explorer.openAccounts()
  // Custom starts from "read everything"; keep only the two picked here plus read:account.
  await explorer.accounts.signInWithMiAuth({
    check: ['read:account', 'write:notes'],
    uncheck: ['read:drive'],
  })
  await expect(explorer.accounts.signInStatus).toHaveAttribute('data-status', 'completed')
  await expect(explorer.accounts.signInStatus).toContainText(`Signed in as @${username}.`)
  await expect(explorer.accountRow(`@${username}`)).toContainText('MiAuth')
  expect(main.opened).toHaveLength(1)
  expect(new URL(main.opened[0]!).pathname).toMatch(/^\/miauth\//)
  await explorer.closeAccounts()

  // The grant has no write:drive: the app says so before sending, and the server agrees.
  await explorer.pickEndpoint('drive/folders/create')
  await explorer.setBody('{ "name": "x" }')
  await expect(explorer.authWarnings).toContainText(`@${username} was not granted write:drive`)
  await explorer.send()
  await expect(explorer.problemTitle).toHaveText('Misskey error PERMISSION_DENIED')
  await explorer.pickEndpoint('notes/create')
  // Visible to its author only, should this run against a real server.
  await explorer.setBody('{ "text": "hello from MiAuth", "visibility": "specified" }')
  await expect(explorer.authWarnings).toHaveCount(0)
  await explorer.send()
  await expect(explorer.responseStatus).toHaveText(/^200\b/)

  // Every token the server saw (the fake records them); against a real one, the login token.
  const tokens = target.fake
    ? target.fake.received
        .map((request) => request.token)
        .filter((token): token is string => !!token)
    : [approvalToken!]
  expect(await findTokenLeaks(main, explorer.page, tokens)).toEqual([])
})

test('sign in with OAuth 2 (PKCE) through the app’s own client page, then rename the account', async ({
  explorer,
  target,
  main,
}) => {
  test.skip(
    !target.fake,
    'a real server must fetch the app’s client_id page, served on this machine’s loopback',
  )
  const fake = target.fake!
  const port = await closedPort()
  const redirectUri = `http://127.0.0.1:${port}/callback`
  const client = await serveOAuthClientPage(redirectUri)
  try {
    main.browser = (url) => approveOAuth(url, fake.users.alice.token)
    await explorer.openServer(target.origin)
    await explorer.openAccounts()
    await explorer.accounts.signInWithOAuth(`${client.origin}/`, redirectUri)
    await expect(explorer.accounts.signInStatus).toHaveAttribute('data-status', 'completed')
    await expect(explorer.accountRow('@alice')).toContainText('OAuth 2')
    const authorize = new URL(main.opened[0]!)
    expect(authorize.pathname).toBe('/oauth/authorize')
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256')

    await explorer.accounts.rename('@alice', 'alice via OAuth')
    await expect(explorer.accountRow('alice via OAuth')).toBeVisible()
  } finally {
    await client.close()
  }
})

test('a server without OAuth 2 says so instead of offering the form', async ({
  explorer,
  target,
}) => {
  test.skip(!target.fake, 'needs a server without OAuth metadata')
  target.fake!.oauth.enabled = false
  await explorer.openServer(target.origin)
  await explorer.openAccounts()
  await explorer.accounts.openOAuthTab()
  await expect(explorer.accounts.oauthUnsupported).toContainText('does not offer OAuth 2')
})

test('a damaged accounts list leaves its token in the keychain: listed, and deleted on request', async ({
  context,
  rendererUrl,
  target,
}) => {
  test.skip(!target.token, 'MISSKEY_TOKEN is not set for this real server')
  const token = target.token as string
  // Two sessions of the app, each loading the page: a budgeted step each.
  budgetLongStory(2)
  const firstPage = await context.newPage()
  const first = await startMainWorld(firstPage)
  await storyStep(
    'a first session saves an account; then its accounts file is damaged',
    async () => {
      const before = new ExplorerPage(firstPage)
      await before.load(rendererUrl)
      await before.openServer(target.origin)
      await before.openAccounts()
      await before.addAccountWithToken(token, 'kept account')
      await expect(before.accountRow('kept account')).toBeVisible()
      expect(before.pageErrors).toEqual([])
      await firstPage.close()
      await first.close()
      // Damaged on disk (a crash of another program, a bad sync…): the keychain still has the token.
      await writeFile(join(first.storageDirectory, 'accounts.json'), '{"accounts": [{"id": ')
    },
  )

  await storyStep('the next session lists the token left behind and deletes it', async () => {
    const laterPage = await context.newPage()
    const later = await startMainWorld(laterPage, {
      storageDirectory: first.storageDirectory,
      keychainService: first.keychainService,
    })
    const after = new ExplorerPage(laterPage)
    await after.load(rendererUrl)
    await after.openServer(target.origin)
    await after.openAccounts()
    await expect(after.accounts.empty).toBeVisible()
    const orphans = laterPage.getByTestId('orphaned-token')
    await expect(orphans).toHaveCount(1)
    await expect(orphans).toContainText(`…${token.slice(-4)}`)
    // Where the damaged list now is, so the user can recover it by hand.
    await expect(laterPage.getByTestId('orphaned-tokens')).toContainText(
      `Set aside: ${join(first.storageDirectory, 'accounts.json.damaged-')}`,
    )
    const names = await readdir(first.storageDirectory)
    expect(names.filter((name) => name.startsWith('accounts.json.damaged-'))).toHaveLength(1)

    laterPage.once('dialog', (dialog) => void dialog.accept())
    await orphans.getByTestId('orphaned-token-delete').click()
    await expect(laterPage.getByTestId('orphaned-tokens')).toBeHidden()
    // Asked of the keychain again, as the dialog does when it opens: the token is gone from it.
    const left = await laterPage.evaluate(async () => {
      const bridge = (window as unknown as { explorer: ExplorerBridge }).explorer
      return bridge.accounts.listOrphanedTokens()
    })
    expect(left).toEqual({ ok: true, value: [] })
    expect(after.pageErrors).toEqual([])
    await later.dispose()
  })
  await rm(first.storageDirectory, { recursive: true, force: true })
})
