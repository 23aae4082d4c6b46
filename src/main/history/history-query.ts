import type { HistoryPage, HistoryQuery } from '../../shared/history.ts'
import { fail, ok, type Result } from '../../shared/result.ts'
import type { BodyFile } from './history-entry.ts'
import { toSummary } from './history-entry.ts'
import {
  containsAll,
  missingWords,
  passesFilters,
  queryWords,
  type HistoryIndex,
} from './history-index.ts'
import type { StoredEntry } from './log-format.ts'

export const defaultPageSize = 50
export const maxPageSize = 500

export interface QueryContext {
  index: HistoryIndex
  readBody: (id: string) => Promise<BodyFile | null>
  /** How long one call may spend reading response bodies before it answers with what it has. */
  budgetMs: number
  monotonicNow: () => number
}

/**
 * Newest first, filtered, searched, one page at a time. Without response bodies everything is in
 * memory, so every match is counted; with them, bodies are read from disk newest first until the
 * page is full or the time budget is spent, and the cursor says where to go on.
 */
export async function runQuery(
  context: QueryContext,
  query: HistoryQuery,
): Promise<Result<HistoryPage>> {
  const limit = Math.min(Math.max(1, Math.floor(query.limit ?? defaultPageSize)), maxPageSize)
  let startBelow = Infinity
  if (query.cursor !== undefined) {
    startBelow = Number(query.cursor)
    if (!Number.isInteger(startBelow) || startBelow < 0) {
      return fail('INVALID_ARGUMENT', `${query.cursor} is not a history cursor.`, {
        path: 'cursor',
        reason: 'not a cursor',
      })
    }
  }
  const words = queryWords(query.text)
  const slots = context.index.slots
  const start = startBelow === Infinity ? slots.length - 1 : context.index.indexBelow(startBelow)

  if (!query.searchResponseBodies || words.length === 0) {
    const items: StoredEntry[] = []
    let total = 0
    let lastMatchIndex = -1
    // Walk everything so `total` counts the pages before the cursor as well.
    for (let index = slots.length - 1; index >= 0; index--) {
      const slot = slots[index]!
      if (!passesFilters(slot.entry, query)) continue
      if (!containsAll(slot.haystack, words)) continue
      total++
      if (index > start) continue
      if (items.length < limit) items.push(slot.entry)
      else if (lastMatchIndex === -1) lastMatchIndex = index
    }
    return ok({
      items: items.map(toSummary),
      total,
      nextCursor: lastMatchIndex === -1 ? null : String(items.at(-1)!.seq),
    })
  }

  const deadline = context.monotonicNow() + context.budgetMs
  const items: StoredEntry[] = []
  let index = start
  for (; index >= 0 && items.length < limit; index--) {
    const slot = slots[index]!
    if (!passesFilters(slot.entry, query)) continue
    if (containsAll(slot.haystack, words)) {
      items.push(slot.entry)
      continue
    }
    const missing = missingWords(slot.haystack, words)
    const body = await context.readBody(slot.entry.id)
    const stored = body?.response?.body
    const text =
      !stored || stored.kind === 'empty'
        ? ''
        : stored.kind === 'large'
          ? stored.preview
          : stored.text
    if (missingWords(text.toLowerCase(), missing).length === 0) items.push(slot.entry)
    if (context.monotonicNow() > deadline) {
      index--
      break
    }
  }
  // The cursor names the last entry looked at, so the next call goes on from there.
  const lookedAt = slots[index + 1]
  return ok({
    items: items.map(toSummary),
    total: null,
    nextCursor: index >= 0 && lookedAt ? String(lookedAt.entry.seq) : null,
  })
}
