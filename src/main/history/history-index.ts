import type { HistoryQuery, HistoryStatusClass } from '../../shared/history.ts'
import type { StoredEntry } from './log-format.ts'

/** An entry with its search text, lower-cased once when it enters the index. */
export interface Slot {
  entry: StoredEntry
  haystack: string
}

/**
 * The history in memory: every entry's summary in append order (oldest first), found by id.
 * Full bodies stay on disk; 100,000 of these take a few tens of megabytes.
 */
export class HistoryIndex {
  readonly slots: Slot[] = []
  private readonly byId = new Map<string, Slot>()
  totalBytes = 0

  get size(): number {
    return this.slots.length
  }

  get lastSeq(): number {
    return this.slots.at(-1)?.entry.seq ?? 0
  }

  get(id: string): StoredEntry | undefined {
    return this.byId.get(id)?.entry
  }

  /** Entries arrive in append order, so adding is a push. */
  add(entry: StoredEntry): void {
    const existing = this.byId.get(entry.id)
    if (existing) this.removeMany([entry.id])
    const slot = { entry, haystack: haystackOf(entry) }
    const last = this.slots.at(-1)
    if (!last || last.entry.seq < entry.seq) this.slots.push(slot)
    else this.slots.splice(this.indexBelow(entry.seq) + 1, 0, slot)
    this.byId.set(entry.id, slot)
    this.totalBytes += entry.bodyBytes
  }

  setPinned(id: string, pinned: boolean): void {
    const slot = this.byId.get(id)
    if (slot) slot.entry.pinned = pinned
  }

  removeMany(ids: Iterable<string>): StoredEntry[] {
    const removed: StoredEntry[] = []
    for (const id of ids) {
      const slot = this.byId.get(id)
      if (!slot) continue
      this.byId.delete(id)
      this.totalBytes -= slot.entry.bodyBytes
      removed.push(slot.entry)
    }
    if (removed.length === 1) {
      this.slots.splice(this.indexBelow(removed[0]!.seq + 1), 1)
    } else if (removed.length > 1) {
      const gone = new Set(removed)
      let kept = 0
      for (const slot of this.slots) if (!gone.has(slot.entry)) this.slots[kept++] = slot
      this.slots.length = kept
    }
    return removed
  }

  /** The largest index whose seq is below `seq`, -1 when there is none (binary search). */
  indexBelow(seq: number): number {
    let low = 0
    let high = this.slots.length
    while (low < high) {
      const middle = (low + high) >>> 1
      if (this.slots[middle]!.entry.seq < seq) low = middle + 1
      else high = middle
    }
    return low - 1
  }
}

function haystackOf(entry: StoredEntry): string {
  return [
    entry.endpoint,
    entry.origin,
    entry.account ?? '',
    entry.status ?? '',
    entry.failureCode ?? '',
    entry.failureMessage ?? '',
    entry.problemCode ?? '',
    entry.problemMessage ?? '',
    entry.request,
  ]
    .join('\n')
    .toLowerCase()
}

export function statusClassOf(status: number | null): HistoryStatusClass | 'other' {
  if (status === null) return 'failed'
  if (status >= 200 && status < 300) return '2xx'
  if (status >= 300 && status < 400) return '3xx'
  if (status >= 400 && status < 500) return '4xx'
  if (status >= 500 && status < 600) return '5xx'
  return 'other'
}

/** The query's words, lower-cased; an entry matches when it contains every one. */
export function queryWords(text: string | undefined): string[] {
  return (text ?? '').toLowerCase().split(/\s+/).filter(Boolean)
}

/** Everything but the text: the checks that need no reading of bodies. */
export function passesFilters(entry: StoredEntry, query: HistoryQuery): boolean {
  if (query.origin !== undefined && entry.origin !== query.origin) return false
  if (query.pinnedOnly && !entry.pinned) return false
  if (query.from !== undefined && entry.sentAt < query.from) return false
  if (query.to !== undefined && entry.sentAt > query.to) return false
  if (query.statusClasses && query.statusClasses.length > 0) {
    const statusClass = statusClassOf(entry.status)
    if (statusClass === 'other' || !query.statusClasses.includes(statusClass)) return false
  }
  return true
}

/** Whether `haystack` has every word; a plain loop, since it runs for each of 100,000 entries. */
export function containsAll(haystack: string, words: string[]): boolean {
  for (const word of words) if (!haystack.includes(word)) return false
  return true
}

/** The words `haystack` lacks (all found: an empty list). */
export function missingWords(haystack: string, words: string[]): string[] {
  return words.filter((word) => !haystack.includes(word))
}
