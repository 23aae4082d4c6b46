// "Next page" for Misskey's list endpoints, from the schema, the last body and what came back.
//
// How Misskey pages (QueryService.makePaginationQuery and FanoutTimelineEndpointService in
// 2025.5): ids are compared as strings (`id < untilId`, `id > sinceId`). With untilId, or with
// nothing, the newest come first. With sinceId alone the OLDEST above it come first (ascending),
// so going on towards the present takes the newest id of the page, which is its last item. With
// both, newest first inside the range. sinceDate/untilDate only count when no id is given, and
// are turned into ids from the timestamp, so they follow the same rules.
import type { JsonSchema } from './catalog.ts'
import { flattenSchema, isRecord, propertiesOf } from './schema-walk.ts'

export type PageCursor = 'untilId' | 'sinceId' | 'untilDate' | 'sinceDate' | 'offset'

export interface NextPage {
  body: Record<string, unknown>
  /** The parameter that moved. */
  cursor: PageCursor
  /** `older`/`newer` for id and date cursors, `further` for offset. */
  direction: 'older' | 'newer' | 'further'
}

export type NoNextPageReason =
  /** The schema has none of untilId, sinceId, untilDate, sinceDate, offset. */
  | 'NOT_PAGINATED'
  /** The response is not a JSON array. */
  | 'NOT_A_LIST'
  | 'EMPTY'
  /** Fewer items than `limit` came back: that was all of them (for now). */
  | 'LAST_PAGE'
  /** The items carry no usable `id` (or `createdAt` for dates), so there is nothing to go on. */
  | 'NO_CURSOR'

export interface NoNextPage {
  body: null
  reason: NoNextPageReason
  message: string
}

const cursorNames: PageCursor[] = ['untilId', 'sinceId', 'untilDate', 'sinceDate', 'offset']

/** The paging parameters an endpoint's request schema offers, in this order. */
export function pageCursorsOf(schema: JsonSchema | null): PageCursor[] {
  if (!schema) return []
  const properties = propertiesOf(flattenSchema(schema, schema))
  return cursorNames.filter((name) => name in properties)
}

export function nextPageBody(
  schema: JsonSchema | null,
  lastBody: Record<string, unknown>,
  lastResponse: unknown,
): NextPage | NoNextPage {
  const cursors = pageCursorsOf(schema)
  if (cursors.length === 0) {
    return none('NOT_PAGINATED', 'This endpoint has no paging parameters.')
  }
  if (!Array.isArray(lastResponse)) return none('NOT_A_LIST', 'The response is not a list.')
  if (lastResponse.length === 0) return none('EMPTY', 'The last page was empty.')
  const limit = effectiveLimit(schema, lastBody)
  // With allowPartial a timeline may answer short from its cache while older notes remain.
  if (limit !== null && lastResponse.length < limit && lastBody.allowPartial !== true) {
    return none(
      'LAST_PAGE',
      `The last page had ${lastResponse.length} of at most ${limit} items, so there are no more.`,
    )
  }
  const has = (cursor: PageCursor) => cursors.includes(cursor)
  const given = (name: string) => lastBody[name] !== undefined && lastBody[name] !== null
  const items = lastResponse
  if (given('offset') || (has('offset') && !has('untilId') && !has('sinceId'))) {
    return byOffset(lastBody, items.length)
  }
  const ids = idRange(items)
  if (given('untilId') || given('sinceId')) {
    if (!ids) return none('NO_CURSOR', 'The items have no ids to page by.')
    return given('sinceId') && !given('untilId')
      ? next({ ...lastBody, sinceId: ids.newest }, 'sinceId', 'newer')
      : next({ ...lastBody, untilId: ids.oldest }, 'untilId', 'older')
  }
  if (given('untilDate') || given('sinceDate')) return byDate(lastBody, items, ids, has)
  if (has('untilId') && ids) return next({ ...lastBody, untilId: ids.oldest }, 'untilId', 'older')
  if (has('offset')) return byOffset(lastBody, items.length)
  if (has('sinceId') && ids) return next({ ...lastBody, sinceId: ids.newest }, 'sinceId', 'newer')
  if (has('untilDate')) return byDate(lastBody, items, ids, has)
  return none('NO_CURSOR', 'The items have no ids to page by.')
}

function byOffset(lastBody: Record<string, unknown>, count: number): NextPage {
  const offset = typeof lastBody.offset === 'number' ? lastBody.offset : 0
  return next({ ...lastBody, offset: offset + count }, 'offset', 'further')
}

/**
 * Dates are turned into ids from the timestamp alone, so notes of the same millisecond may be
 * repeated or skipped. Where the schema has the id parameter the next page moves to it (exact);
 * only a date range (both dates) keeps dates, since an id would switch the range off.
 */
function byDate(
  lastBody: Record<string, unknown>,
  items: unknown[],
  ids: IdRange | null,
  has: (cursor: PageCursor) => boolean,
): NextPage | NoNextPage {
  const range = lastBody.sinceDate != null && lastBody.untilDate != null
  const newer = lastBody.sinceDate != null && lastBody.untilDate == null
  const { untilDate: _until, sinceDate: _since, ...withoutDates } = lastBody
  if (!range && ids) {
    if (newer && has('sinceId'))
      return next({ ...withoutDates, sinceId: ids.newest }, 'sinceId', 'newer')
    if (!newer && has('untilId'))
      return next({ ...withoutDates, untilId: ids.oldest }, 'untilId', 'older')
  }
  const times = items
    .map((item) =>
      isRecord(item) && typeof item.createdAt === 'string' ? Date.parse(item.createdAt) : NaN,
    )
    .filter((time) => Number.isFinite(time))
  if (times.length !== items.length) {
    return none('NO_CURSOR', 'The items have no createdAt dates to page by.')
  }
  return newer
    ? next({ ...lastBody, sinceDate: Math.max(...times) }, 'sinceDate', 'newer')
    : next({ ...lastBody, untilDate: Math.min(...times) }, 'untilDate', 'older')
}

interface IdRange {
  oldest: string
  newest: string
}

/**
 * The oldest and newest ids of a page. Misskey's ids (aid, aidx, meid, ulid, objectid) sort as
 * strings in time order, which is how the server compares them; when lengths differ (a server
 * that changed its id format) the page's own order is trusted instead: Misskey's descending
 * order unless the first id is the smaller.
 */
function idRange(items: unknown[]): IdRange | null {
  const ids = items.map((item) => (isRecord(item) && typeof item.id === 'string' ? item.id : ''))
  if (ids.some((id) => id === '')) return null
  const first = ids[0] as string
  const last = ids[ids.length - 1] as string
  if (ids.every((id) => id.length === first.length)) {
    const sorted = [...ids].sort()
    return { oldest: sorted[0] as string, newest: sorted[sorted.length - 1] as string }
  }
  return first < last ? { oldest: first, newest: last } : { oldest: last, newest: first }
}

function effectiveLimit(
  schema: JsonSchema | null,
  lastBody: Record<string, unknown>,
): number | null {
  if (typeof lastBody.limit === 'number') return lastBody.limit
  if (!schema) return null
  const limit = flattenSchema(schema, propertiesOf(flattenSchema(schema, schema)).limit)
  return typeof limit.default === 'number' ? limit.default : null
}

function next(
  body: Record<string, unknown>,
  cursor: PageCursor,
  direction: NextPage['direction'],
): NextPage {
  return { body, cursor, direction }
}

function none(reason: NoNextPageReason, message: string): NoNextPage {
  return { body: null, reason, message }
}
