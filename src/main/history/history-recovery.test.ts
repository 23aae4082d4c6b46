import { appendFile, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openHistoryStore, type HistoryStore, type HistoryStoreOptions } from './history-store.ts'
import { sampleInput } from './testing/history-fixtures.ts'
import { tempFolders } from './testing/temp-folder.ts'

const folders = tempFolders()
const open: HistoryStore[] = []
afterEach(async () => {
  await Promise.all(open.splice(0).map((store) => store.close()))
  await folders.removeAll()
})

const now = () => Date.UTC(2025, 5, 1, 12, 0, 0)

async function openStore(directory: string, options: Partial<HistoryStoreOptions> = {}) {
  const opened = await openHistoryStore({ directory, now, log: () => undefined, ...options })
  if (!opened.ok) throw new Error(opened.error.message)
  open.push(opened.value)
  return opened.value
}

async function withEntries(count: number) {
  const directory = await folders.make('history-')
  const store = await openStore(directory)
  const ids: string[] = []
  for (let index = 0; index < count; index++) {
    const result = await store.append(sampleInput({ endpoint: `endpoint${index}` }))
    if (result.ok) ids.push(result.value.id)
  }
  await store.close()
  open.splice(open.indexOf(store), 1)
  return { directory, ids, logPath: join(directory, 'history.log') }
}

async function listed(store: HistoryStore) {
  const page = await store.query({ limit: 500 })
  return page.ok ? page.value.items.map((item) => item.id) : []
}

const diskFull = () =>
  Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' })

describe('a damaged or torn history file', () => {
  it('cuts off a torn last line (a crash mid-append) quietly and goes on appending', async () => {
    const { directory, ids, logPath } = await withEntries(3)
    await appendFile(logPath, '0badc0de {"type":"add","entry":{"id":"half-writ')
    const store = await openStore(directory)
    expect(store.notices).toEqual([])
    expect(await listed(store)).toEqual([...ids].reverse())
    const added = await store.append(sampleInput())
    await store.close()
    const reopened = await openStore(directory)
    expect(reopened.notices).toEqual([])
    expect(await listed(reopened)).toEqual([added.ok ? added.value.id : '', ...[...ids].reverse()])
  })

  it('sets a damaged file aside with a date, keeps every readable entry and says so', async () => {
    const { directory, ids, logPath } = await withEntries(4)
    const original = await readFile(logPath, 'utf8')
    const lines = original.split('\n')
    lines[2] = lines[2]!.replace('endpoint1', 'endpointX') // the second entry, checksum now wrong
    await writeFile(logPath, lines.join('\n'))
    const logged: string[] = []
    const store = await openStore(directory, { log: (message) => logged.push(message) })
    expect(store.notices).toEqual([
      expect.objectContaining({
        code: 'DAMAGED_FILE_SET_ASIDE',
        setAsidePath: `${logPath}.damaged-2025-06-01T12-00-00-000Z`,
        recoveredEntries: 3,
        unreadableLines: 1,
      }),
    ])
    expect(logged.join('\n')).toContain('unreadable')
    expect(await listed(store)).toEqual([ids[3], ids[2], ids[0]])
    expect(await readFile(store.notices[0]!.setAsidePath, 'utf8')).toBe(lines.join('\n'))
    await store.close()
    // The rewritten log is clean: the next start has nothing to say.
    const reopened = await openStore(directory)
    expect(reopened.notices).toEqual([])
    expect(await listed(reopened)).toEqual([ids[3], ids[2], ids[0]])
  })

  it('sets aside a file that is not a history at all and starts empty', async () => {
    const directory = await folders.make('history-')
    await writeFile(join(directory, 'history.log'), 'this is not a log\nat all')
    const store = await openStore(directory)
    expect(store.notices).toMatchObject([{ code: 'DAMAGED_FILE_SET_ASIDE', recoveredEntries: 0 }])
    expect(await listed(store)).toEqual([])
    expect((await store.append(sampleInput())).ok).toBe(true)
  })

  it('still lists an entry whose body file went missing, and says its bodies are gone', async () => {
    const { directory, ids } = await withEntries(1)
    const id = ids[0]!
    await rm(join(directory, 'bodies', id.slice(0, 2), `${id}.json`))
    const store = await openStore(directory)
    const entry = await store.get(id)
    expect(entry).toMatchObject({
      ok: true,
      value: { bodiesMissing: true, response: null, endpoint: 'endpoint0' },
    })
  })
})

