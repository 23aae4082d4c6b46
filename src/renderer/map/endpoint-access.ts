import type { Account } from '../../shared/accounts.ts'
import type { CatalogEndpoint } from '../../shared/catalog.ts'

/** The marks of an endpoint chip in the API map. */
export type AccessMark = 'public' | 'token' | 'permission' | 'admin' | 'internal'

type EndpointFacts = Pick<
  CatalogEndpoint,
  'name' | 'tags' | 'credentialRequired' | 'permission' | 'internal'
>

export function accessMarks(endpoint: EndpointFacts): AccessMark[] {
  const marks: AccessMark[] = []
  if (endpoint.credentialRequired !== true) marks.push('public')
  else marks.push(endpoint.permission ? 'permission' : 'token')
  if (
    endpoint.name.startsWith('admin/') ||
    endpoint.tags.includes('admin') ||
    /^(read|write):admin/.test(endpoint.permission ?? '')
  )
    marks.push('admin')
  if (endpoint.internal) marks.push('internal')
  return marks
}

/**
 * Whether the account's token can call the endpoint, as far as the app knows: no token calls only
 * public endpoints; an app token (MiAuth, OAuth) only what it was granted, and never Misskey's
 * internal ("secure") endpoints. A pasted login token can call everything its user may.
 */
export function callableBy(
  endpoint: EndpointFacts,
  account: Pick<Account, 'permissions' | 'tokenKind'> | null,
): boolean {
  if (!account) return endpoint.credentialRequired !== true
  const grantKnown = account.tokenKind !== 'native' && account.permissions !== null
  if (!grantKnown) return true
  if (endpoint.internal) return false
  return !endpoint.permission || account.permissions!.includes(endpoint.permission)
}

export interface MapGroup {
  tag: string
  endpoints: CatalogEndpoint[]
}

/** Endpoints grouped by their first tag, tags in alphabetical order, untagged ones last. */
export function groupByTag(endpoints: CatalogEndpoint[], untagged: string): MapGroup[] {
  const groups = new Map<string, CatalogEndpoint[]>()
  for (const endpoint of endpoints) {
    const tag = endpoint.tags[0] ?? ''
    const list = groups.get(tag) ?? []
    list.push(endpoint)
    groups.set(tag, list)
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b)))
    .map(([tag, list]) => ({ tag: tag || untagged, endpoints: list }))
}
