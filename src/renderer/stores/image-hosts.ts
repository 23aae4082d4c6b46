import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { ImagePolicy } from '../../shared/contract/images.ts'
import { fail, type AppError, type Result } from '../../shared/result.ts'
import { getBridge } from '../bridge.ts'
import { createImageCache } from '../preview/image-cache.ts'

/** A call to main about the choice that failed: reading it, or saving a change to it. */
export interface ImageChoiceFailure {
  doing: 'read' | 'save'
  error: AppError
}

const outsideTheApp = () => fail('INTERNAL', 'The page runs outside the app.')

/**
 * The Preview's images and the user's per-server choice about other hosts. Main decides what
 * loads (the server's own origin and its media proxy always; other hosts once the user chose to
 * show them for that server) and keeps the choice; this store remembers which hosts were hidden
 * so the pane can say so, and asks the images again once the user shows or hides them.
 */
export const useImageHostsStore = defineStore('imageHosts', () => {
  /** Server origin → hosts whose images were hidden in this session. */
  const hiddenHosts = ref<Record<string, string[]>>({})
  /** Server origin → whether main shows images from other hosts for it (once asked). */
  const otherHostsAllowed = ref<Record<string, boolean>>({})
  /** Server origin → bumped when its images should be asked for again. */
  const generation = ref<Record<string, number>>({})
  const failure = ref<ImageChoiceFailure | null>(null)

  const cache = createImageCache({
    fetchImage: async (serverOrigin, url) => {
      const bridge = getBridge()
      if (!bridge) return outsideTheApp()
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

  /** Keeps main's answer; true when it is the policy, false when it failed (see `failure`). */
  function settle(doing: ImageChoiceFailure['doing'], answer: Result<ImagePolicy>) {
    if (!answer.ok) {
      failure.value = { doing, error: answer.error }
      return false
    }
    failure.value = null
    otherHostsAllowed.value[answer.value.serverOrigin] = answer.value.otherHostsAllowed
    return true
  }

  /**
   * Asks main once per server: the choice may come from an earlier session, and after that only
   * this store changes it. A failed read is asked again next time.
   */
  async function loadPolicy(serverOrigin: string) {
    if (serverOrigin in otherHostsAllowed.value) return
    const answer = (await getBridge()?.images.getPolicy(serverOrigin)) ?? outsideTheApp()
    settle('read', answer)
  }

  function askAgain(serverOrigin: string) {
    generation.value[serverOrigin] = (generation.value[serverOrigin] ?? 0) + 1
  }

  async function showOtherHosts(serverOrigin: string) {
    const bridge = getBridge()
    const answer =
      (await bridge?.images.setOtherHostsAllowed(serverOrigin, true)) ?? outsideTheApp()
    if (!settle('save', answer)) return
    cache.forgetUnshown(serverOrigin)
    hiddenHosts.value[serverOrigin] = []
    askAgain(serverOrigin)
  }

  /** Takes the choice back: images from other hosts already shown are asked again, and hide. */
  async function hideOtherHosts(serverOrigin: string) {
    const bridge = getBridge()
    const answer =
      (await bridge?.images.setOtherHostsAllowed(serverOrigin, false)) ?? outsideTheApp()
    if (!settle('save', answer)) return
    cache.forgetShown(serverOrigin)
    askAgain(serverOrigin)
  }

  return {
    hiddenHosts,
    otherHostsAllowed,
    generation,
    failure,
    cache,
    noteHidden,
    loadPolicy,
    showOtherHosts,
    hideOtherHosts,
  }
})
