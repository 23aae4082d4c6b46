// collections.* — saved requests in a folder the user picks; answered by main's collection
// service (files, runs), its zip service (exportZip, importZip) and the curl importer.
import * as v from 'valibot'
import { expectationsSchema } from '../expectations-schema.ts'
import type {
  OpenedCollection,
  RunFolderReport,
  ZipExported,
  ZipImported,
} from '../collection-session.ts'
import type { CollectionTree, CurlImport, SavedRequest, SavedRequestDraft } from '../collections.ts'
import type { Result } from '../result.ts'
import {
  endpointNameSchema,
  labelSchema,
  maxRequestBodyLength,
  originSchema,
  type ArgumentSchemasFor,
} from './common-schemas.ts'
import { collectionPathSchema, itemNameSchema, variableNameSchema } from './collection-schemas.ts'

export interface CollectionMethods {
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
}

export interface CollectionEvents {
  /** The open collection's listing changed (here or on disk), or its folder went away. */
  'collections.onChanged': Result<CollectionTree>
}

const draftSchema = v.strictObject({
  name: itemNameSchema,
  origin: v.nullable(originSchema),
  endpoint: endpointNameSchema,
  authMode: v.picklist(['body', 'header', 'none']),
  accountLabel: v.nullable(labelSchema),
  body: v.pipe(v.string(), v.maxLength(maxRequestBodyLength)),
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
  expectations: v.optional(expectationsSchema),
})

export const collectionArgumentSchemas = {
  'collections.open': v.strictTuple([]),
  'collections.chooseFolder': v.strictTuple([]),
  'collections.close': v.strictTuple([]),
  'collections.saveRequest': v.strictTuple([collectionPathSchema, draftSchema]),
  'collections.updateRequest': v.strictTuple([collectionPathSchema, draftSchema]),
  'collections.renameRequest': v.strictTuple([collectionPathSchema, itemNameSchema]),
  'collections.moveRequest': v.strictTuple([collectionPathSchema, collectionPathSchema]),
  'collections.duplicateRequest': v.strictTuple([collectionPathSchema]),
  'collections.deleteRequest': v.strictTuple([collectionPathSchema]),
  'collections.reorder': v.strictTuple([
    collectionPathSchema,
    v.pipe(v.array(v.pipe(v.string(), v.minLength(1), v.maxLength(300))), v.maxLength(10_000)),
  ]),
  'collections.createFolder': v.strictTuple([collectionPathSchema, itemNameSchema]),
  'collections.renameFolder': v.strictTuple([collectionPathSchema, itemNameSchema]),
  'collections.deleteFolder': v.strictTuple([collectionPathSchema]),
  'collections.runFolder': v.union([
    v.strictTuple([collectionPathSchema, v.nullable(originSchema)]),
    v.strictTuple([
      collectionPathSchema,
      v.nullable(originSchema),
      v.nullable(v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/))),
    ]),
  ]),
  'collections.importCurl': v.strictTuple([v.pipe(v.string(), v.maxLength(200_000))]),
  'collections.exportZip': v.strictTuple([]),
  'collections.importZip': v.strictTuple([]),
} satisfies ArgumentSchemasFor<CollectionMethods>
