import { expect, test } from './fixtures.ts'
import { startFakeMisskey } from '../test-kit/fake-misskey/server.ts'
import { ExplorerPage } from './pages/explorer-page.ts'
import { startMainWorld } from '../test-kit/support/main-world.ts'

test('a catalog opened once opens offline, from the cache, in a later session', async ({
  context,
  rendererUrl,
}) => {
  const fake = await startFakeMisskey()
  const firstPage = await context.newPage()
  const firstSession = await startMainWorld(firstPage)
  const first = new ExplorerPage(firstPage)
  await first.load(rendererUrl)
  await first.openServer(fake.origin)
  await expect(first.serverSummary).toContainText('endpoints')
  const count = await first.endpointOptions.count()
  await firstPage.close()
  await fake.close()

  // A new session of the app (new main, new page) on the same storage folder; the server is gone.
  const laterPage = await context.newPage()
  const laterSession = await startMainWorld(laterPage, {
    storageDirectory: firstSession.storageDirectory,
  })
  const later = new ExplorerPage(laterPage)
  await later.load(rendererUrl)
  await later.openServer(fake.origin)
  await expect(later.serverNotice).toContainText('Offline: showing the catalog saved')
  await expect(later.endpointOptions).toHaveCount(count)
  await later.pickEndpoint('notes/show')
  await later.setBody('{ "noteId": 1 }')
  await expect(later.schemaProblems).toHaveText('1 problem with the schema (sent anyway)')
  expect(later.pageErrors).toEqual([])

  await laterSession.dispose()
  await firstSession.dispose()
})
