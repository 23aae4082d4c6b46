// The fake's endpoint table: every name it routes under /api/<name>, with Misskey's meta.
import { driveEndpoints } from './endpoint-defs-drive.ts'
import { followEndpoints } from './endpoint-defs-follows.ts'
import { metaEndpoints } from './endpoint-defs-meta.ts'
import { noteEndpoints } from './endpoint-defs-notes.ts'
import { userEndpoints } from './endpoint-defs-users.ts'
import type { EndpointDef } from './types.ts'

// Misskey lists endpoints alphabetically (endpoint-list.ts), and so do /api/endpoints and api.json.
export const endpointDefs: EndpointDef[] = [
  ...metaEndpoints,
  ...noteEndpoints,
  ...userEndpoints,
  ...driveEndpoints,
  ...followEndpoints,
].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))

const byName = new Map(endpointDefs.map((def) => [def.name, def]))

export function findEndpoint(name: string): EndpointDef | undefined {
  return byName.get(name)
}
