// Instance-level endpoints.
import { endpointDefs, findEndpoint } from './endpoints.ts'
import type { Handler } from './handler-types.ts'
import { adminMetaBody } from './meta-admin-data.ts'
import { metaBody } from './meta-data.ts'
import { describeParams } from './validate.ts'

export const metaHandlers: Record<string, Handler> = {
  meta: ({ origin, params }) => metaBody(origin, params.detail !== false),

  endpoints: () => endpointDefs.map((def) => def.name),

  // Unknown names answer 204, not an error (wire/endpoint-unknown.txt).
  endpoint: ({ params }) => {
    const def = typeof params.endpoint === 'string' ? findEndpoint(params.endpoint) : undefined
    return def ? { params: describeParams(def) } : null
  },

  ping: () => ({ pong: Date.now() }),

  // What a server with enableServerMachineStats off (the default) reports.
  'server-info': () => ({
    machine: '?',
    cpu: { model: '?', cores: 0 },
    mem: { total: 0 },
    fs: { total: 0, used: 0 },
  }),

  emojis: () => ({ emojis: [] }),

  stats: ({ state }) => {
    const notes = [...state.notes.values()]
    const driveUsage = [...state.files.values()].reduce((sum, file) => sum + file.size, 0)
    return {
      notesCount: notes.length,
      originalNotesCount: notes.length,
      usersCount: state.users.size,
      originalUsersCount: state.users.size,
      instances: 0,
      driveUsageLocal: driveUsage,
      driveUsageRemote: 0,
    }
  },

  'admin/meta': ({ origin, state }) => adminMetaBody(origin, state.proxyAccountId),
}