describe('a disk that fails', () => {
  it('reports a full disk while saving a body and records nothing', async () => {
    const { directory } = await withEntries(0)
    let full = true
    const store = await openStore(directory, {
      io: {
        writeFileAtomic: async (path, data) => {
          if (full) throw diskFull()
          await writeFile(path, data)
        },
      },
    })
    expect(await store.append(sampleInput())).toMatchObject({
      ok: false,
      error: { code: 'STORAGE_FULL' },
    })
    expect(await listed(store)).toEqual([])
    full = false
    expect((await store.append(sampleInput())).ok).toBe(true)
  })

  it('cuts off a half-written log line when the disk fills mid-append, and nothing is lost', async () => {
    const { directory, ids } = await withEntries(2)
    let full = true
    const store = await openStore(directory, {
      io: {
        writeAt: async (handle, data, position) => {
          if (!full) {
            await handle.write(data, 0, data.length, position)
            return
          }
          await handle.write(data, 0, 20, position) // part of the line lands, then the disk is full
          throw diskFull()
        },
      },
    })
    expect(await store.append(sampleInput())).toMatchObject({
      ok: false,
      error: { code: 'STORAGE_FULL' },
    })
    full = false
    const added = await store.append(sampleInput({ endpoint: 'after' }))
    expect(added.ok).toBe(true)
    await store.close()
    const reopened = await openStore(directory)
    expect(reopened.notices).toEqual([])
    expect(await listed(reopened)).toEqual([added.ok ? added.value.id : '', ids[1], ids[0]])
    // The failed entry's body file went with it.
    const bodyFiles = await readdir(join(directory, 'bodies'), { recursive: true })
    expect(bodyFiles.filter((name) => name.endsWith('.json'))).toHaveLength(3)
  })

  it('reports a folder it may not write to', async () => {
    const { directory } = await withEntries(0)
    const denied = Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' })
    const store = await openStore(directory, {
      io: { writeFileAtomic: () => Promise.reject(denied) },
    })
    expect(await store.append(sampleInput())).toMatchObject({
      ok: false,
      error: { code: 'STORAGE_NOT_WRITABLE' },
    })
  })

  it('reports a history folder that cannot be created', async () => {
    const directory = await folders.make('history-')
    await writeFile(join(directory, 'file'), '')
    const opened = await openHistoryStore({
      directory: join(directory, 'file', 'history'),
      now,
      log: () => undefined,
    })
    expect(opened).toMatchObject({ ok: false, error: { code: 'STORAGE_FAILED' } })
  })

  it('cannot start on a full disk, and says why', async () => {
    const directory = await folders.make('history-')
    const opened = await openHistoryStore({
      directory,
      now,
      log: () => undefined,
      io: { writeFileAtomic: () => Promise.reject(diskFull()) },
    })
    expect(opened).toMatchObject({ ok: false, error: { code: 'STORAGE_FULL' } })
    // It let go of its lock on the way out.
    expect((await openStore(directory)).notices).toEqual([])
  })
})

describe('two writers', () => {
  it('refuses a second store on the same folder while the first is open, then allows it', async () => {
    const directory = await folders.make('history-')
    const first = await openStore(directory)
    const second = await openHistoryStore({ directory, now, log: () => undefined })
    expect(second).toMatchObject({ ok: false, error: { code: 'STORAGE_LOCKED' } })
    await first.close()
    expect((await openStore(directory)).notices).toEqual([])
  })
})
