import { spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, it, onTestFinished } from 'vitest'
import type { CollectionFolder, SavedRequest } from '../../shared/collections.ts'
import { openCollection } from './collection.ts'

const writer = join(import.meta.dirname, 'testing', 'collection-crash-writer.ts')
const nodeFlags = (process.features as { typescript?: unknown }).typescript
  ? []
  : ['--experimental-strip-types', '--no-warnings']

/** Runs the writer, kills it at a random moment, returns what it acknowledged. */
async function runAndKill(directory: string, tag: string): Promise<string[]> {
  const child = spawn(process.execPath, [...nodeFlags, writer, directory, tag], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
  const exited = new Promise((resolve) => child.on('exit', resolve))
  // Let it get going, then kill it anywhere in its work.
  for (let waited = 0; !output.includes('\n') && waited < 5000; waited += 5) {
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
  await new Promise((resolve) => setTimeout(resolve, Math.random() * 150))
  child.kill('SIGKILL')
  await exited
  return output.split('\n').slice(0, -1)
}

function requestsOf(folder: CollectionFolder): SavedRequest[] {
  return folder.children.flatMap((node) =>
    node.kind === 'request'
      ? [node.request]
      : node.kind === 'folder'
        ? requestsOf(node.folder)
        : [],
  )
}

it('a process killed while writing a collection never loses or tears an acknowledged request', async () => {
  const directory = await mkdtemp(join(tmpdir(), 'collection-crash-'))
  onTestFinished(() => rm(directory, { recursive: true, force: true }))
  const versions = new Map<string, number>()
  for (let round = 0; round < 20; round++) {
    for (const line of await runAndKill(directory, `round${round}`)) {
      const [, path, version] = line.split(' ')
      versions.set(path as string, Number(version))
    }
    const listed = await openCollection(directory).list()
    expect(listed.ok, `round ${round}: the collection opens`).toBe(true)
    if (!listed.ok) return
    const invalid = listed.value.root.children.filter((node) => node.kind === 'invalid')
    expect(invalid, `round ${round}: no torn file`).toEqual([])
    const byPath = new Map(requestsOf(listed.value.root).map((request) => [request.path, request]))
    for (const [path, version] of versions) {
      const request = byPath.get(path)
      expect(request, `round ${round}: ${path} is there`).toBeDefined()
      // The acknowledged version, or a later one that finished writing before the kill.
      const written = Number(/version (\d+)/.exec(request?.notes ?? '')?.[1])
      expect(written, `round ${round}: ${path}`).toBeGreaterThanOrEqual(version)
    }
  }
  expect(versions.size).toBeGreaterThan(20)
}, 120_000)
