import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { startLocalServer, type LocalServer } from '../../../test-kit/support/local-server.ts'
import { createSettingsFile } from '../settings/app-settings.ts'
import { createImageService } from './image-service.ts'

const png = Buffer.from('89504e470d0a1a0a', 'hex')
const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

async function imageHost(extra?: (path: string) => object | undefined): Promise<LocalServer> {
  const server = await startLocalServer((request, response) => {
    const meta = extra?.(request.url ?? '')
    if (meta) {
      response.writeHead(200, { 'content-type': 'application/json' })
      response.end(JSON.stringify(meta))
      return
    }
    response.writeHead(200, { 'content-type': 'image/png' })
    response.end(png)
  })
  cleanups.push(() => server.close())
  return server
}

async function world() {
  const proxy = await imageHost()
  const storage = await imageHost()
  const server = await imageHost((path) =>
    path === '/api/meta' ? { name: 'Test', mediaProxy: `${proxy.origin}/proxy` } : undefined,
  )
  const directory = await mkdtemp(join(tmpdir(), 'image-service-'))
  cleanups.push(() => rm(directory, { recursive: true, force: true }))
  const settingsPath = join(directory, 'settings.json')
  const settings = createSettingsFile(settingsPath, () => undefined)
  return { proxy, storage, server, settingsPath, images: createImageService({ fetch, settings }) }
}

describe('the image service', () => {
  it("loads the server's own images and its media proxy's, and hides other hosts until the user shows them", async () => {
    const { proxy, storage, server, settingsPath, images } = await world()
    const kind = async (url: string) => {
      const answer = await images.fetch(server.origin, url)
      return answer.ok ? answer.value.kind : answer.error.code
    }
    expect(await kind(`${server.origin}/identicon/alice`)).toBe('image')
    expect(await kind(`${proxy.origin}/proxy/avatar.webp?url=x`)).toBe('image')
    expect(await images.fetch(server.origin, `${storage.origin}/files/a.png`)).toEqual({
      ok: true,
      value: { kind: 'host-hidden', host: new URL(storage.origin).host },
    })

    expect(await images.setOtherHostsAllowed(server.origin, true)).toEqual({
      ok: true,
      value: { serverOrigin: server.origin, otherHostsAllowed: true },
    })
    expect(await kind(`${storage.origin}/files/a.png`)).toBe('image')
    // Kept by main for the next session, for this server only.
    const saved = JSON.parse(await readFile(settingsPath, 'utf8')) as Record<string, unknown>
    expect(saved.imagesFromOtherHosts).toEqual([server.origin])
    expect(await images.getPolicy('https://other.example')).toEqual({
      ok: true,
      value: { serverOrigin: 'https://other.example', otherHostsAllowed: false },
    })

    await images.setOtherHostsAllowed(server.origin, false)
    expect(await kind(`${storage.origin}/files/a.png`)).toBe('host-hidden')
  })
})
