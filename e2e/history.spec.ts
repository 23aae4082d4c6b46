import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from './fixtures.ts'
import { findTokenLeaks } from '../test-kit/support/leak-check.ts'
import { ExplorerPage } from './pages/explorer-page.ts'
import { startMainWorld } from '../test-kit/support/main-world.ts'
import { openHistoryStore } from '../src/main/history/history-store.ts'
import { sampleInput } from '../src/main/history/testing/history-fixtures.ts'
import { budgetLongStory, storyStep } from './long-story.ts'

// The history sidebar, against the fake (or a real server with MISSKEY_URL / MISSKEY_TOKEN).
// Main records every send itself; these stories read what the user sees of it.
test.describe('the history sidebar', () => {
  test.afterEach(({ explorer }) => {
    expect(explorer.pageErrors, 'uncaught errors in the page').toEqual([])
  })

  test('every send is listed newest first; a body word finds one, which opens back with its answer', async ({
    explorer,
    target,
    main,
  }) => {
    const word = `walrus${Date.now()}`
    await explorer.openServer(target.origin)
    if (target.token) {
      await explorer.openAccounts()
      await explorer.addAccountWithToken(target.token, 'history reader')
      await expect(explorer.accountRow('history reader')).toBeVisible()
      await explorer.closeAccounts()
    }
    const send = async (endpoint: string, body: string, status: RegExp) => {
      await explorer.pickEndpoint(endpoint)
      await explorer.setBody(body)
      await explorer.send()
      await expect(explorer.responseStatus).toHaveText(status)
    }
    await send('meta', '{ "detail": false }', /^200\b/)
    await send('users/show', `{ "username": "${word}" }`, /^4\d\d\b/)
    await send('notes/local-timeline', '{ "limit": 1 }', /^200\b/)

    const history = explorer.history
    await history.show()
    await expect(history.rows).toHaveCount(3)
    expect(await history.endpoints()).toEqual(['notes/local-timeline', 'users/show', 'meta'])
    await expect(history.row(0).getByTestId('history-status')).toHaveText('200')
    await expect(history.row(0).getByTestId('history-duration')).toHaveText(/^\d+ ms$|^[\d.]+ s$/)
    if (target.token) await expect(history.row(0)).toContainText('history reader')

    await test.step('a word of a body finds its request; a status class filters', async () => {
      await history.search.fill(word)
      await expect(history.rows).toHaveCount(1)
      await expect(history.row(0)).toHaveAttribute('data-endpoint', 'users/show')
      await expect(history.count).toHaveText('1 entry')
      await history.search.fill('')
      await expect(history.rows).toHaveCount(3)
      await history.filterStatus('4xx')
      await expect(history.rows).toHaveCount(1)
      await expect(history.row(0)).toHaveAttribute('data-endpoint', 'users/show')
      await explorer.history.statusFilter('4xx').uncheck()
      await expect(history.rows).toHaveCount(3)
    })

    await test.step('opening an entry puts its request and its recorded answer back', async () => {
      await explorer.pickEndpoint('meta')
      await history.show()
      await history.search.fill(word)
      await expect(history.rows).toHaveCount(1)
      await history.open(0)
      await expect(explorer.endpointName).toHaveText('users/show')
      await expect(explorer.bodyEditor.locator('.view-lines')).toContainText(word)
      await expect(explorer.responseStatus).toHaveText(/^4\d\d\b/)
      await expect(explorer.history.responseNote).toContainText('From the history: sent')
    })

    await test.step('resend sends it again and records the new answer', async () => {
      await history.row(0).getByTestId('history-resend').click()
      await expect(history.rows).toHaveCount(2)
      await expect(explorer.history.responseNote).toBeHidden()
      await expect(explorer.responseStatus).toHaveText(/^4\d\d\b/)
    })

    await main.historySettled()
    if (target.token) expect(await findTokenLeaks(main, explorer.page, [target.token])).toEqual([])
  })

  test('two entries’ responses side by side in a diff editor', async ({ explorer, target }) => {
    await explorer.openServer(target.origin)
    await explorer.pickEndpoint('meta')
    for (const detail of ['false', 'true']) {
      await explorer.setBody(`{ "detail": ${detail} }`)
      await explorer.send()
      await expect(explorer.responseStatus).toHaveText(/^200\b/)
    }
    const history = explorer.history
    await history.show()
    await expect(history.rows).toHaveCount(2)
    await expect(history.compareButton).toBeDisabled()
    await history.row(0).getByTestId('history-select').check()
    await history.row(1).getByTestId('history-select').check()
    await history.compareButton.click()
    const dialog = history.compareDialog
    await expect(dialog).toBeVisible()
    await expect(dialog.getByTestId('history-compare-left')).toContainText('meta · 200')
    const diff = dialog.getByTestId('history-diff')
    await expect(diff.locator('.editor.original')).toBeVisible()
    await expect(diff.locator('.editor.modified')).toBeVisible()
    // The detailed answer has more fields: the diff marks them as added on the right.
    await expect(diff.locator('.editor.modified .line-insert').first()).toBeAttached()
    await dialog.getByTestId('history-compare-headers').click()
    await expect(diff.locator('.editor.modified .view-lines')).toContainText('content-type')
    await explorer.page.keyboard.press('Escape')
    await expect(dialog).toBeHidden()
  })

  test('delete one entry; pinned entries survive clearing the history', async ({
    explorer,
    target,
  }) => {
    await explorer.openServer(target.origin)
    await explorer.pickEndpoint('meta')
    for (const body of ['{}', '{ "detail": false }', '{ "detail": true }']) {
      await explorer.setBody(body)
      await explorer.send()
      await expect(explorer.responseStatus).toHaveText(/^200\b/)
    }
    const history = explorer.history
    await history.show()
    await expect(history.rows).toHaveCount(3)
    await history.row(0).getByTestId('history-delete').click()
    await expect(history.rows).toHaveCount(2)
    await explorer.setBody('{ "detail": true }')
    await explorer.send()
    await history.show()
    await expect(history.rows).toHaveCount(3)
    const pin = history.row(1).getByTestId('history-pin')
    await pin.click()
    await expect(pin).toHaveAttribute('aria-pressed', 'true')
    await history.clear()
    await expect(history.rows).toHaveCount(1)
    await expect(history.row(0).getByTestId('history-pin')).toHaveAttribute('aria-pressed', 'true')
    await expect(history.row(0)).toContainText('"detail": false')
  })

  test('a request that got no answer is recorded with why', async ({ explorer, target }) => {
    test.skip(!target.fake, 'needs a server that hangs on purpose')
    target.fake!.failNext('meta', 'hang')
    await explorer.openServer(target.origin)
    await explorer.pickEndpoint('meta')
    await explorer.startSending()
    await explorer.request.cancel()
    await expect(explorer.requestError).toHaveText('The request was cancelled.')
    await explorer.history.show()
    await expect(explorer.history.row(0).getByTestId('history-status')).toHaveText('CANCELLED')
    await explorer.history.filterStatus('failed')
    await expect(explorer.history.rows).toHaveCount(1)
    await explorer.pickEndpoint('notes/local-timeline')
    await explorer.history.show()
    await explorer.history.open(0)
    await expect(explorer.endpointName).toHaveText('meta')
    await expect(explorer.requestError).toHaveText('The request was cancelled.')
  })
})

