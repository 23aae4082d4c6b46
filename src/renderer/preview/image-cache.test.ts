import { describe, expect, it } from 'vitest'
import type { ImageAnswer } from '../../shared/contract/images.ts'
import { ok } from '../../shared/result.ts'
import { createImageCache } from './image-cache.ts'

/** A cache whose main shows `elsewhere` images only while `choice.otherHosts` is true. */
function world(capacity = 2) {
  const asked: string[] = []
  const revoked: string[] = []
  const choice = { otherHosts: false }
  let made = 0
  const cache = createImageCache({
    fetchImage: async (_server, url) => {
      asked.push(url)
      const answer: ImageAnswer =
        url.includes('elsewhere') && !choice.otherHosts
          ? { kind: 'host-hidden', host: 'elsewhere.example' }
          : { kind: 'image', contentType: 'image/png', bytes: new Uint8Array([1, 2, 3]) }
      return ok(answer)
    },
    createUrl: () => `blob:image-${++made}`,
    revokeUrl: (url) => revoked.push(url),
    capacity,
  })
  return { cache, asked, revoked, choice }
}

const server = 'https://misskey.example'
const elsewhere = 'https://elsewhere.example/a.png'
const settle = async () => {
  for (let turn = 0; turn < 3; turn++) await Promise.resolve()
}

describe('the preview image cache', () => {
  it('fetches an avatar once however many cards show it', async () => {
    const { cache, asked } = world()
    const [first, second] = await Promise.all([
      cache.acquire(server, `${server}/a.png`).outcome,
      cache.acquire(server, `${server}/a.png`).outcome,
    ])
    expect(first).toEqual({ state: 'shown', url: 'blob:image-1' })
    expect(second).toBe(first)
    expect(asked).toEqual([`${server}/a.png`])
  })

  it('revokes the blob: URL of an image no card shows once it falls out of the cache', async () => {
    const { cache, revoked } = world(1)
    const first = cache.acquire(server, `${server}/a.png`)
    await first.outcome
    await cache.acquire(server, `${server}/b.png`).outcome
    expect(revoked).toEqual([]) // both still shown
    first.release()
    await settle()
    expect(revoked).toEqual(['blob:image-1'])
    expect(cache.peek(server, `${server}/b.png`)).toEqual({ state: 'shown', url: 'blob:image-2' })
  })

  it('asks a hidden image again once the user chose to show other hosts', async () => {
    const { cache, asked } = world()
    expect(await cache.acquire(server, elsewhere).outcome).toEqual({
      state: 'hidden',
      host: 'elsewhere.example',
    })
    await cache.acquire(server, elsewhere).outcome
    expect(asked).toEqual([elsewhere])
    cache.forgetUnshown(server)
    await cache.acquire(server, elsewhere).outcome
    expect(asked).toEqual([elsewhere, elsewhere])
  })

  it('asks a shown image again once the user hid other hosts, and frees it when its card lets go', async () => {
    const { cache, asked, revoked, choice } = world()
    choice.otherHosts = true
    const shown = cache.acquire(server, elsewhere)
    expect(await shown.outcome).toEqual({ state: 'shown', url: 'blob:image-1' })

    choice.otherHosts = false
    cache.forgetShown(server)
    const again = cache.acquire(server, elsewhere)
    expect(await again.outcome).toEqual({ state: 'hidden', host: 'elsewhere.example' })
    expect(asked).toEqual([elsewhere, elsewhere])
    await settle()
    expect(revoked).toEqual([]) // the card still draws it until it takes the new answer
    shown.release()
    await settle()
    expect(revoked).toEqual(['blob:image-1'])
  })

  it('keeps counting the cards of an image asked again, whenever the old holds are let go', async () => {
    const { cache, revoked } = world(1)
    const own = `${server}/own.png`
    const old = [cache.acquire(server, own), cache.acquire(server, own)]
    await old[0]!.outcome
    cache.forgetShown(server)
    const renewed = [cache.acquire(server, own), cache.acquire(server, own)]
    for (const lease of old) lease.release()
    renewed[0]!.release()
    expect(await renewed[1]!.outcome).toEqual({ state: 'shown', url: 'blob:image-2' })
    // Another image pushes the cache past its capacity: the one a card still shows stays.
    await cache.acquire(server, `${server}/other.png`).outcome
    await settle()
    expect(revoked).toEqual(['blob:image-1'])
    expect(cache.peek(server, own)).toEqual({ state: 'shown', url: 'blob:image-2' })
  })
})
