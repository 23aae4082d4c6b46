import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { serializeRequest } from '../src/main/collections/request-file.ts'
import { expect, test } from './fixtures.ts'
import { findTokenLeaks } from '../test-kit/support/leak-check.ts'
import { whoIs } from '../test-kit/support/misskey-target.ts'

// Working in a collection: environments, the tree's own operations, curl and zip. The issue's
// story and the bad-input cases are in collections.spec.ts.
test.afterEach(({ explorer }) => {
  expect(explorer.pageErrors, 'uncaught errors in the page').toEqual([])
})

test('an environment fills {{variables}} in the body that is sent and recorded', async ({
  explorer,
  target,
  main,
  tempFolder,
}) => {
  test.skip(!target.fake && !target.token, 'needs a user name on the server: MISSKEY_TOKEN')
  const username = target.fake ? 'alice' : (await whoIs(target.origin, target.token!)).username
  const folder = await tempFolder('collection-env-')
  const { collections, history } = explorer
  await explorer.openServer(target.origin)
  main.folderToChoose = folder
  await collections.show()
  await collections.chooseFolder()
  await collections.environments.create('local')
  await expect(collections.environments.select).toHaveValue('local')
  await collections.environments.addVariable('who', username)
  await collections.environments.addVariable('limit', '2')
  await collections.environments.save()
  expect(JSON.parse(await readFile(join(folder, 'environments', 'local.json'), 'utf8'))).toEqual({
    variables: { limit: '2', who: username },
  })

  await explorer.pickEndpoint('users/show')
  await explorer.setBody('{ "username": "{{who}}" }')
  await expect(collections.environments.hint).toHaveText(`Filled in when sent: who = ${username}`)
  await explorer.send()
  await expect(explorer.responseStatus).toHaveText(/^200\b/)
  expect(await explorer.responseText()).toContain(`"username": "${username}"`)
  if (target.fake) {
    expect(target.fake.lastApiCall('users/show')?.bodyText).toBe(`{"username":"${username}"}`)
  }
  await history.show()
  await expect(history.row(0)).toContainText(`"username": "${username}"`)

  // Outside a string a variable goes in as is: a number stays a number.
  await explorer.pickEndpoint('notes/local-timeline')
  await explorer.setBody('{ "limit": {{limit}} }')
  await expect(explorer.sendButton).toBeEnabled()
  await explorer.send()
  await expect(explorer.responseStatus).toHaveText(/^200\b/)
  if (target.fake)
    expect(target.fake.lastApiCall('notes/local-timeline')?.bodyText).toBe('{"limit":2}')
})

test('rename, duplicate, move, delete, and reorder with Alt+↑/↓', async ({
  explorer,
  target,
  main,
  tempFolder,
}) => {
  const folder = await tempFolder('collection-tree-')
  for (const name of ['A', 'B', 'C']) {
    await writeFile(
      join(folder, `${name}.request.json`),
      serializeRequest({
        name,
        origin: null,
        endpoint: 'meta',
        authMode: 'none',
        accountLabel: null,
        body: '{}',
        notes: '',
        captures: [],
      }),
    )
  }
  const { collections, page } = explorer
  await explorer.openServer(target.origin)
  main.folderToChoose = folder
  await collections.show()
  await collections.chooseFolder()
  await expect(collections.nodes).toHaveCount(3)

  await collections.node('A.request.json').getByTestId('collection-node-open').focus()
  await page.keyboard.press('F2')
  await collections.typeNewName('Alpha')
  await expect(collections.node('Alpha.request.json')).toBeVisible()

  await collections.act('B.request.json', 'duplicate')
  await expect(collections.node('B copy.request.json')).toBeVisible()
  expect(await collections.namesIn('')).toEqual(['Alpha', 'B', 'B copy', 'C'])

  await collections.createFolder('archive')
  await collections.moveTo('C.request.json', 'archive')
  await expect(collections.node('archive/C.request.json')).toBeVisible()

  page.once('dialog', (dialog) => void dialog.accept())
  await collections.act('B copy.request.json', 'delete')
  await expect(collections.node('B copy.request.json')).toHaveCount(0)

  const alpha = collections.node('Alpha.request.json').getByTestId('collection-node-open')
  await alpha.focus()
  await page.keyboard.press('Alt+ArrowDown')
  await expect.poll(() => collections.namesIn('')).toEqual(['B', 'Alpha', 'archive'])
  await expect(alpha).toBeFocused()
  expect(JSON.parse(await readFile(join(folder, '.order.json'), 'utf8'))).toEqual({
    order: ['B.request.json', 'Alpha.request.json', 'archive'],
  })
  await page.keyboard.press('Alt+ArrowUp')
  await expect.poll(() => collections.namesIn('')).toEqual(['Alpha', 'B', 'archive'])
})

test('import a curl command (its token dropped), export the collection as a zip, import it elsewhere', async ({
  explorer,
  target,
  main,
  tempFolder,
}) => {
  const secret = 'NotARealTokenButLooksLikeOne1234'
  const folder = await tempFolder('collection-curl-')
  const { collections, page } = explorer
  await explorer.openServer(target.origin)
  main.folderToChoose = folder
  await collections.show()
  await collections.chooseFolder()

  await collections.importCurl(
    `curl '${target.origin}/api/notes/local-timeline' -H 'Authorization: Bearer ${secret}' -H 'Content-Type: application/json' --data-raw '{"limit":2}'`,
  )
  await expect(collections.notice).toContainText('It carried a token, which was dropped.')
  await expect(explorer.endpointName).toHaveText('notes/local-timeline')
  await expect(explorer.bodyEditor.locator('.view-lines')).toContainText('"limit": 2')
  // No account on this server here: the toggle shows what is sent (no token, as the send bar
  // says), and the saved request is what the toggle shows, so a run of it later sends none either
  // (the command line's --auth chooses otherwise for a whole run).
  await expect(explorer.authMode('none')).toBeChecked()
  await expect(explorer.authMode('header')).toBeDisabled()
  await page.keyboard.press('ControlOrMeta+S')
  await collections.save({ name: 'Timeline' })
  await expect(collections.node('Timeline.request.json')).toBeVisible()
  const saved = JSON.parse(await readFile(join(folder, 'Timeline.request.json'), 'utf8')) as {
    authMode: string
  }
  expect(saved.authMode).toBe('none')

  const zipFolder = await tempFolder('collection-zip-')
  main.saveTo = join(zipFolder, 'shared.zip')
  await collections.menu('exportZip')
  await expect(collections.notice).toHaveText(`Exported 2 files to ${main.saveTo}.`)

  main.fileToChoose = main.saveTo
  main.folderToChoose = join(zipFolder, 'unpacked')
  await collections.menu('importZip')
  await expect(collections.name).toHaveText('unpacked')
  await expect(collections.node('Timeline.request.json')).toBeVisible()
  expect(await findTokenLeaks(main, page, [secret], [folder, zipFolder])).toEqual([])
})
