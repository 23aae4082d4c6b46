import { spawn } from 'node:child_process'
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, expect, it } from 'vitest'
import { openHistoryStore, type HistoryStore } from './history-store.ts'
import { crashBody } from './testing/history-fixtures.ts'
import { tempFolders } from './testing/temp-folder.ts'

const folders = tempFolders()
afterEach(() => folders.removeAll())

const writer = join(import.meta.dirname, 'testing', 'crash-writer.ts')
// Node 22.12–22.17 strips types only when asked; later versions do it by default.
const nodeFlags = (process.features as { typescript?: unknown }).typescript
  ? []
  : ['--experimental-strip-types', '--no-warnings']

/** Starts the writer and resolves once it has acknowledged its first append. */
async function startWriter(directory: string, tag: string) {
  const child = spawn(process.execPath, [...nodeFlags, writer, directory, tag], {
    stdio: ['ignore', 'pipe', 'pipe'],
    // Each writer strips the types of the same files again (and so does its worker thread):
    // Node's compile cache keeps the second start from paying for it again.
    env: { ...process.env, NODE_COMPILE_CACHE: join(directory, '.node-compile-cache') },
  })
  let output = ''
  let errors = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (errors += chunk))
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  // Wait until it is appending, then let it run a random while so kills land anywhere.
  await new Promise<void>((resolve, reject) => {
    const check = setInterval(() => {
      if (output.includes('\n')) done(resolve)
      else if (child.exitCode !== null) done(() => reject(new Error(`writer exited: ${errors}`)))
    }, 2)
    const done = (then: () => void) => {
      clearInterval(check)
      then()
    }
  })
  return {
    /** Kills it with SIGKILL and returns the ids it acknowledged. */
    async kill(): Promise<string[]> {
      child.kill('SIGKILL')
      await exited
      // A line without its newline was being printed when the kill came: not acknowledged.
      return output.split('\n').slice(0, -1)
    },
  }
}

/** Runs the writer, kills it at a random moment, returns the ids it acknowledged. */
async function runAndKill(directory: string, tag: string): Promise<string[]> {
  const running = await startWriter(directory, tag)
  await new Promise((resolve) => setTimeout(resolve, Math.random() * 120))
  return running.kill()
}

async function checkEverythingIsThere(store: HistoryStore, acknowledged: string[]) {
  for (const id of acknowledged) {
    const entry = await store.get(id)
    expect(entry.ok, `acknowledged entry ${id} is missing`).toBe(true)
  }
  // Every entry there (acknowledged or caught by the kill after its fsync) is whole.
  let cursor: string | undefined
  do {
    const page = await store.query({ limit: 500, cursor })
    expect(page.ok).toBe(true)
    if (!page.ok) return
    for (const summary of page.value.items) {
      const entry = await store.get(summary.id)
      expect(entry.ok && !entry.value.bodiesMissing).toBe(true)
      if (!entry.ok) continue
      const { text } = JSON.parse(entry.value.requestBody) as { text: string }
      const [tag, count] = text.split('-')
      expect(entry.value.requestBody).toBe(crashBody(tag!, Number(count)))
      expect(entry.value.response?.body).toEqual({
        kind: 'json',
        text: '{\n  "createdNote": {\n    "id": "9abc",\n    "text": "hello"\n  }\n}',
      })
    }
    cursor = page.value.nextCursor ?? undefined
  } while (cursor)
}

it('loses nothing acknowledged and corrupts nothing when the writer is killed mid-write, again and again', async () => {
  const directory = await folders.make('history-crash-')
  const acknowledged: string[] = []
  const iterations = 24
  for (let iteration = 0; iteration < iterations; iteration++) {
    acknowledged.push(...(await runAndKill(directory, `run${iteration}`)))
    const opened = await openHistoryStore({
      directory,
      now: Date.now,
      log: () => undefined,
    })
    expect(opened.ok, opened.ok ? '' : opened.error.message).toBe(true)
    if (!opened.ok) return
    const store = opened.value
    try {
      // A kill is a crash, not damage: nothing may be set aside.
      expect(store.notices).toEqual([])
      await checkEverythingIsThere(store, acknowledged)
    } finally {
      await store.close()
    }
  }
  expect(acknowledged.length).toBeGreaterThan(iterations)
  // Each open after a kill recovered from the WAL: after the last close there is the database
  // alone: no WAL left behind, no lock.
  expect((await readdir(directory)).filter((name) => !name.startsWith('.')).sort()).toEqual([
    'history.db',
  ])
}, 400_000)

it('refuses a second store while another process has the history open, takes over once it died', async () => {
  const directory = await folders.make('history-lock-')
  const running = await startWriter(directory, 'holder')
  const refused = await openHistoryStore({ directory, now: Date.now, log: () => undefined })
  expect(refused).toMatchObject({ ok: false, error: { code: 'STORAGE_LOCKED' } })
  const acknowledged = await running.kill()
  const opened = await openHistoryStore({ directory, now: Date.now, log: () => undefined })
  expect(opened.ok).toBe(true)
  if (!opened.ok) return
  await checkEverythingIsThere(opened.value, acknowledged)
  await opened.value.close()
})
