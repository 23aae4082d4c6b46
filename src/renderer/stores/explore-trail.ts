import { defineStore } from 'pinia'
import { computed, ref, shallowRef, watch } from 'vue'
import type { ResponseRecord, SendRequestInput } from '../../shared/requests.ts'
import { secretFieldsFor } from '../../shared/secret-fields.ts'
import { useRequestStore } from './request.ts'

/** One step of an exploration: a request sent and what came back. */
export interface TrailStep {
  endpoint: string
  body: string
  /** What the breadcrumb shows beside the endpoint, e.g. the id that was followed. */
  detail: string
  sent: Omit<SendRequestInput, 'requestId'>
  response: ResponseRecord
}

const keep = 50

/**
 * A short reminder of what a body asked for: its first id-like or string value. Never a secret
 * (the token `i`, a password, a 2FA code…): the breadcrumb stays on screen for anyone to read.
 */
export function stepDetail(endpoint: string, body: string): string {
  try {
    const parsed: unknown = JSON.parse(body)
    if (!parsed || typeof parsed !== 'object') return ''
    const secrets = secretFieldsFor(endpoint, 'request')
    const entries = Object.entries(parsed as Record<string, unknown>).filter(
      ([key, value]) =>
        key !== 'i' &&
        !secrets.topLevel.has(key) &&
        !secrets.anywhere.has(key) &&
        (typeof value === 'string' || typeof value === 'number'),
    )
    const preferred =
      entries.find(([key]) => /Id$|^username$|^query$|^tag$/.test(key)) ?? entries[0]
    return preferred ? String(preferred[1]).slice(0, 40) : ''
  } catch {
    return ''
  }
}

/**
 * The trail of an exploration: every answer is a step (as it is a history entry); back and
 * forward show an earlier step again — its endpoint, body and answer — without sending anything.
 */
export const useExploreTrailStore = defineStore('exploreTrail', () => {
  const request = useRequestStore()
  const steps = shallowRef<TrailStep[]>([])
  const index = ref(-1)
  /** Set while a step is being shown again, so the answer it puts back is not a new step. */
  let restoring: ResponseRecord | null = null

  watch(
    () => request.response,
    (response) => {
      if (!response || response === restoring || !request.lastSent) return
      if (steps.value[index.value]?.response === response) return
      const sent = request.lastSent
      const step: TrailStep = {
        endpoint: response.endpoint,
        body: sent.body,
        detail: stepDetail(response.endpoint, sent.body),
        sent,
        response,
      }
      const kept = [...steps.value.slice(0, index.value + 1), step].slice(-keep)
      steps.value = kept
      index.value = kept.length - 1
    },
  )

  const current = computed(() => steps.value[index.value] ?? null)
  const canGoBack = computed(() => index.value > 0)
  const canGoForward = computed(() => index.value < steps.value.length - 1)

  /** Moves to a step; the caller puts its endpoint and body back into the editor. */
  function goTo(target: number): TrailStep | null {
    const step = steps.value[target]
    if (!step || target === index.value) return null
    index.value = target
    restoring = step.response
    request.lastSent = step.sent
    request.response = step.response
    request.error = null
    return step
  }

  return {
    steps,
    index,
    current,
    canGoBack,
    canGoForward,
    goTo,
    back: () => goTo(index.value - 1),
    forward: () => goTo(index.value + 1),
  }
})
