import { afterEach } from 'vitest'
import type { HistoryRecordInput } from '../../../shared/history.ts'
import { openHistoryStore, type HistoryStore, type HistoryStoreOptions } from '../history-store.ts'
import { sampleInput } from './history-fixtures.ts'
import { tempFolders } from './temp-folder.ts'

/**
 * What the history tests share: stores on throwaway folders, closed and removed after each test,
 * and helpers that fail the test loudly when the store answers an error.
 */
export function historyStoreKit() {
  const folders = tempFolders()
  const open: HistoryStore[] = []
  afterEach(async () => {
    await Promise.all(open.splice(0).map((store) => store.close()))
    await folders.removeAll()
  })

  async function openStore(options: Partial<HistoryStoreOptions> = {}): Promise<HistoryStore> {
    const directory = options.directory ?? (await folders.make('history-'))
    const opened = await openHistoryStore({
      directory,
      now: () => 1_750_000_000_000,
      log: () => undefined,
      ...options,
    })
    if (!opened.ok) throw new Error(opened.error.message)
    open.push(opened.value)
    return opened.value
  }

  async function append(store: HistoryStore, overrides: Partial<HistoryRecordInput> = {}) {
    const result = await store.append(sampleInput(overrides))
    if (!result.ok) throw new Error(result.error.message)
    return result.value
  }

  async function ids(store: HistoryStore, query: Parameters<HistoryStore['query']>[0] = {}) {
    const page = await store.query(query)
    if (!page.ok) throw new Error(page.error.message)
    return page.value.items.map((item) => item.id)
  }

  return { folders, openStore, append, ids }
}
