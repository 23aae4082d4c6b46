import { defineStore } from 'pinia'
import { computed, reactive, ref, shallowRef } from 'vue'
import type {
  HistoryEntry,
  HistoryNotice,
  HistoryQuery,
  HistoryStatusClass,
  HistorySummary,
} from '../../shared/history.ts'
import type { ResponseRecord } from '../../shared/requests.ts'
import type { AppError, Result } from '../../shared/result.ts'
import { getBridge } from '../bridge.ts'
import { whenIdle } from '../paint-steps.ts'

export interface HistoryFilters {
  text: string
  searchResponses: boolean
  /** '' for every server. */
  origin: string
  statusClasses: HistoryStatusClass[]
  /** `yyyy-mm-dd` from a date input, '' for no bound. */
  from: string
  to: string
  pinnedOnly: boolean
}

const pageSize = 50

/** The history sidebar: the filters, the page(s) shown, and the two entries picked to compare. */
export const useHistoryStore = defineStore('history', () => {
  const filters = reactive<HistoryFilters>({
    text: '',
    searchResponses: false,
    origin: '',
    statusClasses: [],
    from: '',
    to: '',
    pinnedOnly: false,
  })
  const items = shallowRef<HistorySummary[]>([])
  const total = ref<number | null>(0)
  /** More than `total` match: the history counts up to 10,000 (shown as "10,000+"). */
  const totalAtLeast = ref(false)
  const nextCursor = ref<string | null>(null)
  const status = ref<'idle' | 'loading' | 'ready' | 'error'>('idle')
  /** Why the list cannot be shown (the history could not be opened…). */
  const error = ref<AppError | null>(null)
  /** Why the last action failed (pin, delete, an entry that could not be recorded…). */
  const actionError = ref<AppError | null>(null)
  const notices = ref<HistoryNotice[]>([])
  const selected = ref<string[]>([])
  const compared = shallowRef<[HistoryEntry, HistoryEntry] | null>(null)
  /** The entry opened into the workbench, with what it put in the response viewer. */
  const shown = shallowRef<{
    entry: HistoryEntry
    response: ResponseRecord | null
    error: AppError | null
  } | null>(null)
  let searchCounter = 0
  let started = false

  const filtered = computed(
    () =>
      filters.text.trim() !== '' ||
      filters.origin !== '' ||
      filters.statusClasses.length > 0 ||
      filters.from !== '' ||
      filters.to !== '' ||
      filters.pinnedOnly,
  )

  function query(): HistoryQuery {
    const text = filters.text.trim()
    return {
      limit: pageSize,
      ...(text ? { text, searchResponseBodies: filters.searchResponses } : {}),
      ...(filters.origin ? { origin: filters.origin } : {}),
      ...(filters.statusClasses.length ? { statusClasses: [...filters.statusClasses] } : {}),
      // Date inputs give local calendar days: from the start of one to the end of the other.
      ...(filters.from ? { from: new Date(`${filters.from}T00:00:00`).getTime() } : {}),
      ...(filters.to ? { to: new Date(`${filters.to}T23:59:59.999`).getTime() } : {}),
      ...(filters.pinnedOnly ? { pinnedOnly: true } : {}),
    }
  }

  async function run<T>(call: () => Promise<Result<T>>): Promise<T | null> {
    const result = await call()
    actionError.value = result.ok ? null : result.error
    return result.ok ? result.value : null
  }

  /**
   * The first page for the current filters; an answer to an older search is dropped. With
   * `keepLoaded` (a refresh: a new entry arrived, one was removed) as many entries as are shown
   * are asked for again, so the list does not shrink back to one page under the user's scroll,
   * and the list stays as it is until the answer comes: a "Loading…" line for the few
   * milliseconds of a refresh only made the list jump.
   */
  async function search(options: { keepLoaded?: boolean } = {}) {
    const bridge = getBridge()
    if (!bridge) return
    const attempt = ++searchCounter
    if (!options.keepLoaded) status.value = 'loading'
    const limit = options.keepLoaded
      ? Math.min(Math.max(items.value.length + 1, pageSize), 500)
      : pageSize
    const result = await bridge.history.search({ ...query(), limit })
    if (attempt !== searchCounter) return
    if (!result.ok) {
      status.value = 'error'
      error.value = result.error
      return
    }
    error.value = null
    items.value = result.value.items
    total.value = result.value.total
    totalAtLeast.value = result.value.totalAtLeast === true
    nextCursor.value = result.value.nextCursor
    status.value = 'ready'
    const present = new Set(items.value.map((item) => item.id))
    selected.value = selected.value.filter((id) => present.has(id))
  }

  /** The next page, after the last one shown. */
  async function more() {
    const bridge = getBridge()
    if (!bridge || !nextCursor.value || status.value === 'loading') return
    const attempt = ++searchCounter
    status.value = 'loading'
    const result = await bridge.history.search({ ...query(), cursor: nextCursor.value })
    if (attempt !== searchCounter) return
    status.value = result.ok ? 'ready' : 'error'
    if (!result.ok) {
      error.value = result.error
      return
    }
    items.value = [...items.value, ...result.value.items]
    nextCursor.value = result.value.nextCursor
  }

  let refreshPending = false
  /**
   * A new entry is listed once the page is idle: the answer it records is drawn first, not in a
   * frame that also lays out the history list, and entries that come in a row (a collection run)
   * make one search.
   */
  function refreshWhenIdle() {
    if (refreshPending) return
    refreshPending = true
    whenIdle(() => {
      refreshPending = false
      void search({ keepLoaded: true })
    })
  }

  async function start() {
    const bridge = getBridge()
    if (!bridge || started) return
    started = true
    bridge.events.onHistoryAppended((result) => {
      // A failed record is the user's to know (full disk): the response itself was shown.
      if (!result.ok) actionError.value = result.error
      else refreshWhenIdle()
    })
    const found = await bridge.history.takeNotices()
    if (found.ok) notices.value = found.value
  }

  function replace(summary: HistorySummary) {
    items.value = items.value.map((item) => (item.id === summary.id ? summary : item))
  }

  async function setPinned(id: string, pinned: boolean) {
    const bridge = getBridge()
    const summary = bridge ? await run(() => bridge.history.setPinned(id, pinned)) : null
    if (summary) replace(summary)
    if (summary && filters.pinnedOnly) await search({ keepLoaded: true })
  }

  async function remove(id: string) {
    const bridge = getBridge()
    if (!bridge) return
    const result = await bridge.history.delete(id)
    actionError.value = result.ok ? null : result.error
    selected.value = selected.value.filter((other) => other !== id)
    await search({ keepLoaded: true })
  }

  async function clear() {
    const bridge = getBridge()
    if (!bridge) return
    await run(() => bridge.history.clear({ keepPinned: true }))
    selected.value = []
    await search()
  }

  async function load(id: string): Promise<HistoryEntry | null> {
    const bridge = getBridge()
    return bridge ? run(() => bridge.history.get(id)) : null
  }

  /** Picks an entry for the comparison; picking a third lets go of the oldest pick. */
  function toggleSelected(id: string) {
    selected.value = selected.value.includes(id)
      ? selected.value.filter((other) => other !== id)
      : [...selected.value, id].slice(-2)
  }

  async function compareSelected() {
    const [left, right] = selected.value
    if (!left || !right) return
    // Older on the left, as a diff reads: what it was, then what it became.
    const entries = await Promise.all([load(left), load(right)])
    if (!entries[0] || !entries[1]) return
    entries.sort((a, b) => a!.sentAt - b!.sentAt)
    compared.value = entries as [HistoryEntry, HistoryEntry]
  }

  return {
    filters,
    filtered,
    items,
    total,
    totalAtLeast,
    nextCursor,
    status,
    error,
    actionError,
    notices,
    selected,
    compared,
    shown,
    start,
    search,
    more,
    setPinned,
    remove,
    clear,
    load,
    toggleSelected,
    compareSelected,
    dismissNotices: () => (notices.value = []),
    closeComparison: () => (compared.value = null),
  }
})
