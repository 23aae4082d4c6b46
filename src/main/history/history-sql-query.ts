import type { DatabaseSync, SQLInputValue } from 'node:sqlite'
import type { HistoryPage, HistoryQuery, HistoryStatusClass } from '../../shared/history.ts'
import { fail, ok, type Result } from '../../shared/result.ts'
import { toSummary } from './history-entry.ts'
import { entryColumns, toStoredEntry, type EntryRow } from './history-rows.ts'
import { scanPage } from './history-scan.ts'
import { matchExpression, queryWords } from './history-words.ts'

export { queryWords } from './history-words.ts'

export const defaultPageSize = 50
export const maxPageSize = 500
/** Counting stops here: "10,000+" says enough, and counting a million matches would not be quick. */
export const countCap = 10_000
/** Seqs per step when words and filters are searched together (the budget is checked between). */
const wordWindow = 65_536
/** Word matches looked at, at most, to count those the filters keep (past it: "N+"). */
const filteredWordsExamined = 20_000
/** A date range holding more entries than this is filtered row by row instead of bounded by seq. */
const dateBoundsCap = 200_000

export interface ResponseSearchLimits {
  /** How long one scanning search call may run before it answers with a cursor. */
  budgetMs: number
  /** Entries (by seq) scanned per step; the budget is checked between steps. */
  chunkRows: number
}

export interface Clause {
  sql: string
  params: SQLInputValue[]
}

export const qualified = entryColumns.replace(/(^|, )/g, '$1e.')

