import { inject, provide, type InjectionKey } from 'vue'
import type { SchemaNode } from './schema-nav.ts'

/** A place the preview can take the user: an endpoint and the body to prepare. */
export interface PreviewDestination {
  endpoint: string
  body: Record<string, unknown>
}

/** What every card needs from the pane it is drawn in; provided once, not built per card. */
export interface PreviewContext {
  /** The server's origin: its images load without asking, its custom emoji are under it. */
  serverOrigin: string | null
  /** The response schema (its `$defs`), to tell which ids lead to which objects. */
  schemaRoot: SchemaNode
  /** Whether this server has the endpoint, so a link is offered only where it leads somewhere. */
  has(endpoint: string): boolean
  /** Prepare the endpoint with the body; send at once when asked (Ctrl/Cmd+click). */
  go(destination: PreviewDestination, sendNow: boolean): void
}

const key: InjectionKey<PreviewContext> = Symbol('preview')

export function providePreviewContext(context: PreviewContext) {
  provide(key, context)
}

const detached: PreviewContext = {
  serverOrigin: null,
  schemaRoot: {},
  has: () => false,
  go: () => {},
}

export function usePreviewContext(): PreviewContext {
  return inject(key, detached)
}

/** Ctrl+click (Cmd+click on macOS) or Ctrl+Enter: send at once rather than only prepare. */
export function wantsSendNow(event: MouseEvent | KeyboardEvent): boolean {
  return event.ctrlKey || event.metaKey
}
