import { defineStore } from 'pinia'
import { ref, watch } from 'vue'

export const sidebarViews = ['endpoints', 'history', 'collections'] as const
export type SidebarView = (typeof sidebarViews)[number]

const storageKey = 'explorer.sidebarView'

/** Which list the left sidebar shows; kept across restarts (it is not secret). */
export const useSidebarStore = defineStore('sidebar', () => {
  const stored = localStorage.getItem(storageKey)
  const view = ref<SidebarView>(
    sidebarViews.includes(stored as SidebarView) ? (stored as SidebarView) : 'endpoints',
  )
  watch(view, (value) => localStorage.setItem(storageKey, value))
  return { view, show: (next: SidebarView) => (view.value = next) }
})
