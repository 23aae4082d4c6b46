import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { HistorySummary } from '../../shared/history.ts'
import type { Result } from '../../shared/result.ts'
import { createHistoryService, type HistoryService } from './history-service.ts'
import { sampleInput } from './testing/history-fixtures.ts'
import { tempFolders } from './testing/temp-folder.ts'

const folders = tempFolders()
const services: HistoryService[] = []
afterEach(async () => {
  await Promise.all(services.splice(0).map((service) => service.close()))
  await folders.removeAll()
})

function service(directory: string, appended: Array<Result<HistorySummary>> = []) {
  const created = createHistoryService({
    directory,
    now: Date.now,
    log: () => undefined,
    emitAppended: (result) => appended.push(result),
  })
  services.push(created)
  return created
}

describe('the history service', () => {
  it('records, announces each entry once it is on disk, and searches', async () => {
    const appended: Array<Result<HistorySummary>> = []
    const history = service(await folders.make('history-'), appended)
    const recorded = await history.record(sampleInput({ requestBody: '{ "text": "walrus" }' }))
    expect(appended).toEqual([recorded])
    const page = await history.search({ text: 'walrus' })
    expect(page.ok && page.value.items.map((item) => item.id)).toEqual([
      recorded.ok ? recorded.value.id : null,
    ])
  })

  it('hands out what start-up found once, so the user is told once', async () => {
    const directory = await folders.make('history-')
    await writeFile(join(directory, 'history.log'), 'this is not a history\n')
    const history = service(directory)
    expect(await history.takeNotices()).toMatchObject({
      ok: true,
      value: [{ code: 'DAMAGED_FILE_SET_ASIDE', recoveredEntries: 0 }],
    })
    expect(await history.takeNotices()).toEqual({ ok: true, value: [] })
  })

  it('answers every call with the reason when the folder is held by another instance', async () => {
    const directory = await folders.make('history-')
    const first = service(directory)
    await first.search({})
    const appended: Array<Result<HistorySummary>> = []
    const second = service(directory, appended)
    expect(await second.search({})).toMatchObject({ ok: false, error: { code: 'STORAGE_LOCKED' } })
    await second.record(sampleInput())
    expect(appended).toMatchObject([{ ok: false, error: { code: 'STORAGE_LOCKED' } }])
    expect(await first.record(sampleInput())).toMatchObject({ ok: true })
  })
})
