import type { Ref } from 'vue'
import { providePreviewContext } from '../preview/preview-context.ts'
import type { SchemaNode } from '../preview/schema-nav.ts'
import { useAppViewStore } from '../stores/app-view.ts'
import { useServerStore } from '../stores/server.ts'
import { useExploreNavigation } from './useExploreNavigation.ts'

/** Gives the cards below what they need: the server, the schema, and where links lead. */
export function usePreviewProvider(schemaRoot: Ref<SchemaNode | null>) {
  const server = useServerStore()
  const navigation = useExploreNavigation()
  const appView = useAppViewStore()
  providePreviewContext({
    get serverOrigin() {
      return server.catalog?.origin ?? null
    },
    get schemaRoot() {
      return schemaRoot.value ?? {}
    },
    has: navigation.has,
    go: (destination, sendNow) => {
      // A card outside the Requests view (the streaming log's) leads there: that is where the
      // prepared request and its answer are.
      appView.view = 'requests'
      void navigation.go(destination, sendNow)
    },
  })
  return navigation
}
