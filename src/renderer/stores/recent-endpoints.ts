import { defineStore } from 'pinia'
import { ref, watch } from 'vue'

const storageKey = 'explorer.recentEndpoints'
const keep = 8

function restore(): Record<string, string[]> {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(storageKey) ?? '{}')
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, string[]>) : {}
  } catch {
    return {}
  }
}

/** The endpoints used last on each server, newest first; the palette lists them before the rest. */
export const useRecentEndpointsStore = defineStore('recentEndpoints', () => {
  // Endpoint names are not secret, so they may live in the page's own storage.
  const byOrigin = ref<Record<string, string[]>>(restore())
  watch(byOrigin, (value) => localStorage.setItem(storageKey, JSON.stringify(value)), {
    deep: true,
  })

  function touch(origin: string, endpoint: string) {
    const list = (byOrigin.value[origin] ?? []).filter((name) => name !== endpoint)
    byOrigin.value[origin] = [endpoint, ...list].slice(0, keep)
  }

  const recent = (origin: string | null) => (origin ? (byOrigin.value[origin] ?? []) : [])

  return { touch, recent }
})
