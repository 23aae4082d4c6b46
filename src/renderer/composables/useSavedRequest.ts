import type { SavedRequest } from '../../shared/collections.ts'
import { useCollectionsStore } from '../stores/collections.ts'
import { useWorkbenchStore } from '../stores/workbench.ts'
import { useOpenInWorkbench } from './useOpenInWorkbench.ts'

/**
 * Opens a saved request into the workbench and remembers which one it is, so Save (Ctrl+S)
 * updates its file rather than adding a copy.
 */
export function useSavedRequest() {
  const collections = useCollectionsStore()
  const workbench = useWorkbenchStore()
  const opener = useOpenInWorkbench()

  async function open(request: SavedRequest) {
    const problem = await opener.open(request)
    if (problem) {
      collections.notice = { text: problem, tone: 'error' }
      return
    }
    collections.notice = null
    if (workbench.draftKey) collections.opened = { request, draftKey: workbench.draftKey }
  }

  return { open }
}
