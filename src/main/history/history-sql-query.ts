import type { DatabaseSync, SQLInputValue } from 'node:sqlite'
import type { HistoryPage, HistoryQuery } from '../../shared/history.ts'
import { fail, ok, type Result } from '../../shared/result.ts'
import { toSummary } from './history-entry.ts'
import { entryColumns, toStoredEntry, type EntryRow } from './history-rows.ts'

export const defaultPageSize = 50
export const maxPageSize = 500

export interface ResponseSearchLimits {
  /** How long one response-body search call may scan before it answers with a cursor. */
  budgetMs: number
  /** Entries (by seq) scanned per step; the budget is checked between steps. */
  chunkRows: number
}

/** The query's words, lower-cased; an entry matches when it contains every one. */
export function queryWords(text: string | undefined): string[] {
  return (text ?? '').toLowerCase().split(/\s+/).filter(Boolean)
}

interface Clause {
  sql: string
  params: SQLInputValue[]
}

/** Filters on the entry's own columns (each one served by an index). */
function filterClauses(query: HistoryQuery, alias: string): Clause[] {
  const clauses: Clause[] = []
  if (query.origin !== undefined) {
    clauses.push({ sql: `${alias}.origin = ?`, params: [query.origin] })
  }
  if (query.pinnedOnly) clauses.push({ sql: `${alias}.pinned = 1`, params: [] })
  if (query.from !== undefined) {
    clauses.push({ sql: `${alias}.sent_at >= ?`, params: [query.from] })
  }
  if (query.to !== undefined) clauses.push({ sql: `${alias}.sent_at <= ?`, params: [query.to] })
  if (query.statusClasses && query.statusClasses.length > 0) {
    clauses.push({
      sql: `${alias}.status_class IN (${query.statusClasses.map(() => '?').join(', ')})`,
      params: [...query.statusClasses],
    })
  }
  return clauses
}

/**
 * Words of 3+ characters go through the trigram index in one MATCH; shorter ones (the endpoint
 * `i`, a status digit) cannot use a trigram index and are matched with LIKE on the indexed text.
 */
function wordClauses(words: string[], alias: string): Clause[] {
  const clauses: Clause[] = []
  const indexed = words.filter((word) => [...word].length >= 3)
  if (indexed.length > 0) {
    clauses.push({
      sql: `${alias}.seq IN (SELECT rowid FROM entry_text WHERE entry_text MATCH ?)`,
      params: [indexed.map((word) => `"${word.replaceAll('"', '""')}"`).join(' AND ')],
    })
  }
  for (const word of words.filter((candidate) => [...candidate].length < 3)) {
    clauses.push({
      sql: `${alias}.seq IN (SELECT rowid FROM entry_text WHERE haystack LIKE ? ESCAPE '\\')`,
      params: [`%${word.replace(/[\\%_]/g, (character) => `\\${character}`)}%`],
    })
  }
  return clauses
}

function parseCursor(cursor: string | undefined): Result<number> {
  if (cursor === undefined) return ok(Number.MAX_SAFE_INTEGER)
  const below = Number(cursor)
  if (!/^\d+$/.test(cursor) || !Number.isSafeInteger(below)) {
    return fail('INVALID_ARGUMENT', `${cursor} is not a history cursor.`, {
      path: 'cursor',
      reason: 'not a cursor',
    })
  }
  return ok(below)
}

function where(clauses: Clause[]): Clause {
  return {
    sql: clauses.length === 0 ? '' : `WHERE ${clauses.map((clause) => clause.sql).join(' AND ')}`,
    params: clauses.flatMap((clause) => clause.params),
  }
}

/**
 * Newest first, filtered, searched, one page at a time. The cursor is a seq: the next page
 * starts below it, so entries appended between pages do not shift what comes next.
 */
