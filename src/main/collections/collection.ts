import type {
  CollectionTree,
  Environment,
  SavedRequest,
  SavedRequestDraft,
} from '../../shared/collections.ts'
import type { Result } from '../../shared/result.ts'
import { writeFileAtomic, type WriteFileAtomic } from '../storage/write-file-atomic.ts'
import { guarded, type CollectionContext } from './collection-context.ts'
import { readCollection } from './collection-reader.ts'
import {
  watchCollection,
  type CollectionWatcher,
  type CollectionChange,
  type WatchOptions,
} from './collection-watcher.ts'
import * as folders from './folder-operations.ts'
import * as requests from './request-operations.ts'

export interface CollectionDependencies {
  /** Writes a whole file atomically; replaceable so tests can fail it like a full disk. */
  writeFile?: WriteFileAtomic
  log?: (message: string) => void
}

/**
 * One collection folder. Paths are collection paths (`/`-separated, `''` for the top); every
 * call answers a Result and changes go one at a time.
 */
export interface Collection {
  readonly directory: string
  list(): Promise<Result<CollectionTree>>
  saveRequest(folder: string, draft: SavedRequestDraft): Promise<Result<SavedRequest>>
  /** A changed name renames the file too. */
  updateRequest(path: string, draft: SavedRequestDraft): Promise<Result<SavedRequest>>
  renameRequest(path: string, name: string): Promise<Result<SavedRequest>>
  moveRequest(path: string, toFolder: string): Promise<Result<SavedRequest>>
  duplicateRequest(path: string): Promise<Result<SavedRequest>>
  deleteRequest(path: string): Promise<Result<void>>
  /** Puts `names` (items of `folder`) first, in this order. */
  reorder(folder: string, names: string[]): Promise<Result<void>>
  createFolder(parent: string, name: string): Promise<Result<string>>
  renameFolder(path: string, name: string): Promise<Result<string>>
  deleteFolder(path: string): Promise<Result<void>>
  saveEnvironment(environment: Environment): Promise<Result<Environment>>
  deleteEnvironment(name: string): Promise<Result<void>>
  /** Reports changes made on disk by anyone (git, an editor, this app), debounced. */
  watch(
    onChange: (change: CollectionChange, mark: number) => void,
    options?: WatchOptions,
  ): CollectionWatcher
}

export function openCollection(
  directory: string,
  dependencies: CollectionDependencies = {},
): Collection {
  const context: CollectionContext = {
    directory,
    writeFile: dependencies.writeFile ?? writeFileAtomic,
    log: dependencies.log ?? (() => undefined),
  }
  let queue: Promise<unknown> = Promise.resolve()
  const change = <T>(action: string, work: () => Promise<Result<T>>): Promise<Result<T>> => {
    const run = queue.then(() => guarded(context, action, work))
    queue = run.catch(() => undefined)
    return run
  }
  return {
    directory,
    list: () => readCollection(directory),
    saveRequest: (folder, draft) =>
      change('save in', () => requests.saveRequest(context, folder, draft)),
    updateRequest: (path, draft) =>
      change('save in', () => requests.updateRequest(context, path, draft)),
    renameRequest: (path, name) =>
      change('rename in', () => requests.renameRequest(context, path, name)),
    moveRequest: (path, to) => change('move in', () => requests.moveRequest(context, path, to)),
    duplicateRequest: (path) => change('save in', () => requests.duplicateRequest(context, path)),
    deleteRequest: (path) => change('delete in', () => requests.deleteRequest(context, path)),
    reorder: (folder, names) => change('save in', () => folders.reorder(context, folder, names)),
    createFolder: (parent, name) =>
      change('create a folder in', () => folders.createFolder(context, parent, name)),
    renameFolder: (path, name) =>
      change('rename in', () => folders.renameFolder(context, path, name)),
    deleteFolder: (path) => change('delete in', () => folders.deleteFolder(context, path)),
    saveEnvironment: (environment) =>
      change('save in', () => folders.saveEnvironment(context, environment)),
    deleteEnvironment: (name) =>
      change('delete in', () => folders.deleteEnvironment(context, name)),
    watch: (onChange, options) => watchCollection(directory, onChange, options),
  }
}
