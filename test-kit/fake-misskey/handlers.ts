// Endpoint name → implementation.
import { driveHandlers } from './handlers-drive.ts'
import { followHandlers } from './handlers-follows.ts'
import { metaHandlers } from './handlers-meta.ts'
import { noteHandlers } from './handlers-notes.ts'
import { userHandlers } from './handlers-users.ts'
import type { Handler } from './handler-types.ts'

export const handlers: Record<string, Handler> = {
  ...metaHandlers,
  ...noteHandlers,
  ...userHandlers,
  ...driveHandlers,
  ...followHandlers,
}
