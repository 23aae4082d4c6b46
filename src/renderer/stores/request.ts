import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { RequestAuth, ResponseRecord } from '../../shared/requests.ts'
import type { AppError } from '../../shared/result.ts'
import type { UploadInput } from '../../shared/uploads.ts'
import { getBridge } from '../bridge.ts'

export interface RunningRequest {
  requestId: string
  endpoint: string
  startedAt: number
  phase: 'upload' | 'download'
  bytes: number
  totalBytes: number | null
}

/** The request in flight and the last answer (or the reason there was none). */
export const useRequestStore = defineStore('request', () => {
  const running = ref<RunningRequest | null>(null)
  const response = shallowRef<ResponseRecord | null>(null)
  const error = ref<AppError | null>(null)
  const isSending = computed(() => running.value !== null)
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

  async function send(
    origin: string,
    endpoint: string,
    body: string,
    auth: RequestAuth,
    upload?: UploadInput,
  ) {
    const bridge = getBridge()
    if (!bridge || running.value) return
    listenForProgress()
    const requestId = crypto.randomUUID()
    running.value = {
      requestId,
      endpoint,
      startedAt: performance.now(),
      phase: upload ? 'upload' : 'download',
      bytes: 0,
      totalBytes: null,
    }
    const result = await bridge.requests.send({
      requestId,
      origin,
      endpoint,
      body,
      auth,
      ...(upload ? { upload } : {}),
    })
    running.value = null
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

  return { running, response, error, isSending, send, cancel }
})
