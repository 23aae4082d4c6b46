import type { DatabaseSync } from 'node:sqlite'
import type { HistoryPage, HistoryQuery } from '../../shared/history.ts'
import { toSummary } from './history-entry.ts'
import { haystackSql, toStoredEntry, type EntryRow } from './history-rows.ts'
import {
  and,
  filterClauses,
  qualified,
  type ResponseSearchLimits,
  type Scope,
} from './history-sql-query.ts'

/**
 * The bounded scan: looks for every word as a substring of the indexed text (and of the response
 * body when asked), newest first, one range of seqs at a time, until the page is full or the
 * time budget is spent; the cursor then says where to go on and the total is unknown (null).
 * It answers response-body searches (bodies are not indexed: they can be megabytes each), words
 * the word index cannot find (Japanese, punctuation) and searches made while an old database's
 * words are still being indexed. It runs in SQLite's C code in the worker, never on main.
 */
export function scanPage(
  database: DatabaseSync,
  query: HistoryQuery,
  words: string[],
  scope: Scope & { responses: boolean },
  limit: number,
  limits: ResponseSearchLimits,
): HistoryPage {
  const extent = database
    // Two subqueries: each is one step down the primary key (min and max together scan it all).
    .prepare('SELECT (SELECT min(seq) FROM entries) AS low, (SELECT max(seq) FROM entries) AS high')
    .get() as { low: number | null; high: number | null }
  if (extent.low === null || extent.high === null) {
    return { items: [], total: null, nextCursor: null }
  }
  const lowest = Math.max(extent.low, scope.bottom)
  const contains = words.map((word) => ({
    sql: scope.responses
      ? `(instr(${haystackSql}, ?) > 0 OR instr(lower(b.response_text), ?) > 0)`
      : `instr(${haystackSql}, ?) > 0`,
    params: scope.responses ? [word, word] : [word],
  }))
  const rest = and([...filterClauses(query, query.statusClasses ?? []), ...contains])
  const statement = database.prepare(
    `SELECT ${qualified} FROM entries e
       ${scope.responses ? 'LEFT JOIN bodies b ON b.seq = e.seq' : ''}
       WHERE e.seq < ? AND e.seq >= ? AND ${rest.sql} ORDER BY e.seq DESC LIMIT ?`,
  )
  const deadline = performance.now() + limits.budgetMs
  const found: EntryRow[] = []
  let top = Math.min(scope.top, extent.high + 1)
  while (top > lowest && found.length < limit) {
    const bottom = Math.max(top - limits.chunkRows, lowest)
    const rows = statement.all(
      top,
      bottom,
      ...rest.params,
      limit - found.length,
    ) as unknown as EntryRow[]
    found.push(...rows)
    if (found.length >= limit) {
      top = found.at(-1)!.seq
      break
    }
    top = bottom
    if (performance.now() >= deadline) break
  }
  return {
    items: found.map((row) => toSummary(toStoredEntry(row))),
    total: null,
    nextCursor: top > lowest ? String(top) : null,
  }
}
