import type { Ref } from 'vue'
import { providePreviewContext } from '../preview/preview-context.ts'
import type { SchemaNode } from '../preview/schema-nav.ts'
import { useServerStore } from '../stores/server.ts'
import { useExploreNavigation } from './useExploreNavigation.ts'

/** Gives the cards below what they need: the server, the schema, and where links lead. */
export function usePreviewProvider(schemaRoot: Ref<SchemaNode | null>) {
  const server = useServerStore()
  const navigation = useExploreNavigation()
  providePreviewContext({
    get serverOrigin() {
      return server.catalog?.origin ?? null
    },
    get schemaRoot() {
      return schemaRoot.value ?? {}
    },
    has: navigation.has,
    go: (destination, sendNow) => void navigation.go(destination, sendNow),
  })
  return navigation
}
