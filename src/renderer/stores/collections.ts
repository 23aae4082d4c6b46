import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type {
  CollectionFolder,
  CollectionTree,
  Environment,
  SavedRequest,
  SavedRequestDraft,
} from '../../shared/collections.ts'
import type { OpenedCollection, RunFolderReport } from '../../shared/collection-session.ts'
import type { ExplorerBridge } from '../../shared/contract/index.ts'
import type { AppError, Result } from '../../shared/result.ts'
import { getBridge } from '../bridge.ts'

/** Every folder of a tree, top first, for the "folder" pickers. */
function foldersOf(folder: CollectionFolder): CollectionFolder[] {
  return [
    folder,
    ...folder.children.flatMap((node) => (node.kind === 'folder' ? foldersOf(node.folder) : [])),
  ]
}

/** The open collection folder: its tree, environments, a folder run, and the last problem. */
export const useCollectionsStore = defineStore('collections', () => {
  const tree = shallowRef<CollectionTree | null>(null)
  const activeEnvironment = ref<string | null>(null)
  const captured = ref<Record<string, string>>({})
  const status = ref<'none' | 'loading' | 'open' | 'error'>('none')
  /** Why the collection cannot be shown (its folder went away…). */
  const error = ref<AppError | null>(null)
  /** Why the last action failed; the collection itself is still shown. */
  const actionError = ref<AppError | null>(null)
  const busy = ref(false)
  const runReport = shallowRef<RunFolderReport | null>(null)
  /** A run main would not start without the user's yes (see RunConfirmation). */
  const runConfirmation = shallowRef<{
    path: string
    fallbackOrigin: string | null
    confirmation: NonNullable<RunFolderReport['confirmation']>
  } | null>(null)
  const running = ref<string | null>(null)
  /** A word for the user after an action (an export, an import, a request that did not open). */
  const notice = ref<{ text: string; tone: 'info' | 'warning' | 'error' } | null>(null)
  /** The tree item to focus once the next listing arrives (after a keyboard reorder). */
  const focusPath = ref<string | null>(null)
  const saveDialogOpen = ref(false)
  /** The saved request last opened into the workbench: Save then updates its file. */
  const opened = shallowRef<{ request: SavedRequest; draftKey: string } | null>(null)
  let started = false

  const folders = computed(() => (tree.value ? foldersOf(tree.value.root) : []))
  const environments = computed<Environment[]>(() => tree.value?.environments ?? [])
  const variables = computed(() => ({
    ...environments.value.find((item) => item.name === activeEnvironment.value)?.variables,
    ...captured.value,
  }))

  function adopt(collection: OpenedCollection | null) {
    tree.value = collection?.tree ?? null
    activeEnvironment.value = collection?.activeEnvironment ?? null
    captured.value = { ...collection?.captured }
    status.value = collection ? 'open' : 'none'
    error.value = null
    runReport.value = null
    runConfirmation.value = null
    opened.value = null
  }

  /**
   * Runs a bridge call, keeping its error to show; answers the value or null. The listing is
   * not changed here: main pushes it (collections.onChanged) after every change.
   */
  async function call<T>(work: (bridge: ExplorerBridge) => Promise<Result<T>>): Promise<T | null> {
    const bridge = getBridge()
    if (!bridge) return null
    busy.value = true
    try {
      const result = await work(bridge)
      actionError.value = result.ok ? null : result.error
      return result.ok ? result.value : null
    } finally {
      busy.value = false
    }
  }

  async function start() {
    const bridge = getBridge()
    if (!bridge || started) return
    started = true
    bridge.events.onCollectionChanged((result) => {
      if (result.ok) {
        tree.value = result.value
        status.value = 'open'
        error.value = null
      } else {
        status.value = 'error'
        error.value = result.error
      }
    })
    status.value = 'loading'
    const result = await bridge.collections.open()
    if (result.ok) adopt(result.value)
    else {
      status.value = 'error'
      error.value = result.error
    }
  }

  async function chooseFolder() {
    const chosen = await call((bridge) => bridge.collections.chooseFolder())
    if (chosen) adopt(chosen)
  }

  async function close() {
    if ((await call((bridge) => bridge.collections.close())) !== null) adopt(null)
  }

  async function save(folder: string, draft: SavedRequestDraft, draftKey: string | null) {
    const saved = await call((bridge) => bridge.collections.saveRequest(folder, draft))
    if (saved && draftKey) opened.value = { request: saved, draftKey }
    return saved
  }

  async function update(path: string, draft: SavedRequestDraft, draftKey: string | null) {
    const saved = await call((bridge) => bridge.collections.updateRequest(path, draft))
    if (saved && draftKey) opened.value = { request: saved, draftKey }
    return saved
  }

  /** Keeps "opened" pointing at a request that was renamed or moved. */
  function follow(from: string, to: SavedRequest | null) {
    if (to && opened.value?.request.path === from) opened.value = { ...opened.value, request: to }
  }

  async function runFolder(path: string, fallbackOrigin: string | null, approval?: string) {
    if (running.value !== null) return
    running.value = path
    runReport.value = null
    runConfirmation.value = null
    try {
      const report = await call((bridge) =>
        bridge.collections.runFolder(path, fallbackOrigin, approval ?? null),
      )
      if (report?.confirmation) {
        runConfirmation.value = { path, fallbackOrigin, confirmation: report.confirmation }
      } else if (report) {
        runReport.value = report
        captured.value = { ...report.captured }
      }
    } finally {
      running.value = null
    }
  }

  async function setActiveEnvironment(name: string | null) {
    const bridge = getBridge()
    if (!bridge) return
    const result = await bridge.environments.setActive(name)
    actionError.value = result.ok ? null : result.error
    if (result.ok) activeEnvironment.value = result.value
  }

  async function clearCaptured() {
    if ((await call((bridge) => bridge.environments.clearCaptured())) !== null) captured.value = {}
  }

  return {
    tree,
    activeEnvironment,
    captured,
    status,
    error,
    actionError,
    busy,
    runReport,
    runConfirmation,
    running,
    opened,
    notice,
    focusPath,
    saveDialogOpen,
    folders,
    environments,
    variables,
    start,
    chooseFolder,
    close,
    save,
    update,
    follow,
    call,
    runFolder,
    setActiveEnvironment,
    clearCaptured,
    adopt,
    forgetOpened: () => (opened.value = null),
    dismissReport: () => (runReport.value = null),
  }
})
