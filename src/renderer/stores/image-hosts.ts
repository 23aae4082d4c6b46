import { defineStore } from 'pinia'
import { ref } from 'vue'
import { fail } from '../../shared/result.ts'
import { getBridge } from '../bridge.ts'
import { createImageCache } from '../preview/image-cache.ts'

/**
 * The Preview's images and the user's per-server choice about other hosts. Main decides what
 * loads (the server's own origin and its media proxy always; other hosts once the user chose to
 * show them for that server) and keeps the choice; this store remembers which hosts were hidden
 * so the pane can say so, and asks the hidden images again once the user shows them.
 */
export const useImageHostsStore = defineStore('imageHosts', () => {
  /** Server origin → hosts whose images were hidden in this session. */
  const hiddenHosts = ref<Record<string, string[]>>({})
  /** Server origin → bumped when its hidden images should be asked for again. */
  const generation = ref<Record<string, number>>({})
  const failure = ref<string | null>(null)

  const cache = createImageCache({
    fetchImage: async (serverOrigin, url) => {
      const bridge = getBridge()
      if (!bridge) return fail('INTERNAL', 'The page runs outside the app.')
      return bridge.images.fetch(serverOrigin, url)
    },
    createUrl: (blob) => URL.createObjectURL(blob),
    revokeUrl: (url) => URL.revokeObjectURL(url),
    capacity: 300,
  })

  function noteHidden(serverOrigin: string, host: string) {
    const list = hiddenHosts.value[serverOrigin] ?? []
    if (!list.includes(host)) hiddenHosts.value[serverOrigin] = [...list, host]
  }

  async function showOtherHosts(serverOrigin: string) {
    const answer = await getBridge()?.images.setOtherHostsAllowed(serverOrigin, true)
    if (!answer?.ok) {
      failure.value = answer?.error.message ?? null
      return
    }
    failure.value = null
    cache.forgetUnshown(serverOrigin)
    hiddenHosts.value[serverOrigin] = []
    generation.value[serverOrigin] = (generation.value[serverOrigin] ?? 0) + 1
  }

  return { hiddenHosts, generation, failure, cache, noteHidden, showOtherHosts }
})
