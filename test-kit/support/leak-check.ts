import { readFile, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import type { MainWorld } from './main-world.ts'

/**
 * Everywhere a token must never be: main's data folder (history included), the collection
 * folders a story used, main's logs, and the page (its DOM, localStorage, sessionStorage,
 * IndexedDB names, and the state the renderer keeps in memory as far as the DOM shows it).
 * Returns where each token was found.
 */
export async function findTokenLeaks(
  main: MainWorld,
  page: Page,
  tokens: string[],
  /** Other folders the app wrote to (a collection, an export). */
  folders: string[] = [],
): Promise<string[]> {
  const places: Array<[string, string]> = []
  for (const folder of [main.storageDirectory, ...folders]) {
    for (const name of await readdir(folder, { recursive: true })) {
      const text = await readFile(join(folder, name), 'utf8').catch(() => '')
      places.push([`file ${name}`, text])
    }
  }
  places.push(['main log', main.logs.join('\n')])
  places.push(['DOM', await page.content()])
  places.push([
    'web storage',
    await page.evaluate(async () => {
      const dump = (storage: Storage) => JSON.stringify(Object.entries({ ...storage }))
      const databases = 'databases' in indexedDB ? await indexedDB.databases() : []
      return [dump(localStorage), dump(sessionStorage), JSON.stringify(databases)].join('\n')
    }),
  ])
  places.push([
    'input values',
    await page.evaluate(() =>
      [...document.querySelectorAll('input, textarea')]
        .map((element) => (element as HTMLInputElement).value)
        .join('\n'),
    ),
  ])
  const leaks: string[] = []
  for (const token of tokens) {
    for (const [place, text] of places)
      if (text.includes(token)) leaks.push(`${token.slice(-4)} in ${place}`)
  }
  return leaks
}
