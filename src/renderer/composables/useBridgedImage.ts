import { onBeforeUnmount, ref, watch } from 'vue'
import type { ImageLease, ImageOutcome } from '../preview/image-cache.ts'
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
  let held: { server: string; address: string; lease: ImageLease } | null = null

  function release() {
    held?.lease.release()
    held = null
  }

  watch(
    [() => httpUrl(source()), serverOrigin, () => hosts.generation[serverOrigin() ?? ''] ?? 0],
    ([address, server]) => {
      if (!address || !server) {
        release()
        outcome.value = address
          ? { state: 'hidden', host: new URL(address).host }
          : { state: 'failed' }
        return
      }
      const previous = held
      const mine = { server, address, lease: hosts.cache.acquire(server, address) }
      held = mine
      const known = hosts.cache.peek(server, address)
      // Asked again after "Show" or "Hide": keep what shows until main answers, so the server's
      // own images do not blink; a different image starts from what the cache knows.
      const askedAgain = previous?.server === server && previous.address === address
      if (known || !askedAgain) {
        previous?.lease.release()
        outcome.value = known
      }
      void mine.lease.outcome.then((answer) => {
        if (askedAgain && !known) previous?.lease.release()
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
