import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { Catalog } from '../../shared/catalog.ts'
import { createEndpointIndex } from '../../shared/endpoint-search.ts'
import type { AppError } from '../../shared/result.ts'
import { getBridge } from '../bridge.ts'

export type ServerStatus = 'idle' | 'loading' | 'ready' | 'error'

const bridgeMissing: AppError = {
  code: 'INTERNAL',
  message: 'bridgeMissing',
  detail: { method: 'bridge' },
}

/** The server being explored and its catalog. */
export const useServerStore = defineStore('server', () => {
  const address = ref('')
  const status = ref<ServerStatus>('idle')
  // The catalog is replaced whole, never mutated: no need for deep reactivity over 400 endpoints.
  const catalog = shallowRef<Catalog | null>(null)
  const error = ref<AppError | null>(null)
  let openCounter = 0

  const endpointIndex = computed(() => createEndpointIndex(catalog.value?.endpoints ?? []))
  const host = computed(() => (catalog.value ? new URL(catalog.value.origin).host : ''))

  async function open(typedAddress: string) {
    const bridge = getBridge()
    address.value = typedAddress
    if (!bridge) {
      status.value = 'error'
      error.value = bridgeMissing
      return
    }
    const attempt = ++openCounter
    status.value = 'loading'
    error.value = null
    const result = await bridge.catalog.open(typedAddress)
    // A slower, older attempt must not overwrite the server the user asked for last.
    if (attempt !== openCounter) return
    if (result.ok) {
      catalog.value = result.value
      address.value = result.value.origin
      status.value = 'ready'
    } else {
      error.value = result.error
      status.value = 'error'
    }
  }

  return { address, status, catalog, error, endpointIndex, host, open }
})
