import { defineStore } from 'pinia'
import { ref, watch } from 'vue'
import { httpUrl } from '../preview/safe-url.ts'

const storageKey = 'explorer.imageHosts'

function restore(): Record<string, string[]> {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(storageKey) ?? '{}')
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return {}
    return Object.fromEntries(
      Object.entries(parsed).filter(
        (entry): entry is [string, string[]] =>
          Array.isArray(entry[1]) && entry[1].every((host) => typeof host === 'string'),
      ),
    )
  } catch {
    return {}
  }
}

/**
 * Which hosts the preview may load images from, per server. The server's own origin always; any
 * other host (a remote user's avatar, object storage, a media proxy elsewhere) only once the user
 * allowed it for that server: loading an image tells its host that someone looked.
 */
export const useImageHostsStore = defineStore('imageHosts', () => {
  const allowed = ref<Record<string, string[]>>(restore())
  watch(allowed, (value) => localStorage.setItem(storageKey, JSON.stringify(value)), {
    deep: true,
  })

  /** The image's URL when it may load for this server; null when it must wait for consent. */
  function loadable(serverOrigin: string | null, url: unknown): string | null {
    const safe = httpUrl(url)
    if (!safe || !serverOrigin) return null
    const target = new URL(safe)
    if (target.origin === serverOrigin) return safe
    return (allowed.value[serverOrigin] ?? []).includes(target.host) ? safe : null
  }

  function allow(serverOrigin: string, url: string) {
    const safe = httpUrl(url)
    if (!safe) return
    const host = new URL(safe).host
    const list = allowed.value[serverOrigin] ?? []
    if (!list.includes(host)) allowed.value[serverOrigin] = [...list, host]
  }

  return { allowed, loadable, allow }
})
