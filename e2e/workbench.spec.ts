import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from './fixtures.ts'

// The request workbench, as a user drives it with the keyboard, against the fake (or a real
// server with MISSKEY_URL / MISSKEY_TOKEN).
test.afterEach(({ explorer }) => {
  expect(explorer.pageErrors, 'uncaught errors in the page').toEqual([])
})

test('Ctrl+K finds an endpoint by a word of its description, recently used first next time', async ({
  explorer,
  target,
}) => {
  await explorer.openServer(target.origin)
  await expect(explorer.serverSummary).toBeVisible()
  await explorer.page.keyboard.press('ControlOrMeta+K')
  const palette = explorer.palette
  await expect(palette).toBeVisible()
  await explorer.page.keyboard.type('upload a new')
  await expect(explorer.paletteOptions.first()).toHaveAttribute(
    'data-endpoint',
    'drive/files/create',
  )
  await explorer.page.keyboard.press('Enter')
  await expect(palette).toBeHidden()
  await expect(explorer.endpointName).toHaveText('drive/files/create')

  await explorer.page.keyboard.press('ControlOrMeta+K')
  await expect(palette.locator('.endpoint-palette__heading').first()).toHaveText('Recently used')
  await expect(explorer.paletteOptions.first()).toHaveAttribute(
    'data-endpoint',
    'drive/files/create',
  )
  await explorer.page.keyboard.press('ArrowDown')
  await explorer.page.keyboard.press('Escape')
  await expect(palette).toBeHidden()
})

test('upload a file with drive/files/create and see the created file', async ({
  explorer,
  target,
  main,
  tempFolder,
}) => {
  test.skip(!target.token, 'MISSKEY_TOKEN is not set for this real server')
  const folder = await tempFolder('upload-story-')
  const file = join(folder, `note-${Date.now()}.txt`)
  await writeFile(file, `uploaded by the e2e story at ${new Date().toISOString()}\n`)
  await explorer.openServer(target.origin)
  await explorer.openAccounts()
  await explorer.addAccountWithToken(target.token!, 'uploader')
  await expect(explorer.accountRow('uploader')).toBeVisible()
  await explorer.closeAccounts()

  await explorer.pickEndpoint('drive/files/create')
  await expect(explorer.sendBlocked).toHaveText('Will not send: choose the file to upload first.')
  main.fileToChoose = file
  await explorer.request.chooseUploadFile()
  await expect(explorer.request.uploadFile).toContainText(/note-\d+\.txt · \d+ B/)
  await explorer.request.uploadField('name').fill('story.txt')
  await explorer.request.uploadField('force').check()
  await explorer.sendButton.click()
  await expect(explorer.responseStatus).toHaveText(/^200\b/)
  const text = await explorer.responseText()
  expect(text).toContain('"name": "story.txt"')
  if (target.fake)
    expect(target.fake.lastApiCall('drive/files/create')).toMatchObject({
      tokenSource: 'form',
      path: '/api/drive/files/create',
    })
})

test('an empty file is refused when chosen, with the reason', async ({
  explorer,
  target,
  main,
  tempFolder,
}) => {
  const folder = await tempFolder('upload-story-')
  main.fileToChoose = join(folder, 'empty.png')
  await writeFile(main.fileToChoose, '')
  await explorer.openServer(target.origin)
  await explorer.pickEndpoint('drive/files/create')
  await explorer.request.chooseUploadFile()
  await expect(explorer.request.uploadError).toHaveText(
    'empty.png is empty (0 bytes); a Misskey server refuses empty uploads.',
  )
  await expect(explorer.sendButton).toBeDisabled()
})

test('a slow request shows its elapsed time over the last answer, and can be cancelled', async ({
  explorer,
  target,
}) => {
  test.skip(!target.fake, 'needs a server that hangs on purpose')
  await explorer.openServer(target.origin)
  await explorer.pickEndpoint('meta')
  await explorer.send()
  await expect(explorer.responseStatus).toHaveText(/^200\b/)
  target.fake!.failNext('meta', 'hang')
  await explorer.startSending()
  await expect(explorer.sending).toHaveText(/^Sending… \d+\.\d s$/)
  // The last answer stays where it was, out of reach, under the progress of the new request.
  const viewer = explorer.page.getByTestId('response-viewer')
  await expect(viewer).toHaveAttribute('aria-busy', 'true')
  await expect(explorer.page.getByTestId('response-progress')).toHaveText('Waiting for the server…')
  await expect(explorer.responseStatus).toHaveText(/^200\b/)
  await expect(viewer.locator('[inert]')).toContainText('meta')
  await explorer.request.cancel()
  await expect(explorer.requestError).toHaveText('The request was cancelled.')
  await expect(explorer.responseStatus).toHaveCount(0)
  await expect(viewer).not.toHaveAttribute('aria-busy', 'true')
  await expect(explorer.sendButton).toBeEnabled()
})

