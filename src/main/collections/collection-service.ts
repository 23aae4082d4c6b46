import type {
  CollectionTree,
  Environment,
  SavedRequest,
  SavedRequestDraft,
} from '../../shared/collections.ts'
import type { OpenedCollection, RunFolderReport } from '../../shared/collection-session.ts'
import type { ResponseRecord, SendRequestInput } from '../../shared/requests.ts'
import { fail, ok, type Result } from '../../shared/result.ts'
import type { SettingsFile } from '../settings/app-settings.ts'
import { openCollection, type Collection } from './collection.ts'
import { checkCollection } from './collection-reader.ts'
import type { CollectionWatcher } from './collection-watcher.ts'
import { writeFileAtomic } from '../storage/write-file-atomic.ts'
import { parseRequest, requestFileSuffix } from './request-file.ts'
import { confirmationFor, planRun, requestHash } from './run-approval.ts'
import { findFolder, requestsIn, runFolder, type RunFolderDependencies } from './run-folder.ts'
import type { FillableVariables } from '../requests/substituting-sender.ts'

/** Enough for any real collection's history of edits; the oldest are forgotten first. */
const maxTrustedPerCollection = 5000

export interface CollectionServiceDependencies {
  settings: SettingsFile
  log: (message: string) => void
  /** The system's folder dialog; the chosen folder, or null when cancelled. */
  chooseFolder: (purpose: 'open-collection' | 'import-target') => Promise<string | null>
  /** Pushes the listing after any change (the app's own or one made on disk), or why it failed. */
  emitChanged: (result: Result<CollectionTree>) => void
  send: (input: SendRequestInput) => Promise<Result<ResponseRecord>>
  account: RunFolderDependencies['account']
  watchDebounceMs?: number
  /** How often the folder itself is checked for being there. Default 2 s. */
  presenceCheckMs?: number
}

interface Open {
  collection: Collection
  watcher: CollectionWatcher
  tree: CollectionTree
  presence: ReturnType<typeof setInterval>
}

/**
 * The one collection folder the app has open: opened from the folder dialog or the one
 * remembered from last time, watched so that changes made outside the app (a git pull, an
 * editor) reach the renderer, with the active environment and the variables captured in this
 * session.
 */
