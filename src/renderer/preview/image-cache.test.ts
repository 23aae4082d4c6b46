import { describe, expect, it } from 'vitest'
import type { ImageAnswer } from '../../shared/contract/images.ts'
import { ok } from '../../shared/result.ts'
import { createImageCache } from './image-cache.ts'

function world(capacity = 2) {
  const asked: string[] = []
  const revoked: string[] = []
  let made = 0
  const cache = createImageCache({
    fetchImage: async (_server, url) => {
      asked.push(url)
      const answer: ImageAnswer = url.includes('elsewhere')
        ? { kind: 'host-hidden', host: 'elsewhere.example' }
        : { kind: 'image', contentType: 'image/png', bytes: new Uint8Array([1, 2, 3]) }
      return ok(answer)
    },
    createUrl: () => `blob:image-${++made}`,
    revokeUrl: (url) => revoked.push(url),
    capacity,
  })
  return { cache, asked, revoked }
}

const server = 'https://misskey.example'

describe('the preview image cache', () => {
  it('fetches an avatar once however many cards show it', async () => {
    const { cache, asked } = world()
    const [first, second] = await Promise.all([
      cache.acquire(server, `${server}/a.png`),
      cache.acquire(server, `${server}/a.png`),
    ])
    expect(first).toEqual({ state: 'shown', url: 'blob:image-1' })
    expect(second).toBe(first)
    expect(asked).toEqual([`${server}/a.png`])
  })

  it('revokes the blob: URL of an image no card shows once it falls out of the cache', async () => {
    const { cache, revoked } = world(1)
    await cache.acquire(server, `${server}/a.png`)
    await cache.acquire(server, `${server}/b.png`)
    expect(revoked).toEqual([]) // both still shown
    cache.release(server, `${server}/a.png`)
    await Promise.resolve()
    await Promise.resolve()
    expect(revoked).toEqual(['blob:image-1'])
    expect(cache.peek(server, `${server}/b.png`)).toEqual({ state: 'shown', url: 'blob:image-2' })
  })

  it('asks a hidden image again once the user chose to show other hosts', async () => {
    const { cache, asked } = world()
    const url = 'https://elsewhere.example/a.png'
    expect(await cache.acquire(server, url)).toEqual({ state: 'hidden', host: 'elsewhere.example' })
    await cache.acquire(server, url)
    expect(asked).toEqual([url])
    cache.forgetUnshown(server)
    await cache.acquire(server, url)
    expect(asked).toEqual([url, url])
  })
})
