import { onBeforeUnmount, ref, watch } from 'vue'
import type { ImageOutcome } from '../preview/image-cache.ts'
import { httpUrl } from '../preview/safe-url.ts'
import { useImageHostsStore } from '../stores/image-hosts.ts'

/**
 * An image of a server (an avatar, an emoji, a thumbnail) as the page may show it: its bytes come
 * from main (no cookie, no token, bounded) and show from a blob: URL, the only image source the
 * CSP allows. The shared cache makes one fetch per image and revokes what no element shows.
 */
export function useBridgedImage(serverOrigin: () => string | null, source: () => unknown) {
  const hosts = useImageHostsStore()
  const outcome = ref<ImageOutcome | null>(null)
  let held: { server: string; address: string } | null = null

  function release() {
    if (held) hosts.cache.release(held.server, held.address)
    held = null
  }

  watch(
    [() => httpUrl(source()), serverOrigin, () => hosts.generation[serverOrigin() ?? ''] ?? 0],
    ([address, server]) => {
      release()
      if (!address || !server) {
        outcome.value = address
          ? { state: 'hidden', host: new URL(address).host }
          : { state: 'failed' }
        return
      }
      const mine = { server, address }
      held = mine
      outcome.value = hosts.cache.peek(server, address)
      void hosts.cache.acquire(server, address).then((answer) => {
        if (held !== mine) return
        outcome.value = answer
        if (answer.state === 'hidden') hosts.noteHidden(server, answer.host)
      })
    },
    { immediate: true },
  )
  onBeforeUnmount(release)
  return outcome
}
