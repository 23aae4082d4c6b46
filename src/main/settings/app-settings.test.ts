import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createSettingsFile } from './app-settings.ts'

let directory: string
beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'explorer-settings-'))
})
afterEach(async () => {
  await rm(directory, { recursive: true, force: true })
})

describe('the interface language in the settings file', () => {
  it('follows the system until the user picks one, and keeps the choice on disk', async () => {
    const path = join(directory, 'settings.json')
    const settings = createSettingsFile(path, () => undefined)
    expect((await settings.read()).language).toBe('system')
    await settings.update((value) => ({ ...value, language: 'ja' }))
    expect(JSON.parse(await readFile(path, 'utf8'))).toMatchObject({ language: 'ja' })
    const reopened = createSettingsFile(path, () => undefined)
    expect((await reopened.read()).language).toBe('ja')
  })

  it('reads a file from before the switch existed, or with a language it does not know', async () => {
    const path = join(directory, 'settings.json')
    await writeFile(path, JSON.stringify({ collectionDirectory: '/tmp/c', language: 'fr' }))
    const settings = await createSettingsFile(path, () => undefined).read()
    expect(settings).toMatchObject({ collectionDirectory: '/tmp/c', language: 'system' })
  })
})
