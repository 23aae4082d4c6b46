import { computed, nextTick } from 'vue'
import type { PreviewDestination } from '../preview/preview-context.ts'
import { useExploreTrailStore, type TrailStep } from '../stores/explore-trail.ts'
import { useServerStore } from '../stores/server.ts'
import { useWorkbenchStore } from '../stores/workbench.ts'
import { useRequestComposer } from './useRequestComposer.ts'

/**
 * Walking from object to object: following an id prepares the endpoint that shows it (and sends
 * it when asked); back and forward show the earlier steps again, endpoint, body and answer.
 */
export function useExploreNavigation() {
  const server = useServerStore()
  const workbench = useWorkbenchStore()
  const trail = useExploreTrailStore()
  const composer = useRequestComposer()
  const endpointNames = computed(
    () => new Set((server.catalog?.endpoints ?? []).map((endpoint) => endpoint.name)),
  )

  function has(endpoint: string) {
    return endpointNames.value.has(endpoint)
  }

  async function putInEditor(endpoint: string, body: string) {
    workbench.select(endpoint)
    // The editor mounts for the endpoint first; the new text then replaces its draft.
    await nextTick()
    workbench.body = body
    workbench.replaceBody(body)
  }

  async function go(destination: PreviewDestination, sendNow: boolean) {
    if (!has(destination.endpoint)) return
    await putInEditor(destination.endpoint, `${JSON.stringify(destination.body, null, 2)}\n`)
    if (sendNow) composer.send()
  }

  async function show(step: TrailStep | null) {
    if (step) await putInEditor(step.endpoint, step.body)
  }

  return {
    has,
    go,
    back: () => show(trail.back()),
    forward: () => show(trail.forward()),
    goTo: (index: number) => show(trail.goTo(index)),
  }
}
