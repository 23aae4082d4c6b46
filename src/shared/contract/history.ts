// history.* — every request main sent, searched and kept; answered by main's history service.
import * as v from 'valibot'
import {
  historyStatusClasses,
  type HistoryEntry,
  type HistoryNotice,
  type HistoryPage,
  type HistoryQuery,
  type HistorySummary,
} from '../history.ts'
import type { Result } from '../result.ts'
import { idSchema, originSchema, type ArgumentSchemasFor } from './common-schemas.ts'

export interface HistoryMethods {
  /** History entries newest first, filtered and searched, a page at a time. */
  'history.search'(query: HistoryQuery): Promise<Result<HistoryPage>>
  /** One entry with its request and response bodies. */
  'history.get'(id: string): Promise<Result<HistoryEntry>>
  'history.setPinned'(id: string, pinned: boolean): Promise<Result<HistorySummary>>
  'history.delete'(id: string): Promise<Result<void>>
  'history.clear'(options: { keepPinned: boolean }): Promise<Result<{ removed: number }>>
  /** What start-up found wrong with the history file (set aside); answered once. */
  'history.takeNotices'(): Promise<Result<HistoryNotice[]>>
}

export interface HistoryEvents {
  /** An entry is on disk (or could not be written, and why). */
  'history.onAppended': Result<HistorySummary>
}

const querySchema = v.strictObject({
  text: v.optional(v.pipe(v.string(), v.maxLength(1000))),
  searchResponseBodies: v.optional(v.boolean()),
  origin: v.optional(originSchema),
  statusClasses: v.optional(v.pipe(v.array(v.picklist(historyStatusClasses)), v.maxLength(5))),
  from: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
  to: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
  pinnedOnly: v.optional(v.boolean()),
  cursor: v.optional(v.pipe(v.string(), v.regex(/^\d{1,16}$/))),
  limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(500))),
})

export const historyArgumentSchemas = {
  'history.search': v.strictTuple([querySchema]),
  'history.get': v.strictTuple([idSchema]),
  'history.setPinned': v.strictTuple([idSchema, v.boolean()]),
  'history.delete': v.strictTuple([idSchema]),
  'history.clear': v.strictTuple([v.strictObject({ keepPinned: v.boolean() })]),
  'history.takeNotices': v.strictTuple([]),
} satisfies ArgumentSchemasFor<HistoryMethods>