test('a damaged history file found at start-up is set aside with a message, never a crash', async ({
  context,
  rendererUrl,
  target,
}) => {
  // Two sessions of the app, each loading the page: a budgeted step each.
  budgetLongStory(2)
  const firstPage = await context.newPage()
  const first = await startMainWorld(firstPage)
  const folder = join(first.storageDirectory, 'history')
  await storyStep(
    'a first session sends three requests, then the file is damaged on disk',
    async () => {
      const before = new ExplorerPage(firstPage)
      await before.load(rendererUrl)
      await before.openServer(target.origin)
      await before.pickEndpoint('meta')
      for (const body of ['{}', '{ "detail": false }', '{ "detail": true }']) {
        await before.setBody(body)
        await before.send()
        await expect(before.responseStatus).toHaveText(/^200\b/)
      }
      await first.historySettled()
      expect(before.pageErrors).toEqual([])
      await firstPage.close()
      await first.close()

      // The database file is overwritten on disk: it is no longer a database at all.
      for (const name of ['history.db-wal', 'history.db-shm'])
        await rm(join(folder, name), { force: true })
      await writeFile(join(folder, 'history.db'), 'not a database any more\n'.repeat(200))
    },
  )

  await storyStep('the next session sets the damaged file aside and says so', async () => {
    const laterPage = await context.newPage()
    const later = await startMainWorld(laterPage, { storageDirectory: first.storageDirectory })
    const after = new ExplorerPage(laterPage)
    await after.load(rendererUrl)
    await expect(after.history.notice).toContainText(
      'The history file was damaged. It was set aside as',
    )
    expect((await readdir(folder)).some((name) => name.startsWith('history.db.damaged-'))).toBe(
      true,
    )
    // A fresh history goes on where the damaged one was set aside.
    await after.history.show()
    await expect(after.history.rows).toHaveCount(0)
    await laterPage.getByTestId('history-notice-dismiss').click()
    await expect(after.history.notice).toBeHidden()
    expect(after.pageErrors).toEqual([])
    await later.dispose()
  })
  await first.dispose()
})

test('a long history loads page by page as the list scrolls', async ({ context, rendererUrl }) => {
  // A history written by an earlier session: 120 entries, oldest first.
  const storage = await mkdtemp(join(tmpdir(), 'explorer-e2e-long-'))
  const opened = await openHistoryStore({
    directory: join(storage, 'history'),
    now: Date.now,
    log: () => undefined,
  })
  if (!opened.ok) throw new Error(opened.error.message)
  for (let index = 0; index < 120; index++) {
    await opened.value.append(
      sampleInput({
        sentAt: Date.now() - (120 - index) * 60_000,
        requestBody: `{ "n": ${index} }`,
      }),
    )
  }
  await opened.value.close()

  const page = await context.newPage()
  const session = await startMainWorld(page, { storageDirectory: storage })
  const explorer = new ExplorerPage(page)
  await explorer.load(rendererUrl)
  const history = explorer.history
  await history.show()
  await expect(history.count).toHaveText('120 entries')
  await expect(history.rows).toHaveCount(50)
  await expect(history.row(0)).toContainText('{ "n": 119 }')
  await history.rows.last().scrollIntoViewIfNeeded()
  await expect(history.rows).toHaveCount(100)
  await history.moreButton.click()
  await expect(history.rows).toHaveCount(120)
  await expect(history.rows.last()).toContainText('{ "n": 0 }')
  await expect(history.moreButton).toBeHidden()
  expect(explorer.pageErrors).toEqual([])
  await session.dispose()
  await rm(storage, { recursive: true, force: true })
})