export function createCollectionService(dependencies: CollectionServiceDependencies) {
  const { settings } = dependencies
  let current: Open | null = null
  let captured: Record<string, string> = {}
  /** The server each captured value came from: it is not sent to another one unasked. */
  let capturedOrigins: Record<string, string> = {}
  // What the renderer was last told, so the app's own change and the watcher's echo of it are
  // pushed once.
  let lastPushed = ''

  /**
   * The app's own changes under way, and a mark bumped as each starts and ends. What the watcher
   * lists meanwhile is half-done work (a duplicate written but not yet placed after its original
   * in the folder's order): pushed, the tree showed it and then moved it. A listing is pushed
   * only if no change was under way while it ran; the change lists the folder itself once done,
   * a listing that overlapped one is made again, and the watcher reports what happens after.
   */
  let changesUnderWay = 0
  let changeMark = 0

  function push(result: Result<CollectionTree>) {
    const key = JSON.stringify(result)
    if (key === lastPushed) return
    lastPushed = key
    if (result.ok && current) current.tree = result.value
    dependencies.emitChanged(result)
  }

  async function describe(open: Open): Promise<OpenedCollection> {
    const remembered = (await settings.read()).activeEnvironments[open.collection.directory]
    const exists = open.tree.environments.some((environment) => environment.name === remembered)
    return { tree: open.tree, activeEnvironment: exists ? remembered! : null, captured }
  }

  async function close(): Promise<void> {
    const closing = current
    current = null
    lastPushed = ''
    captured = {}
    capturedOrigins = {}
    if (closing) clearInterval(closing.presence)
    await closing?.watcher.close()
  }

  /**
   * The watcher reports changes inside the folder, but not always the folder itself going away
   * (an empty folder deleted, a drive unmounted) or coming back (a git checkout): a cheap stat
   * now and then covers that.
   */
  function checkPresence(collection: Collection) {
    return async () => {
      if (current?.collection !== collection) return
      const present = await checkCollection(collection.directory)
      const wasPresent = lastPushed.startsWith('{"ok":true')
      if (present.ok !== wasPresent) push(present.ok ? await collection.list() : present)
    }
  }

  // Opening and closing go one at a time: two quick opens must not leave a watcher behind.
  let switching: Promise<unknown> = Promise.resolve()
  function oneAtATime<T>(work: () => Promise<T>): Promise<T> {
    const run = switching.then(work)
    switching = run.catch(() => undefined)
    return run
  }

  function openAt(directory: string): Promise<Result<OpenedCollection>> {
    return oneAtATime(() => switchTo(directory))
  }

  async function switchTo(directory: string): Promise<Result<OpenedCollection>> {
    const collection = openCollection(directory, {
      log: dependencies.log,
      writeFile: trustingWrite(directory),
    })
    const listed = await collection.list()
    // A folder that cannot be read leaves the one open before as it was.
    if (!listed.ok) return listed
    await close()
    const watcher = collection.watch(
      (change, mark) => {
        if (current?.collection !== collection) return
        // The change under way pushes its own listing when done.
        if (changesUnderWay > 0) return
        // A listing that overlapped a change now over may hold an edit made on disk meanwhile:
        // the folder is listed again rather than that listing pushed.
        if (mark !== changeMark) return void listAgain(collection)
        push(change.kind === 'changed' ? ok(change.tree) : { ok: false, error: change.error })
      },
      {
        mark: () => changeMark,
        ...(dependencies.watchDebounceMs === undefined
          ? {}
          : { debounceMs: dependencies.watchDebounceMs }),
      },
    )
    const presence = setInterval(checkPresence(collection), dependencies.presenceCheckMs ?? 2000)
    presence.unref?.()
    current = { collection, watcher, tree: listed.value, presence }
    lastPushed = JSON.stringify(listed)
    await settings.update((value) => ({ ...value, collectionDirectory: directory }))
    await watcher.ready
    return ok(await describe(current))
  }

  /** Writes as usual; a request file the app writes is the app's, so its run asks nothing. */
  function trustingWrite(directory: string) {
    return async (path: string, data: string | Uint8Array) => {
      await writeFileAtomic(path, data)
      if (typeof data !== 'string' || !path.endsWith(requestFileSuffix)) return
      const parsed = parseRequest(data)
      if (parsed.ok) await trust(directory, [requestHash(parsed.draft)])
    }
  }

  async function trust(directory: string, hashes: string[]) {
    await settings.update((value) => {
      const known = (value.trustedRequests[directory] ?? []).filter((h) => !hashes.includes(h))
      const next = [...known, ...hashes].slice(-maxTrustedPerCollection)
      return { ...value, trustedRequests: { ...value.trustedRequests, [directory]: next } }
    })
  }

  /** Lists `collection` and pushes it, unless an app change came in the meantime. */
  async function listAgain(collection: Collection) {
    const mark = changeMark
    const listed = await collection.list()
    if (current?.collection === collection && changesUnderWay === 0 && mark === changeMark) {
      push(listed)
    }
  }

  /** Runs a change on the open collection, then pushes the new listing. */
  async function change<T>(work: (collection: Collection) => Promise<Result<T>>) {
    const open = current
    if (!open) return notOpen()
    changesUnderWay++
    changeMark++
    try {
      const result = await work(open.collection)
      if (current === open) push(await open.collection.list())
      return result
    } finally {
      changesUnderWay--
      changeMark++
    }
  }

  function activeVariables(open: Open, activeEnvironment: string | null) {
    const environment = open.tree.environments.find((item) => item.name === activeEnvironment)
    return { ...environment?.variables, ...captured }
  }

  return {
    /** Reopens the folder remembered from the last session; null when there is none. */
    async openRemembered(): Promise<Result<OpenedCollection | null>> {
      if (current) return ok(await describe(current))
      const directory = (await settings.read()).collectionDirectory
      return directory === null ? ok(null) : openAt(directory)
    },
    async chooseFolder(): Promise<Result<OpenedCollection | null>> {
      const directory = await dependencies.chooseFolder('open-collection')
      return directory === null ? ok(null) : openAt(directory)
    },
    openAt,
    close: (): Promise<Result<void>> =>
      oneAtATime(async () => {
        await close()
        await settings.update((value) => ({ ...value, collectionDirectory: null }))
        return ok(undefined)
      }),
    /** Stops watching, remembering the folder for the next session. */
    shutdown: () => oneAtATime(close),
    directory: () => current?.collection.directory ?? null,
    saveRequest: (folder: string, draft: SavedRequestDraft): Promise<Result<SavedRequest>> =>
      change((collection) => collection.saveRequest(folder, draft)),
    updateRequest: (path: string, draft: SavedRequestDraft) =>
      change((collection) => collection.updateRequest(path, draft)),
    renameRequest: (path: string, name: string) =>
      change((collection) => collection.renameRequest(path, name)),
    moveRequest: (path: string, toFolder: string) =>
      change((collection) => collection.moveRequest(path, toFolder)),
    duplicateRequest: (path: string) => change((collection) => collection.duplicateRequest(path)),
    deleteRequest: (path: string) => change((collection) => collection.deleteRequest(path)),
    reorder: (folder: string, names: string[]) =>
      change((collection) => collection.reorder(folder, names)),
    createFolder: (parent: string, name: string) =>
      change((collection) => collection.createFolder(parent, name)),
    renameFolder: (path: string, name: string) =>
      change((collection) => collection.renameFolder(path, name)),
    deleteFolder: (path: string) => change((collection) => collection.deleteFolder(path)),
    saveEnvironment: (environment: Environment) =>
      change((collection) => collection.saveEnvironment(environment)),
    deleteEnvironment: (name: string) => change((collection) => collection.deleteEnvironment(name)),

    async setActiveEnvironment(name: string | null): Promise<Result<string | null>> {
      const open = current
      if (!open) return notOpen()
      if (name !== null && !open.tree.environments.some((item) => item.name === name)) {
        return fail('COLLECTION_ITEM_NOT_FOUND', `There is no environment called ${name}.`, {
          path: `environments/${name}.json`,
        })
      }
      const directory = open.collection.directory
      await settings.update((value) => {
        const activeEnvironments = { ...value.activeEnvironments }
        if (name === null) delete activeEnvironments[directory]
        else activeEnvironments[directory] = name
        return { ...value, activeEnvironments }
      })
      return ok(name)
    },

    clearCaptured(): Result<void> {
      captured = {}
      capturedOrigins = {}
      return ok(undefined)
    },

    /**
     * The variables `{{name}}` is filled from now (the active environment's, then captured ones),
     * with the server each captured one came from.
     */
    async variables(): Promise<FillableVariables> {
      if (!current) return { values: {}, capturedFrom: {} }
      return {
        values: activeVariables(current, (await describe(current)).activeEnvironment),
        capturedFrom: { ...capturedOrigins },
      }
    },

    async runFolder(
      folder: string,
      fallbackOrigin: string | null,
      approval: string | null = null,
    ): Promise<Result<RunFolderReport>> {
      const open = current
      if (!open) return notOpen()
      // Listed afresh: a file edited a moment ago must run as it is now.
      const listed = await open.collection.list()
      if (!listed.ok) return listed
      push(listed)
      const found = findFolder(listed.value.root, folder)
      const requests = found ? requestsIn(found) : []
      const directory = open.collection.directory
      const plan = await planRun(requests, {
        fallbackOrigin,
        capturedOrigins,
        account: dependencies.account,
      })
      const trusted = new Set((await settings.read()).trustedRequests[directory] ?? [])
      const confirmation = found ? confirmationFor(requests, plan, trusted) : null
      if (confirmation && confirmation.approval !== approval) {
        return ok({ folder, steps: [], captured, confirmation })
      }
      if (confirmation) await trust(directory, requests.map(requestHash))
      const variables = activeVariables(open, (await describe(open)).activeEnvironment)
      const run = await runFolder(
        listed.value.root,
        folder,
        {
          variables,
          fallbackOrigin,
          crossingsAt: plan.crossingsAt,
          allowCrossOrigin: confirmation !== null,
        },
        { send: dependencies.send, account: dependencies.account },
      )
      if (!run.ok) return run
      if (current === open) {
        captured = { ...captured, ...run.value.captured }
        for (const name of Object.keys(run.value.captured)) {
          const origin = plan.capturedOrigins[name]
          if (origin) capturedOrigins[name] = origin
        }
      }
      return ok({ folder: run.value.folder, steps: run.value.steps, captured })
    },
  }
}

export type CollectionService = ReturnType<typeof createCollectionService>

function notOpen(): Result<never> {
  return fail('COLLECTION_NOT_OPEN', 'Choose a collection folder first.')
}
