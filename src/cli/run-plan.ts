import { resolve } from 'node:path'
import type { CollectionFolder, CollectionNode, SavedRequest } from '../shared/collections.ts'
import type { AuthMode } from '../shared/accounts.ts'
import { readCollection } from '../main/collections/collection-reader.ts'
import { findFolder, requestsIn } from '../main/collections/run-folder.ts'
import { requestFileSuffix } from '../main/collections/request-file.ts'
import { normalizeServerAddress } from '../main/server-address.ts'
import type { RunArguments } from './arguments.ts'

/** What will run, worked out before anything is sent. */
export interface RunPlan {
  directory: string
  /** Every selected request, sent to `server`, with the auth mode it will be sent with. */
  requests: SavedRequest[]
  server: string
  variables: Record<string, string>
  /** Some request sends a token. */
  needsToken: boolean
}

export type Planned = { ok: true; plan: RunPlan } | { ok: false; reason: string }

/** Reads the collection and picks the requests, the server and the variables for the run. */
export async function planRun(args: RunArguments, cwd: string): Promise<Planned> {
  const directory = resolve(cwd, args.collection)
  const listed = await readCollection(directory)
  if (!listed.ok) {
    return {
      ok: false,
      reason:
        listed.error.code === 'COLLECTION_NOT_FOUND'
          ? `${args.collection} is not a collection folder (no such folder)`
          : `${args.collection} cannot be read: ${listed.error.message}`,
    }
  }
  const tree = listed.value
  let environmentVariables: Record<string, string> = {}
  if (args.environment !== null) {
    const environment = tree.environments.find((item) => item.name === args.environment)
    if (!environment) {
      const bad = tree.invalidEnvironments.find(
        (item) => item.path === `environments/${args.environment}.json`,
      )
      const known = tree.environments.map((item) => item.name)
      return {
        ok: false,
        reason: bad
          ? `environment ${args.environment} cannot be read: ${bad.error}`
          : `no environment called ${args.environment}${known.length ? ` (there are: ${known.join(', ')})` : ''}`,
      }
    }
    environmentVariables = environment.variables
  }

  const selected = selectRequests(tree.root, args.selectors)
  if (!selected.ok) return selected
  if (selected.requests.length === 0)
    return { ok: false, reason: 'there are no requests to run there' }

  const server = chooseServer(args.server ?? environmentVariables.server ?? null, selected.requests)
  if (!server.ok) return server
  const requests = selected.requests.map((request) => ({
    ...request,
    origin: server.origin,
    authMode: (args.auth ?? request.authMode) satisfies AuthMode,
  }))
  return {
    ok: true,
    plan: {
      directory,
      requests,
      server: server.origin,
      variables: { ...environmentVariables, ...args.variables },
      needsToken: requests.some((request) => request.authMode !== 'none'),
    },
  }
}

/**
 * The requests named on the command line (folders or request files, collection paths with `/`),
 * each folder's in the order the app shows; the whole collection when none is named. A file the
 * app cannot read is a setup error, not something to skip quietly.
 */
export function selectRequests(
  root: CollectionFolder,
  selectors: string[],
): { ok: true; requests: SavedRequest[] } | { ok: false; reason: string } {
  const folders: CollectionFolder[] = []
  const requests: SavedRequest[] = []
  for (const selector of selectors.length > 0 ? selectors : ['']) {
    const path = selector.replace(/\\/g, '/').replace(/^\.?\/+|\/+$/g, '')
    const folder = findFolder(root, path)
    if (folder) {
      folders.push(folder)
      requests.push(...requestsIn(folder))
      continue
    }
    const request = findRequest(root, path)
    if (!request)
      return {
        ok: false,
        reason: `${selector} is neither a folder nor a request of the collection`,
      }
    requests.push(request)
  }
  const invalid = folders.flatMap(invalidFiles)
  if (invalid.length > 0) {
    const first = invalid[0]!
    const more = invalid.length > 1 ? ` (and ${invalid.length - 1} more)` : ''
    return { ok: false, reason: `${first.path} cannot be read: ${first.error}${more}` }
  }
  const seen = new Set<string>()
  return {
    ok: true,
    requests: requests.filter((request) => !seen.has(request.path) && seen.add(request.path)),
  }
}

function findRequest(folder: CollectionFolder, path: string): SavedRequest | null {
  const wanted = path.endsWith(requestFileSuffix) ? path : `${path}${requestFileSuffix}`
  for (const node of folder.children) {
    if (node.kind === 'request' && node.request.path === wanted) return node.request
    if (node.kind === 'folder') {
      const found = findRequest(node.folder, path)
      if (found) return found
    }
  }
  return null
}

function invalidFiles(folder: CollectionFolder): Array<{ path: string; error: string }> {
  return folder.children.flatMap((node: CollectionNode) =>
    node.kind === 'invalid' ? [node.file] : node.kind === 'folder' ? invalidFiles(node.folder) : [],
  )
}

/** One server for the whole run, so the token goes to that server and nowhere else. */
function chooseServer(
  given: string | null,
  requests: SavedRequest[],
): { ok: true; origin: string } | { ok: false; reason: string } {
  if (given !== null) {
    const normalized = normalizeServerAddress(given)
    return normalized.ok
      ? { ok: true, origin: normalized.value }
      : { ok: false, reason: `--server: ${normalized.error.message}` }
  }
  const origins = [
    ...new Set(requests.flatMap((request) => (request.origin ? [request.origin] : []))),
  ]
  if (origins.length === 1) return { ok: true, origin: origins[0]! }
  return {
    ok: false,
    reason:
      origins.length === 0
        ? 'no server: pass --server URL (or set "server" in the environment)'
        : `the requests were saved for ${origins.length} servers (${origins.join(', ')}); choose one with --server`,
  }
}
