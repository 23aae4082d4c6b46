import type { ImageAnswer, ImagePolicy } from '../../shared/contract/images.ts'
import { ok, type Result } from '../../shared/result.ts'
import type { SettingsFile } from '../settings/app-settings.ts'
import { fetchImage } from './image-fetcher.ts'
import { createMediaProxyLookup } from './media-proxy.ts'

export interface ImageServiceDependencies {
  fetch: typeof fetch
  settings: SettingsFile
  maxBytes?: number
}

export interface ImageService {
  fetch(serverOrigin: string, url: string): Promise<Result<ImageAnswer>>
  getPolicy(serverOrigin: string): Promise<Result<ImagePolicy>>
  setOtherHostsAllowed(serverOrigin: string, allowed: boolean): Promise<Result<ImagePolicy>>
}

/**
 * The Preview's images. The server's own origin and its media proxy load by default; any other
 * host (object storage, a remote server) only once the user chose to show them for that server,
 * a choice kept in settings.json: loading an image tells its host that someone looked.
 */
export function createImageService(dependencies: ImageServiceDependencies): ImageService {
  const proxies = createMediaProxyLookup(dependencies.fetch)

  async function otherHostsAllowed(serverOrigin: string): Promise<boolean> {
    const settings = await dependencies.settings.read()
    return settings.imagesFromOtherHosts.includes(serverOrigin)
  }

  return {
    async fetch(serverOrigin, url) {
      const [proxyOrigin, allowAll] = await Promise.all([
        proxies.mediaProxyOrigin(serverOrigin),
        otherHostsAllowed(serverOrigin),
      ])
      const answer = await fetchImage(url, {
        fetch: dependencies.fetch,
        maxBytes: dependencies.maxBytes,
        hostVerdict: (target) =>
          allowAll || target.origin === serverOrigin || target.origin === proxyOrigin
            ? 'allowed'
            : 'hidden',
      })
      return ok(answer)
    },
    async getPolicy(serverOrigin) {
      return ok({ serverOrigin, otherHostsAllowed: await otherHostsAllowed(serverOrigin) })
    },
    async setOtherHostsAllowed(serverOrigin, allowed) {
      await dependencies.settings.update((settings) => {
        const others = settings.imagesFromOtherHosts.filter((origin) => origin !== serverOrigin)
        return { ...settings, imagesFromOtherHosts: allowed ? [...others, serverOrigin] : others }
      })
      return ok({ serverOrigin, otherHostsAllowed: allowed })
    },
  }
}