export function runQuery(
  database: DatabaseSync,
  query: HistoryQuery,
  limits: ResponseSearchLimits,
): Result<HistoryPage> {
  const limit = Math.min(Math.max(1, Math.floor(query.limit ?? defaultPageSize)), maxPageSize)
  const below = parseCursor(query.cursor)
  if (!below.ok) return below
  const words = queryWords(query.text)
  if (query.searchResponseBodies && words.length > 0) {
    return ok(searchResponses(database, query, words, below.value, limit, limits))
  }
  const matching = [...filterClauses(query, 'e'), ...wordClauses(words, 'e')]
  if (words.length > 0) return ok(textPage(database, matching, below.value, limit))
  const page = where([...matching, { sql: 'e.seq < ?', params: [below.value] }])
  const rows = database
    .prepare(
      `SELECT ${entryColumns} FROM entries e ${page.sql} ORDER BY e.seq DESC LIMIT ${limit + 1}`,
    )
    .all(...page.params) as unknown as EntryRow[]
  const all = where(matching)
  const counted = database
    .prepare(`SELECT count(*) AS total FROM entries e ${all.sql}`)
    .get(...all.params) as { total: number }
  const items = rows.slice(0, limit)
  return ok({
    items: items.map((row) => toSummary(toStoredEntry(row))),
    total: counted.total,
    nextCursor: rows.length > limit ? String(items.at(-1)!.seq) : null,
  })
}

/**
 * With words, the full-text match is the costly part: it runs once, for the seqs of every
 * match (newest first), which give both the count and the page; only the page's rows are read.
 */
function textPage(
  database: DatabaseSync,
  matching: Clause[],
  below: number,
  limit: number,
): HistoryPage {
  const all = where(matching)
  const seqs = (
    database
      .prepare(`SELECT e.seq AS seq FROM entries e ${all.sql} ORDER BY e.seq DESC`)
      .all(...all.params) as Array<{ seq: number }>
  ).map((row) => row.seq)
  let start = 0
  if (below !== Number.MAX_SAFE_INTEGER) {
    while (start < seqs.length && seqs[start]! >= below) start++
  }
  const pageSeqs = seqs.slice(start, start + limit)
  const byId = database.prepare(`SELECT ${entryColumns} FROM entries WHERE seq = ?`)
  const items = pageSeqs.map((seq) =>
    toSummary(toStoredEntry(byId.get(seq) as unknown as EntryRow)),
  )
  return {
    items,
    total: seqs.length,
    nextCursor: start + limit < seqs.length ? String(pageSeqs.at(-1)!) : null,
  }
}

/**
 * Looks for every word in the indexed text or in the response body, newest first, one range of
 * seqs at a time, until the page is full or the time budget is spent; the cursor then says where
 * to go on. Response bodies are not indexed (they can be megabytes each): this bounded scan runs
 * in SQLite's C code, in the history's worker thread, never on main's event loop.
 */
function searchResponses(
  database: DatabaseSync,
  query: HistoryQuery,
  words: string[],
  below: number,
  limit: number,
  limits: ResponseSearchLimits,
): HistoryPage {
  const lowest = database.prepare('SELECT min(seq) AS seq FROM entries').get() as {
    seq: number | null
  }
  const highest = database.prepare('SELECT max(seq) AS seq FROM entries').get() as {
    seq: number | null
  }
  if (lowest.seq === null || highest.seq === null) {
    return { items: [], total: null, nextCursor: null }
  }
  const eitherPlace = words.map((word) => ({
    sql: '(instr(t.haystack, ?) > 0 OR instr(lower(b.response_text), ?) > 0)',
    params: [word, word],
  }))
  const clauses = [
    { sql: 'e.seq < ? AND e.seq >= ?', params: [] },
    ...filterClauses(query, 'e'),
    ...eitherPlace,
  ]
  const statement = database.prepare(
    `SELECT ${entryColumns.replace(/(^|, )/g, '$1e.')} FROM entries e
       JOIN entry_text t ON t.rowid = e.seq
       LEFT JOIN bodies b ON b.seq = e.seq
       ${where(clauses).sql} ORDER BY e.seq DESC LIMIT ?`,
  )
  const otherParams = clauses.slice(1).flatMap((clause) => clause.params)
  const deadline = performance.now() + limits.budgetMs
  const found: EntryRow[] = []
  let top = Math.min(below, highest.seq + 1)
  while (top > lowest.seq && found.length < limit) {
    const bottom = Math.max(top - limits.chunkRows, lowest.seq)
    const rows = statement.all(
      top,
      bottom,
      ...otherParams,
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
    nextCursor: top > lowest.seq ? String(top) : null,
  }
}
