import { defineStore } from 'pinia'
import { computed, reactive, ref, watch } from 'vue'
import type { AuthMode } from '../../shared/accounts.ts'
import type { CatalogEndpoint, RequestSchema } from '../../shared/catalog.ts'
import { createEndpointLoader, type LoadState } from './endpoint-loader.ts'
import type { AppError } from '../../shared/result.ts'
import type { ChosenFile, UploadFieldValue } from '../../shared/uploads.ts'
import { getBridge } from '../bridge.ts'
import { useRecentEndpointsStore } from './recent-endpoints.ts'
import { useServerStore } from './server.ts'

export type SchemaState = LoadState<RequestSchema>

export const emptyBody = '{\n  \n}\n'

export interface UploadDraft {
  file: ChosenFile | null
  fields: Record<string, UploadFieldValue>
}

/** The endpoint being worked on, the picker's filter, and one body draft per endpoint. */
export const useWorkbenchStore = defineStore('workbench', () => {
  const server = useServerStore()
  const recents = useRecentEndpointsStore()
  const filter = ref('')
  const selectedName = ref<string | null>(null)
  /** Drafts by `origin endpoint`, so moving between endpoints never loses what was typed. */
  const drafts = reactive(new Map<string, string>())
  const schemas = createEndpointLoader((bridge, origin, name) =>
    bridge.catalog.getRequestSchema(origin, name),
  )
  const docs = createEndpointLoader((bridge, origin, name) =>
    bridge.catalog.getEndpointDocs(origin, name),
  )
  /** For multipart endpoints: the chosen file and form fields, per draft like the JSON bodies. */
  const uploads = reactive(new Map<string, UploadDraft>())
  const uploadError = ref<AppError | null>(null)
  /** A field the body editor should show, e.g. the one an INVALID_PARAM error names. */
  const fieldToReveal = ref<{ field: string; at: number } | null>(null)
  /** A new body for the editor to take (as one undoable edit), e.g. the next page's. */
  const bodyReplacement = ref<{ text: string; at: number } | null>(null)
  /** How long main waits for an answer before giving up. */
  const timeoutSeconds = ref(30)
  /** How the active account's token travels; Misskey's own console sends it as `i`. */
  const authMode = ref<AuthMode>('body')

  const endpoints = computed(() => server.catalog?.endpoints ?? [])
  const filteredEndpoints = computed(() => server.endpointIndex.search(filter.value))
  const selectedEndpoint = computed<CatalogEndpoint | null>(
    () => endpoints.value.find((endpoint) => endpoint.name === selectedName.value) ?? null,
  )
  const draftKey = computed(() =>
    server.catalog && selectedName.value ? `${server.catalog.origin} ${selectedName.value}` : null,
  )
  const body = computed({
    get: () => (draftKey.value ? (drafts.get(draftKey.value) ?? emptyBody) : emptyBody),
    set: (text: string) => {
      if (draftKey.value) drafts.set(draftKey.value, text)
    },
  })

  const upload = computed<UploadDraft>(
    () => uploads.get(draftKey.value ?? '') ?? { file: null, fields: {} },
  )

  function setUploadFields(fields: UploadDraft['fields']) {
    if (draftKey.value) uploads.set(draftKey.value, { ...upload.value, fields })
  }

  async function chooseUploadFile() {
    const bridge = getBridge()
    if (!bridge || !draftKey.value) return
    const key = draftKey.value
    const result = await bridge.files.chooseUpload()
    uploadError.value = result.ok ? null : result.error
    if (result.ok && result.value) uploads.set(key, { ...upload.value, file: result.value })
  }

  // A different server may not have the endpoint that was selected.
  watch(
    () => server.catalog,
    (catalog) => {
      if (!catalog || !catalog.endpoints.some((endpoint) => endpoint.name === selectedName.value)) {
        selectedName.value = null
      }
      schemas.clear()
      docs.clear()
      loadForSelection()
    },
  )

  function loadForSelection() {
    const origin = server.catalog?.origin ?? null
    void schemas.load(origin, selectedName.value)
    void docs.load(origin, selectedName.value)
  }

  function select(name: string) {
    if (server.catalog) recents.touch(server.catalog.origin, name)
    if (selectedName.value === name) return
    selectedName.value = name
    loadForSelection()
  }

  return {
    filter,
    selectedName,
    selectedEndpoint,
    filteredEndpoints,
    body,
    schema: schemas.current,
    docs: docs.current,
    draftKey,
    authMode,
    fieldToReveal,
    timeoutSeconds,
    revealField: (field: string) => (fieldToReveal.value = { field, at: Date.now() }),
    bodyReplacement,
    replaceBody: (text: string) => (bodyReplacement.value = { text, at: Date.now() }),
    upload,
    uploadError,
    chooseUploadFile,
    setUploadFields,
    select,
  }
})
