// The history and collections part of the contract (contract.ts merges it into the one
// ExplorerMethods / bridgeArgumentSchemas). Every path the page may name is a collection path,
// checked here for shape (no `..`, no backslash, bounded) and again in main against the folder.
import * as v from 'valibot'
import type {
  CollectionTree,
  CurlImport,
  Environment,
  SavedRequest,
  SavedRequestDraft,
} from './collections.ts'
import type {
  OpenedCollection,
  RunFolderReport,
  ZipExported,
  ZipImported,
} from './collection-session.ts'
import {
  historyStatusClasses,
  type HistoryEntry,
  type HistoryNotice,
  type HistoryPage,
  type HistoryQuery,
  type HistorySummary,
} from './history.ts'
import type { Result } from './result.ts'

export interface StorageMethods {
  /** History entries newest first, filtered and searched, a page at a time. */
  'history.search'(query: HistoryQuery): Promise<Result<HistoryPage>>
  /** One entry with its request and response bodies. */
  'history.get'(id: string): Promise<Result<HistoryEntry>>
  'history.setPinned'(id: string, pinned: boolean): Promise<Result<HistorySummary>>
  'history.delete'(id: string): Promise<Result<void>>
  'history.clear'(options: { keepPinned: boolean }): Promise<Result<{ removed: number }>>
  /** What start-up found wrong with the history file (set aside); answered once. */
  'history.takeNotices'(): Promise<Result<HistoryNotice[]>>
  /** The collection folder opened last time, reopened; null when there is none. */
  'collections.open'(): Promise<Result<OpenedCollection | null>>
  /** Pick a collection folder in the system dialog and open it; null when cancelled. */
  'collections.chooseFolder'(): Promise<Result<OpenedCollection | null>>
  /** Stop using the open collection (its files stay as they are). */
  'collections.close'(): Promise<Result<void>>
  'collections.saveRequest'(folder: string, draft: SavedRequestDraft): Promise<Result<SavedRequest>>
  'collections.updateRequest'(path: string, draft: SavedRequestDraft): Promise<Result<SavedRequest>>
  'collections.renameRequest'(path: string, name: string): Promise<Result<SavedRequest>>
  'collections.moveRequest'(path: string, toFolder: string): Promise<Result<SavedRequest>>
  'collections.duplicateRequest'(path: string): Promise<Result<SavedRequest>>
  'collections.deleteRequest'(path: string): Promise<Result<void>>
  /** Puts `names` (items of `folder`) first, in this order. */
  'collections.reorder'(folder: string, names: string[]): Promise<Result<void>>
  'collections.createFolder'(parent: string, name: string): Promise<Result<string>>
  'collections.renameFolder'(path: string, name: string): Promise<Result<string>>
  'collections.deleteFolder'(path: string): Promise<Result<void>>
  /**
   * Send a folder's requests in order with the active environment, each capture feeding the
   * next; requests naming no server go to `fallbackOrigin`. A folder changed outside the app, or
   * a run that would carry a captured value to another server, first answers with a
   * `confirmation` and sends nothing; run again with its `approval` to go ahead.
   */
  'collections.runFolder'(
    folder: string,
    fallbackOrigin: string | null,
    approval?: string | null,
  ): Promise<Result<RunFolderReport>>
  /** A curl command as a request draft; its token is dropped, never kept. */
  'collections.importCurl'(command: string): Promise<Result<CurlImport>>
  /** Save the open collection as a zip where the user picks; null when cancelled. */
  'collections.exportZip'(): Promise<Result<ZipExported | null>>
  /** Pick a zip, then an empty folder to unpack it into, and open it; null when cancelled. */
  'collections.importZip'(): Promise<Result<ZipImported | null>>
  'environments.save'(environment: Environment): Promise<Result<Environment>>
  /**
   * The names of variables that look like they hold a secret (a saved account's token, or a
   * name such as `token`); the page warns that environment files are plain shared files.
   */
  'environments.findSecrets'(environment: Environment): Promise<Result<string[]>>
  'environments.delete'(name: string): Promise<Result<void>>
  /** The environment whose variables fill `{{name}}` when sending; null for none. */
  'environments.setActive'(name: string | null): Promise<Result<string | null>>
  /** Forget the variables captured from responses in this session. */
  'environments.clearCaptured'(): Promise<Result<void>>
}

export interface StorageEvents {
  /** An entry is on disk (or could not be written, and why). */
  'history.onAppended': Result<HistorySummary>
  /** The open collection's listing changed (here or on disk), or its folder went away. */
  'collections.onChanged': Result<CollectionTree>
}

