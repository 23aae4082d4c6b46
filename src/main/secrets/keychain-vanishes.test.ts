import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { describe, expect, it } from 'vitest'

// The Secret Service stops in the middle of a session (the keyring daemon quits, the session bus
// goes away): a token main has already read this session is still sent from memory, one it has
// not read fails with a clear message, anonymous requests still work, and no token is written
// anywhere else instead. Needs dbus-daemon and gnome-keyring, which `npm test` provides
// (KEYCHAIN_REQUIRED=1 there).
const keychainExpected = process.env.KEYCHAIN_REQUIRED === '1'

/** A session bus of its own with an unlocked keyring on it, so stopping it touches no other test. */
async function privateKeychain(): Promise<{ address: string; bus: ChildProcess; home: string }> {
  const home = await mkdtemp(join(tmpdir(), 'private-keyring-'))
  const bus = spawn('dbus-daemon', ['--session', '--nofork', '--print-address=1'], {
    stdio: ['ignore', 'pipe', 'ignore'],
  })
  const address = await new Promise<string>((resolve) => {
    createInterface({ input: bus.stdout! }).once('line', (line) => resolve(line.trim()))
  })
  const env = {
    ...process.env,
    DBUS_SESSION_BUS_ADDRESS: address,
    XDG_DATA_HOME: home,
    XDG_RUNTIME_DIR: home,
  }
  spawnSync(
    'sh',
    ['-c', 'printf %s vanishing | gnome-keyring-daemon --unlock --components=secrets'],
    { env, stdio: 'ignore' },
  )
  return { address, bus, home }
}

describe.skipIf(!keychainExpected)('when the keychain disappears mid-session', () => {
  it('unread tokens fail clearly, read ones and anonymous requests work, nothing is written elsewhere', async () => {
    const keychain = await privateKeychain()
    const child = spawn(
      process.execPath,
      [join(import.meta.dirname, 'testing/keychain-vanishes-child.ts')],
      {
        env: {
          ...process.env,
          DBUS_SESSION_BUS_ADDRESS: keychain.address,
          XDG_DATA_HOME: keychain.home,
        },
        stdio: ['pipe', 'pipe', 'inherit'],
      },
    )
    const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]()
    const next = async () => JSON.parse(((await lines.next()).value as string) ?? '{}')
    let childFolder: string | null = null
    try {
      const added = await next()
      childFolder = added.folder
      expect(added).toMatchObject({ step: 'added', sentBefore: { status: 200 } })

      // The Secret Service goes away: the bus it lives on stops, and the keyring daemon with it.
      const busGone = once(keychain.bus, 'exit')
      keychain.bus.kill('SIGKILL')
      await busGone
      child.stdin!.write('send\n')
      const sent = await next()
      expect(sent.usedBefore).toEqual({ status: 200 })
      expect(sent.neverUsed).toMatchObject({ code: 'KEYCHAIN_UNAVAILABLE' })
      expect(sent.neverUsed.message).toMatch(/keychain cannot be used/)
      expect(sent.anonymous).toEqual({ status: 200 })

      const files = await readdir(added.folder, { recursive: true })
      const texts = await Promise.all(
        files.map((name) => readFile(join(added.folder, name), 'utf8').catch(() => '')),
      )
      for (const token of added.tokens) expect(texts.join('\n')).not.toContain(token)
    } finally {
      child.kill()
      keychain.bus.kill()
      for (const folder of [keychain.home, childFolder])
        if (folder) await rm(folder, { recursive: true, force: true })
    }
  })
})
