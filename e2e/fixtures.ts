import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { test as base } from '@playwright/test'
import { ExplorerPage } from './pages/explorer-page.ts'
import { startMainWorld, type MainWorld } from '../test-kit/support/main-world.ts'
import { startMisskeyTarget, type MisskeyTarget } from '../test-kit/support/misskey-target.ts'
import { serveRenderer } from '../test-kit/support/static-server.ts'
import { storyBudgets } from './story-budgets.ts'

const rendererDirectory = resolve(import.meta.dirname, '../out/renderer')

interface TestFixtures {
  /** The Misskey server the story talks to (fake unless MISSKEY_URL is set). */
  target: MisskeyTarget
  /** Main's side of the app for this test. */
  main: MainWorld
  /** The app's page, loaded and wired to main. */
  explorer: ExplorerPage
  /** Makes a folder under the system's temporary folder, removed when the story ends. */
  tempFolder: (prefix: string) => Promise<string>
}

interface WorkerFixtures {
  rendererUrl: string
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  rendererUrl: [
    async ({}, use) => {
      if (!existsSync(resolve(rendererDirectory, 'index.html'))) {
        throw new Error(`No built renderer in ${rendererDirectory}: run "npm run build" first.`)
      }
      const server = await serveRenderer(rendererDirectory)
      await use(server.url)
      await server.close()
    },
    { scope: 'worker' },
  ],
  target: async ({}, use) => {
    const target = await startMisskeyTarget()
    await use(target)
    await target.close()
  },
  tempFolder: async ({}, use) => {
    const made: string[] = []
    await use(async (prefix) => {
      const folder = await mkdtemp(join(tmpdir(), prefix))
      made.push(folder)
      return folder
    })
    await Promise.all(made.map((folder) => rm(folder, { recursive: true, force: true })))
  },
  // Starting main and loading the page get their own budget, so a slow start on a busy machine
  // does not eat the story's.
  main: [
    // After the temporary folders exist, so it is closed (its collection watcher too) before
    // they are removed: fixtures are torn down in the reverse order they were set up.
    async ({ page, tempFolder }, use) => {
      void tempFolder
      const world = await startMainWorld(page)
      await use(world)
      await world.dispose()
    },
    { timeout: storyBudgets.fixture },
  ],
  explorer: [
    async ({ page, main, rendererUrl }, use) => {
      void main
      const explorer = new ExplorerPage(page)
      await explorer.load(rendererUrl)
      await use(explorer)
    },
    { timeout: storyBudgets.fixture },
  ],
})

export { expect } from '@playwright/test'
