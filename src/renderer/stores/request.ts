import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { ResponseRecord, SendRequestInput } from '../../shared/requests.ts'
import type { AppError } from '../../shared/result.ts'
import { getBridge } from '../bridge.ts'

export interface RunningRequest {
  requestId: string
  endpoint: string
  startedAt: number
  phase: 'upload' | 'download'
  bytes: number
  totalBytes: number | null
}

/**
 * How long a request runs before the page shows it running (Cancel, elapsed time, progress, the
 * last answer dimmed). An answer sooner than this reads as instant, and is then the first thing
 * drawn after the click: no Send → Cancel → Send flash, and no frame spent on it before the answer.
 */
export const SHOW_RUNNING_AFTER_MS = 100

/** The request in flight and the last answer (or the reason there was none). */
export const useRequestStore = defineStore('request', () => {
  const running = ref<RunningRequest | null>(null)
  const response = shallowRef<ResponseRecord | null>(null)
  /** What was sent for the last answer, e.g. to build the next page from it. */
  const lastSent = shallowRef<Omit<SendRequestInput, 'requestId'> | null>(null)
  const error = ref<AppError | null>(null)
  const isSending = computed(() => running.value !== null)
  /** The request in flight has run for SHOW_RUNNING_AFTER_MS: the page shows it running. */
  const runningLong = ref(false)
  let unsubscribe: (() => void) | null = null

  function listenForProgress() {
    const bridge = getBridge()
    if (unsubscribe || !bridge) return
    unsubscribe = bridge.events.onRequestProgress((progress) => {
      if (running.value?.requestId !== progress.requestId) return
      running.value.phase = progress.phase
      running.value.bytes = progress.bytes
      running.value.totalBytes = progress.totalBytes
    })
  }

  async function send(input: Omit<SendRequestInput, 'requestId'>) {
    const bridge = getBridge()
    if (!bridge || running.value) return
    listenForProgress()
    const requestId = crypto.randomUUID()
    // The request leaves before the page reacts to it: progress comes in later tasks, when
    // `running` is set.
    const sending = bridge.requests.send({ requestId, ...input })
    running.value = {
      requestId,
      endpoint: input.endpoint,
      startedAt: performance.now(),
      phase: input.upload ? 'upload' : 'download',
      bytes: 0,
      totalBytes: null,
    }
    const showRunning = setTimeout(() => (runningLong.value = true), SHOW_RUNNING_AFTER_MS)
    const result = await sending.finally(() => {
      clearTimeout(showRunning)
      running.value = null
      runningLong.value = false
    })
    lastSent.value = input
    if (result.ok) {
      response.value = result.value
      error.value = null
    } else {
      error.value = result.error
      response.value = null
    }
  }

  async function cancel() {
    const bridge = getBridge()
    if (bridge && running.value) await bridge.requests.cancel(running.value.requestId)
  }

  return { running, runningLong, response, lastSent, error, isSending, send, cancel }
})
