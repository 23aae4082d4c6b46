import { computed, shallowRef, watch, type Ref } from 'vue'
import type { EndpointDocs } from '../../shared/endpoint-docs.ts'
import { parseJsonBody, type ResponseRecord } from '../../shared/requests.ts'
import { planPreview, type PreviewPlan } from '../preview/preview-kind.ts'
import type { SchemaNode } from '../preview/schema-nav.ts'
import { createEndpointLoader } from '../stores/endpoint-loader.ts'

// The docs of each answered endpoint, kept once fetched: the preview reads their response schema.
const responseDocs = createEndpointLoader<EndpointDocs | null>((bridge, origin, endpoint) =>
  bridge.catalog.getEndpointDocs(origin, endpoint),
)

/**
 * What the Preview tab draws for an answer: the parsed JSON, the endpoint's response schema (the
 * shape decides until it has arrived) and the plan — which cards, or nothing to preview.
 */
export function useResponsePreview(response: Ref<ResponseRecord | null>) {
  const value = shallowRef<unknown>(undefined)
  /** A successful answer labelled JSON that does not parse (main leaves that to the page). */
  const unparsable = shallowRef(false)
  watch(
    response,
    (current) => {
      value.value = undefined
      unparsable.value = false
      if (current?.body.kind !== 'json' || current.problem) return
      const parsed = parseJsonBody(current.body)
      if (!parsed.ok) {
        unparsable.value = true
        return
      }
      value.value = parsed.value
      void responseDocs.load(current.origin, current.endpoint)
    },
    { immediate: true },
  )
  const schemaRoot = computed<SchemaNode | null>(() => {
    const state = responseDocs.current.value
    const docs = state?.status === 'ready' ? state.value : null
    return docs && docs.endpoint === response.value?.endpoint
      ? (docs.response.schema as SchemaNode | null)
      : null
  })
  const plan = computed<PreviewPlan | null>(() =>
    value.value === undefined ? null : planPreview(value.value, schemaRoot.value),
  )
  return { value, unparsable, schemaRoot, plan }
}