/** Schemas contract.ts already has, passed in so both parts check origins alike. */
export interface CommonSchemas {
  origin: v.GenericSchema<string, string>
  endpoint: v.GenericSchema<string, string>
  id: v.GenericSchema<string, string>
  label: v.GenericSchema<string, string>
  maxBodyLength: number
}

const pathSchema = v.pipe(
  v.string(),
  v.maxLength(1024),
  v.check(
    (path) =>
      path === '' ||
      path
        .split('/')
        .every(
          (segment) =>
            segment !== '' && segment !== '.' && segment !== '..' && !/[\\:\0]/.test(segment),
        ),
    'must be a path inside the collection, without ..',
  ),
)
const nameSchema = v.pipe(v.string(), v.minLength(1), v.maxLength(200))
const variableNameSchema = v.pipe(v.string(), v.regex(/^[A-Za-z_][\w.-]{0,99}$/))

export function storageArgumentSchemas(common: CommonSchemas) {
  const draftSchema = v.strictObject({
    name: nameSchema,
    origin: v.nullable(common.origin),
    endpoint: common.endpoint,
    authMode: v.picklist(['body', 'header', 'none']),
    accountLabel: v.nullable(common.label),
    body: v.pipe(v.string(), v.maxLength(common.maxBodyLength)),
    notes: v.pipe(v.string(), v.maxLength(100_000)),
    captures: v.pipe(
      v.array(
        v.strictObject({
          variable: variableNameSchema,
          path: v.pipe(v.string(), v.minLength(1), v.maxLength(500)),
        }),
      ),
      v.maxLength(100),
    ),
  })
  const querySchema = v.strictObject({
    text: v.optional(v.pipe(v.string(), v.maxLength(1000))),
    searchResponseBodies: v.optional(v.boolean()),
    origin: v.optional(common.origin),
    statusClasses: v.optional(v.pipe(v.array(v.picklist(historyStatusClasses)), v.maxLength(5))),
    from: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
    to: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
    pinnedOnly: v.optional(v.boolean()),
    cursor: v.optional(v.pipe(v.string(), v.regex(/^\d{1,16}$/))),
    limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(500))),
  })
  const environmentSchema = v.strictObject({
    name: nameSchema,
    variables: v.pipe(
      v.record(variableNameSchema, v.pipe(v.string(), v.maxLength(65_536))),
      v.check((variables) => Object.keys(variables).length <= 500, 'has too many variables'),
    ),
  })
  return {
    'history.search': v.strictTuple([querySchema]),
    'history.get': v.strictTuple([common.id]),
    'history.setPinned': v.strictTuple([common.id, v.boolean()]),
    'history.delete': v.strictTuple([common.id]),
    'history.clear': v.strictTuple([v.strictObject({ keepPinned: v.boolean() })]),
    'history.takeNotices': v.strictTuple([]),
    'collections.open': v.strictTuple([]),
    'collections.chooseFolder': v.strictTuple([]),
    'collections.close': v.strictTuple([]),
    'collections.saveRequest': v.strictTuple([pathSchema, draftSchema]),
    'collections.updateRequest': v.strictTuple([pathSchema, draftSchema]),
    'collections.renameRequest': v.strictTuple([pathSchema, nameSchema]),
    'collections.moveRequest': v.strictTuple([pathSchema, pathSchema]),
    'collections.duplicateRequest': v.strictTuple([pathSchema]),
    'collections.deleteRequest': v.strictTuple([pathSchema]),
    'collections.reorder': v.strictTuple([
      pathSchema,
      v.pipe(v.array(v.pipe(v.string(), v.minLength(1), v.maxLength(300))), v.maxLength(10_000)),
    ]),
    'collections.createFolder': v.strictTuple([pathSchema, nameSchema]),
    'collections.renameFolder': v.strictTuple([pathSchema, nameSchema]),
    'collections.deleteFolder': v.strictTuple([pathSchema]),
    'collections.runFolder': v.union([
      v.strictTuple([pathSchema, v.nullable(common.origin)]),
      v.strictTuple([
        pathSchema,
        v.nullable(common.origin),
        v.nullable(v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/))),
      ]),
    ]),
    'collections.importCurl': v.strictTuple([v.pipe(v.string(), v.maxLength(200_000))]),
    'collections.exportZip': v.strictTuple([]),
    'collections.importZip': v.strictTuple([]),
    'environments.save': v.strictTuple([environmentSchema]),
    'environments.findSecrets': v.strictTuple([environmentSchema]),
    'environments.delete': v.strictTuple([nameSchema]),
    'environments.setActive': v.strictTuple([v.nullable(nameSchema)]),
    'environments.clearCaptured': v.strictTuple([]),
  } satisfies {
    [Name in keyof StorageMethods]: v.GenericSchema<unknown, Parameters<StorageMethods[Name]>>
  }
}
