import { readFile, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { serializeRequest } from '../src/main/collections/request-file.ts'
import { findTokenLeaks } from '../test-kit/support/leak-check.ts'
import { expect, test } from './fixtures.ts'

// Issue 10, "Secrets never reach disk" and the collection boundary, as a user meets them.
test.afterEach(({ explorer }) => {
  expect(explorer.pageErrors, 'uncaught errors in the page').toEqual([])
})

async function openCollection(
  explorer: Parameters<Parameters<typeof test>[2]>[0]['explorer'],
  main: Parameters<Parameters<typeof test>[2]>[0]['main'],
  folder: string,
) {
  main.folderToChoose = folder
  await explorer.collections.show()
  await explorer.page.getByTestId('collection-choose').click()
  await expect(explorer.collections.tree).toBeVisible()
}

test('a curl command with a JSON5 token in its body: the token is dropped, said so, and never saved', async ({
  explorer,
  target,
  main,
  tempFolder,
}) => {
  const secret = 'NotARealTokenButLooksLikeOne9876'
  const folder = await tempFolder('secrets-curl-')
  const { collections, page } = explorer
  await explorer.openServer(target.origin)
  await openCollection(explorer, main, folder)
  await collections.menu('importCurl')
  await page
    .getByTestId('curl-command')
    .fill(`curl '${target.origin}/api/notes/local-timeline' -d "{i: '${secret}', limit: 2,}"`)
  await page.getByTestId('curl-import').click()
  await expect(collections.notice).toContainText('It carried a token, which was dropped.')
  await expect(explorer.bodyEditor.locator('.view-lines')).toContainText('"limit": 2')
  await page.keyboard.press('ControlOrMeta+S')
  await collections.save({ name: 'Timeline' })
  await expect(collections.node('Timeline.request.json')).toBeVisible()
  expect(await readFile(join(folder, 'Timeline.request.json'), 'utf8')).not.toContain(secret)
  expect(await findTokenLeaks(main, page, [secret], [folder])).toEqual([])
})

test('a link inside a collection is listed as an error and never followed', async ({
  explorer,
  target,
  main,
  tempFolder,
}) => {
  const folder = await tempFolder('secrets-links-')
  const outside = await tempFolder('secrets-outside-')
  const outsideFile = join(outside, 'private.request.json')
  const outsideText = serializeRequest({
    name: 'private',
    origin: null,
    endpoint: 'meta',
    authMode: 'none',
    accountLabel: null,
    body: '{"text": "outside-secret-words"}',
    notes: '',
    captures: [],
  })
  await writeFile(outsideFile, outsideText)
  await symlink(outsideFile, join(folder, 'linked.request.json'))
  await explorer.openServer(target.origin)
  await openCollection(explorer, main, folder)
  const node = explorer.collections.node('linked.request.json')
  await expect(node.getByTestId('collection-invalid-error')).toContainText('symbolic link')
  await expect(node.getByTestId('collection-node-open')).toBeDisabled()
  await expect(explorer.page.getByText('outside-secret-words')).toHaveCount(0)
  expect(await readFile(outsideFile, 'utf8')).toBe(outsideText)
})

test('a token put into an environment variable: a clear warning, once', async ({
  explorer,
  target,
  main,
  tempFolder,
}) => {
  const folder = await tempFolder('secrets-environment-')
  const { page } = explorer
  await explorer.openServer(target.origin)
  await openCollection(explorer, main, folder)
  await page.getByTestId('environment-new').click()
  await page.getByTestId('environment-new-name').fill('local')
  await page.getByTestId('environment-new-name').press('Enter')
  await expect(page.getByTestId('environment-variables')).toBeVisible()
  await page.getByTestId('variable-add').click()
  await page.getByTestId('variable-name').last().fill('token')
  await page.getByTestId('variable-value').last().fill('SomethingSecret1234')
  await page.getByTestId('environment-save').click()
  const warning = page.getByTestId('environment-secret-warning')
  await expect(warning).toContainText('token looks like a token or password')
  await expect(warning).toContainText('plain files')
  await page.getByTestId('environment-secret-dismiss').click()
  await expect(warning).toBeHidden()

  // Saved again unchanged: the user was told already.
  await page.getByTestId('environment-edit').click()
  await page.getByTestId('environment-save').click()
  await expect(page.getByTestId('environment-variables')).toBeHidden()
  await expect(warning).toBeHidden()
})

test('a password typed into a request body is kept out of the history: the entry shows "(removed)"', async ({
  explorer,
  main,
  target,
}) => {
  const password = 'correct-horse-battery-7781'
  await explorer.openServer(target.origin)
  await explorer.pickEndpoint('meta')
  await explorer.setBody(`{ "detail": false, "password": "${password}" }`)
  await explorer.send()
  await expect(explorer.sending).toHaveCount(0)
  await main.historySettled()
  // Another endpoint's draft, so opening the entry has to bring its body back from the history.
  await explorer.pickEndpoint('ping')
  await explorer.history.show()
  await explorer.history.open(0)
  await expect(explorer.endpointName).toHaveText('meta')
  const body = explorer.bodyEditor.locator('.view-lines')
  await expect(body).toContainText('"password": "(removed)"')
  await expect(body).toContainText('"detail": false')
  // The page may show it (the user typed it there; the trail names the step they sent), but
  // nothing main keeps or logs holds it.
  const leaks = await findTokenLeaks(main, explorer.page, [password])
  expect(leaks.filter((place) => / in (file |main log)/.test(place))).toEqual([])
})