test('INVALID_PARAM is explained and points at the field in the body', async ({
  explorer,
  target,
}) => {
  await explorer.openServer(target.origin)
  await explorer.pickEndpoint('notes/show')
  await explorer.setBody('{\n  "limit": 1,\n  "noteId": 42\n}')
  await explorer.page.keyboard.press('ControlOrMeta+Enter')
  await expect(explorer.problemTitle).toHaveText('Misskey error INVALID_PARAM')
  await expect(explorer.response.problemParam).toHaveText('#/properties/noteId/type')
  await explorer.response.revealField()
  // The editor selects the field the server complained about.
  await expect(explorer.bodyEditor.locator('.selected-text')).toHaveCount(1)
  await explorer.page.keyboard.press('Delete')
  await expect(explorer.bodyEditor.locator('.view-lines')).not.toContainText('noteId')
  await expect(explorer.bodyEditor.locator('.view-lines')).toContainText('"limit": 1')
})

test('next page on a timeline continues from the last note', async ({ explorer, target }) => {
  if (target.fake) {
    for (let index = 0; index < 5; index++) {
      await fetch(`${target.origin}/api/notes/create`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${target.fake.users.alice.token}`,
        },
        body: JSON.stringify({ text: `note ${index}` }),
      })
    }
  }
  // What the server itself answers for the first page, asked directly.
  const firstPage = (await (
    await fetch(`${target.origin}/api/notes/local-timeline`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"limit":2}',
    })
  ).json()) as Array<{ id: string }>
  test.skip(firstPage.length < 2, 'the server’s local timeline has fewer than two notes')
  await explorer.openServer(target.origin)
  await explorer.pickEndpoint('notes/local-timeline')
  await explorer.setBody('{ "limit": 2 }')
  await explorer.send()
  await expect(explorer.responseStatus).toHaveText(/^200\b/)
  // Read as JSON: the next page's answer then comes into the same editor.
  const shownFirstId = /"id": "(\w+)"/.exec(await explorer.responseText())?.[1]
  expect(shownFirstId).toBeDefined()
  await explorer.response.nextPage()
  await expect(explorer.bodyEditor.locator('.view-lines')).toContainText(
    `"untilId": "${firstPage[1]!.id}"`,
  )
  await expect(explorer.responseStatus).toHaveText(/^200\b/)
  if (target.fake) {
    const pages = target.fake.received.filter(
      (request) => request.path === '/api/notes/local-timeline',
    )
    expect(pages.map((request) => JSON.parse(request.bodyText))).toEqual([
      { limit: 2 },
      { limit: 2 },
      { limit: 2, untilId: firstPage[1]!.id },
    ])
  }
  await expect(explorer.page.getByTestId('tab-body')).toHaveAttribute('aria-selected', 'true')
  const nextPage = await explorer.responseText()
  expect(nextPage).toMatch(/^\[\s*\{\s*"id": "\w+"/)
  expect(nextPage).not.toContain(`"id": "${shownFirstId}"`)
})

test('copy as curl: a placeholder by default, the real token only into the clipboard', async ({
  explorer,
  target,
  main,
}) => {
  test.skip(!target.token, 'MISSKEY_TOKEN is not set for this real server')
  const token = target.token!
  await explorer.openServer(target.origin)
  await explorer.openAccounts()
  await explorer.addAccountWithToken(token, 'copier')
  await expect(explorer.accountRow('copier')).toBeVisible()
  await explorer.closeAccounts()
  await explorer.pickEndpoint('notes/create')
  await explorer.setBody('{ "text": "it\'s here" }')
  await explorer.chooseAuthMode('header')

  await explorer.request.copyAs('curl')
  await expect(explorer.request.copyStatus).toHaveText(
    'Copied as curl, with a placeholder for the token.',
  )
  expect(main.clipboard).toBe(
    [
      `curl '${target.origin}/api/notes/create'`,
      `  -H 'Authorization: Bearer <TOKEN>'`,
      `  -H 'Content-Type: application/json'`,
      `  --data-raw '{"text":"it'\\''s here"}'`,
    ].join(' \\\n'),
  )

  await explorer.request.copyAs('fetch', { includeToken: true })
  await expect(explorer.request.copyStatus).toHaveText(
    'Copied as JavaScript fetch, with the real token: keep it private.',
  )
  expect(main.clipboard).toContain(`Bearer ${token}`)
  expect(await explorer.page.content()).not.toContain(token)
})

test('"Required fields" fills in what the endpoint needs, keeping what was typed, and it sends', async ({
  explorer,
  target,
}) => {
  await explorer.openServer(target.origin)
  await explorer.pickEndpoint('users/show')
  await explorer.setBody('{\n  // who to show\n  "detail": true,\n}')
  await expect(explorer.request.json5Note).toBeVisible()
  await explorer.request.insertRequiredFields()
  const editor = explorer.bodyEditor.locator('.view-lines')
  await expect(editor).toContainText('"detail": true')
  await expect(editor).toContainText('"userId": ""')
  // An empty id is the placeholder to fill in; with a real one the call succeeds.
  const me = target.fake ? target.fake.users.alice : null
  test.skip(!me, 'needs a known user id on the server')
  await explorer.setBody(`{ "userId": "${me!.id}", "detail": true }`)
  await explorer.send()
  await expect(explorer.responseStatus).toHaveText(/^200\b/)
  expect(await explorer.responseText()).toContain('"username": "alice"')
})
