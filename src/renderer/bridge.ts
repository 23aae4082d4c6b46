import type { ExplorerBridge } from '../shared/contract/index.ts'

/** The preload's bridge (or the e2e test bridge); null when the page runs outside the app. */
export function getBridge(): ExplorerBridge | null {
  return window.explorer ?? null
}