/** Filters on the entry's own columns (each one served by an index ending in seq). */
export function filterClauses(query: HistoryQuery, statusClasses: readonly string[]): Clause[] {
  const clauses: Clause[] = []
  if (query.origin !== undefined) clauses.push({ sql: 'e.origin = ?', params: [query.origin] })
  if (query.pinnedOnly) clauses.push({ sql: 'e.pinned = 1', params: [] })
  if (query.from !== undefined) clauses.push({ sql: 'e.sent_at >= ?', params: [query.from] })
  if (query.to !== undefined) clauses.push({ sql: 'e.sent_at <= ?', params: [query.to] })
  if (statusClasses.length > 0) {
    clauses.push({
      sql: `e.status_class IN (${statusClasses.map(() => '?').join(', ')})`,
      params: [...statusClasses],
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

export function and(clauses: Clause[]): Clause {
  return {
    sql: clauses.length === 0 ? '1' : clauses.map((clause) => clause.sql).join(' AND '),
    params: clauses.flatMap((clause) => clause.params),
  }
}

interface SeqRange {
  low: number
  high: number
}

/**
 * The seqs a date range's entries lie between, read from the date index (entries are recorded
 * in time order, so they are few and close together): every query with dates then reads only
 * that stretch of the history, by seq, and still checks each entry's date. Null: no bounds
 * (the range holds most of the history); empty: nothing was sent then.
 */
function dateSeqRange(database: DatabaseSync, query: HistoryQuery): SeqRange | 'empty' | null {
  if (query.from === undefined && query.to === undefined) return null
  const from = query.from ?? 0
  const to = query.to ?? Number.MAX_SAFE_INTEGER
  // The first and last entries by date: two index lookups, which say roughly how many entries
  // the range holds (seqs are nearly in date order) before any of them is read.
  const edge = (order: 'ASC' | 'DESC') =>
    database
      .prepare(
        `SELECT seq FROM entries INDEXED BY entries_by_date WHERE sent_at >= ? AND sent_at <= ?
         ORDER BY sent_at ${order} LIMIT 1`,
      )
      .get(from, to) as { seq: number } | undefined
  const first = edge('ASC')
  const last = edge('DESC')
  if (first === undefined || last === undefined) return 'empty'
  if (Math.abs(last.seq - first.seq) > dateBoundsCap) return null
  // Exact: an entry sent in the range but recorded out of order is still inside these bounds.
  const row = database
    .prepare(
      `SELECT min(seq) AS low, max(seq) AS high FROM entries INDEXED BY entries_by_date
       WHERE sent_at >= ? AND sent_at <= ?`,
    )
    .get(from, to) as { low: number; high: number }
  return { low: row.low, high: row.high }
}

/** Where a query reads: seqs below `top` (the cursor) and at or above `bottom`; counts below `ceiling`. */
export interface Scope {
  top: number
  bottom: number
  ceiling: number
}

const noPage: HistoryPage = { items: [], total: 0, nextCursor: null }

/**
 * Newest first, filtered, searched, one page at a time, reading about one page of rows: every
 * filter has an index ending in seq, words go through the word index newest first, dates become
 * a seq range, and the count stops at `countCap` (`totalAtLeast` then says there are more). The
 * cursor is a seq: the next page starts below it, so entries appended between pages do not
 * shift what comes next.
 */
export function runQuery(
  database: DatabaseSync,
  query: HistoryQuery,
  limits: ResponseSearchLimits,
  options: { wordsReady: boolean },
): Result<HistoryPage> {
  const limit = Math.min(Math.max(1, Math.floor(query.limit ?? defaultPageSize)), maxPageSize)
  const below = parseCursor(query.cursor)
  if (!below.ok) return below
  const dates = dateSeqRange(database, query)
  if (dates === 'empty') return ok(noPage)
  const ceiling = dates ? dates.high + 1 : Number.MAX_SAFE_INTEGER
  const scope: Scope = { top: Math.min(below.value, ceiling), bottom: dates?.low ?? 0, ceiling }
  const words = queryWords(query.text)
  const match = words.length > 0 && options.wordsReady ? wordMatch(database, words) : null
  if (words.length > 0 && (query.searchResponseBodies || match === null)) {
    const responses = query.searchResponseBodies === true
    return ok(scanPage(database, query, words, { ...scope, responses }, limit, limits))
  }
  const statuses = [...new Set(query.statusClasses ?? [])]
  if (match !== null) return ok(wordPage(database, query, match, statuses, scope, limit, limits))
  // One status class at a time when there are several: each is one ordered index range, and
  // merging their pages is cheaper than sorting every match of all of them.
  const unfiltered =
    query.origin === undefined && !query.pinnedOnly && dates === null && statuses.length === 0
  const parts = (statuses.length > 1 ? statuses.map((status) => [status]) : [statuses]).map(
    (only) => filteredPage(database, query, only, scope, limit, !unfiltered),
  )
  const rows = parts
    .flatMap((part) => part.rows)
    .sort((a, b) => b.seq - a.seq)
    .slice(0, limit + 1)
  if (unfiltered) return ok({ ...pageOf(rows, limit, 0), total: exactTotal(database) })
  return ok(
    pageOf(
      rows,
      limit,
      parts.reduce((sum, part) => sum + part.count, 0),
    ),
  )
}

/** Whole words when any entry has them (the same answer for every page), else the last as a prefix. */
function wordMatch(database: DatabaseSync, words: string[]): string | null {
  const whole = matchExpression(words, false)
  if (whole === null) return null
  const any = database
    .prepare('SELECT 1 FROM entry_words WHERE entry_words MATCH ? LIMIT 1')
    .get(whole)
  return any === undefined ? matchExpression(words, true) : whole
}

function exactTotal(database: DatabaseSync): number {
  return (database.prepare('SELECT entries FROM stats WHERE id = 1').get() as { entries: number })
    .entries
}

function pageOf(rows: EntryRow[], limit: number, counted: number): HistoryPage {
  const items = rows.slice(0, limit)
  return {
    items: items.map((row) => toSummary(toStoredEntry(row))),
    total: Math.min(counted, countCap),
    ...(counted > countCap ? { totalAtLeast: true } : {}),
    nextCursor: rows.length > limit ? String(items.at(-1)!.seq) : null,
  }
}

/** One index range (filters and one status class at most): the page's rows and a capped count. */
function filteredPage(
  database: DatabaseSync,
  query: HistoryQuery,
  statuses: readonly HistoryStatusClass[],
  scope: Scope,
  limit: number,
  counted: boolean,
): { rows: EntryRow[]; count: number } {
  const filters = and(filterClauses(query, statuses))
  const rows = database
    .prepare(
      `SELECT ${qualified} FROM entries e WHERE e.seq < ? AND e.seq >= ? AND ${filters.sql}
       ORDER BY e.seq DESC LIMIT ${limit + 1}`,
    )
    .all(scope.top, scope.bottom, ...filters.params) as unknown as EntryRow[]
  // Unfiltered, the count is the one kept in `stats`: counting would read 10,000 rows.
  if (!counted) return { rows, count: 0 }
  const count = database
    .prepare(
      `SELECT count(*) AS n FROM (SELECT 1 FROM entries e
       WHERE e.seq < ? AND e.seq >= ? AND ${filters.sql} LIMIT ${countCap + 1})`,
    )
    .get(scope.ceiling, scope.bottom, ...filters.params) as { n: number }
  return { rows, count: count.n }
}

/**
 * A seq range on the word index, `low <= rowid < high`. The bounds are cast: node:sqlite binds a
 * JavaScript number as REAL, and FTS5 uses a rowid bound only when it is an INTEGER; with REAL
 * bounds it walked every match of the word in the whole history and filtered them one by one
 * (12 ms instead of 0.4 for a word in 125,000 entries of a million).
 */
const wordSeqRange = (rowid: string) =>
  `${rowid} >= CAST(? AS INTEGER) AND ${rowid} < CAST(? AS INTEGER)`

/**
 * Words through the word index, newest first (FTS5 walks its posting lists by rowid = seq and
 * stops once the page is full). With filters too, each match is looked up and checked; when the
 * filters keep few of them (a common word, a rare status) that walk is bounded like the scan:
 * a window of seqs at a time until the page is full or the time budget is spent (the cursor
 * goes on from there), and the count looks at no more than `filteredWordsExamined` matches.
 */
function wordPage(
  database: DatabaseSync,
  query: HistoryQuery,
  match: string,
  statuses: readonly HistoryStatusClass[],
  scope: Scope,
  limit: number,
  limits: ResponseSearchLimits,
): HistoryPage {
  const filters = and(filterClauses(query, statuses))
  const words = `SELECT rowid FROM entry_words WHERE entry_words MATCH ? AND ${wordSeqRange('rowid')}`
  const countWords = (cap: number) =>
    (
      database
        .prepare(`SELECT count(*) AS n FROM (${words} LIMIT ${cap})`)
        .get(match, scope.bottom, scope.ceiling) as { n: number }
    ).n
  if (filters.params.length === 0 && !query.pinnedOnly) {
    const rows = database
      .prepare(
        `SELECT ${qualified} FROM entry_words w CROSS JOIN entries e ON e.seq = w.rowid
         WHERE w.entry_words MATCH ? AND ${wordSeqRange('w.rowid')}
         ORDER BY w.rowid DESC LIMIT ${limit + 1}`,
      )
      .all(match, scope.bottom, scope.top) as unknown as EntryRow[]
    return pageOf(rows, limit, countWords(countCap + 1))
  }
  // CROSS JOIN: the word index drives (SQLite keeps the order written), entries are looked up.
  const statement = database.prepare(
    `SELECT ${qualified} FROM entry_words w CROSS JOIN entries e ON e.seq = w.rowid
     WHERE w.entry_words MATCH ? AND ${wordSeqRange('w.rowid')} AND ${filters.sql}
     ORDER BY w.rowid DESC LIMIT ?`,
  )
  const newest = database.prepare('SELECT max(seq) AS seq FROM entries').get() as {
    seq: number | null
  }
  const deadline = performance.now() + limits.budgetMs
  const found: EntryRow[] = []
  let top = Math.min(scope.top, (newest.seq ?? 0) + 1)
  while (top > scope.bottom && found.length <= limit) {
    const bottom = Math.max(scope.bottom, top - wordWindow)
    found.push(
      ...(statement.all(
        match,
        bottom,
        top,
        ...filters.params,
        limit + 1 - found.length,
      ) as unknown as EntryRow[]),
    )
    top = bottom
    if (found.length <= limit && performance.now() >= deadline) break
  }
  const counted = (
    database
      .prepare(
        `SELECT count(*) AS n FROM (SELECT 1 FROM (${words} ORDER BY rowid DESC
           LIMIT ${filteredWordsExamined}) w CROSS JOIN entries e ON e.seq = w.rowid
         WHERE ${filters.sql} LIMIT ${countCap + 1})`,
      )
      .get(match, scope.bottom, scope.ceiling, ...filters.params) as { n: number }
  ).n
  const partial =
    counted <= countCap && countWords(filteredWordsExamined + 1) > filteredWordsExamined
  const page = pageOf(found, limit, partial ? countCap + 1 : counted)
  const stopped = found.length <= limit && top > scope.bottom
  return {
    ...page,
    ...(partial ? { total: counted, totalAtLeast: true } : {}),
    ...(stopped ? { nextCursor: String(top) } : {}),
  }
}
