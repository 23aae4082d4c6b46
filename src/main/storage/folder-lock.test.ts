import { spawn } from 'node:child_process'
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { afterEach, expect, it } from 'vitest'
import { tempFolders } from '../history/testing/temp-folder.ts'
import { acquireFolderLock } from './folder-lock.ts'

const folders = tempFolders()
afterEach(() => folders.removeAll())
const now = () => 1_750_000_000_000

const holder = (pid: number, host = hostname()) => JSON.stringify({ pid, host, acquiredAt: 1 })

it('writes the pid, refuses a second holder in this process, and lets go on release', async () => {
  const folder = await folders.make('lock-')
  const first = await acquireFolderLock(folder, { now })
  if (!first.ok) throw new Error(first.error.message)
  expect(first.value.tookOverStale).toBe(false)
  expect(JSON.parse(await readFile(join(folder, 'lock'), 'utf8'))).toMatchObject({
    pid: process.pid,
  })
  expect(await acquireFolderLock(folder, { now })).toMatchObject({
    ok: false,
    error: { code: 'STORAGE_LOCKED' },
  })
  await first.value.release()
  expect(await readdir(folder)).toEqual([])
  const again = await acquireFolderLock(folder, { now })
  expect(again.ok).toBe(true)
  if (again.ok) await again.value.release()
})

it('refuses while the process named in the lock runs, takes over once it is gone', async () => {
  const folder = await folders.make('lock-')
  const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)'], { stdio: 'ignore' })
  await writeFile(join(folder, 'lock'), holder(other.pid!))
  const refused = await acquireFolderLock(folder, { now })
  expect(refused).toMatchObject({ ok: false, error: { code: 'STORAGE_LOCKED' } })
  expect(refused.ok || refused.error.message).toContain(String(other.pid))
  const exited = new Promise((resolve) => other.on('exit', resolve))
  other.kill('SIGKILL')
  await exited
  const taken = await acquireFolderLock(folder, { now })
  expect(taken).toMatchObject({ ok: true, value: { tookOverStale: true } })
  if (taken.ok) await taken.value.release()
})

it('takes over a lock whose file is unreadable', async () => {
  const folder = await folders.make('lock-')
  await writeFile(join(folder, 'lock'), '')
  const taken = await acquireFolderLock(folder, { now, isProcessAlive: () => true })
  expect(taken).toMatchObject({ ok: true, value: { tookOverStale: true } })
  if (taken.ok) await taken.value.release()
})

it('takes over a lock left by an earlier run that had our pid', async () => {
  const folder = await folders.make('lock-')
  await writeFile(join(folder, 'lock'), holder(process.pid))
  const taken = await acquireFolderLock(folder, { now })
  expect(taken).toMatchObject({ ok: true, value: { tookOverStale: true } })
  if (taken.ok) await taken.value.release()
})

it('refuses a lock held from another computer, since it cannot tell whether that one runs', async () => {
  const folder = await folders.make('lock-')
  await writeFile(join(folder, 'lock'), holder(1234, 'elsewhere.example'))
  const refused = await acquireFolderLock(folder, { now, isProcessAlive: () => false })
  expect(refused).toMatchObject({ ok: false, error: { code: 'STORAGE_LOCKED' } })
})

it('lets exactly one of several racing takers have a stale lock', async () => {
  const folder = await folders.make('lock-')
  await writeFile(join(folder, 'lock'), holder(999_999_999))
  const results = await Promise.all(
    Array.from({ length: 6 }, () =>
      acquireFolderLock(folder, { now, isProcessAlive: () => false }),
    ),
  )
  expect(results.filter((result) => result.ok)).toHaveLength(1)
  for (const result of results) if (result.ok) await result.value.release()
})
