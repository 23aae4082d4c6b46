import { shallowRef, type ShallowRef } from 'vue'
import type { ExplorerBridge } from '../../shared/contract/index.ts'
import type { AppError, Result } from '../../shared/result.ts'
import { getBridge } from '../bridge.ts'

export type LoadState<T> =
  { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error'; error: AppError }

export interface EndpointLoader<T> {
  /** The state for the endpoint asked for last. */
  current: ShallowRef<LoadState<T> | null>
  load(origin: string | null, endpoint: string | null): Promise<void>
  clear(): void
}

/**
 * Fetches something per endpoint from main (its schema, its docs) once, keeps it, and makes sure
 * a slow answer for an endpoint the user already left does not replace the one now shown.
 */
export function createEndpointLoader<T>(
  ask: (bridge: ExplorerBridge, origin: string, endpoint: string) => Promise<Result<T>>,
): EndpointLoader<T> {
  const cache = new Map<string, LoadState<T>>()
  const current = shallowRef<LoadState<T> | null>(null)
  let wanted = ''

  async function load(origin: string | null, endpoint: string | null) {
    const bridge = getBridge()
    if (!origin || !endpoint || !bridge) {
      wanted = ''
      current.value = null
      return
    }
    const key = `${origin} ${endpoint}`
    wanted = key
    const known = cache.get(key)
    if (known && known.status !== 'error') {
      current.value = known
      return
    }
    current.value = { status: 'loading' }
    cache.set(key, current.value)
    const result = await ask(bridge, origin, endpoint)
    const state: LoadState<T> = result.ok
      ? { status: 'ready', value: result.value }
      : { status: 'error', error: result.error }
    cache.set(key, state)
    if (wanted === key) current.value = state
  }

  return { current, load, clear: () => cache.clear() }
}
