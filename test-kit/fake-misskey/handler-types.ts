// What an endpoint implementation receives, after the ApiCallService checks have passed.
import type { PackContext } from './pack-user.ts'
import type { AppTokenRecord, UserRecord } from './state.ts'
import type { Json, JsonObject } from './types.ts'

export interface UploadedFile {
  name: string
  bytes: Uint8Array
}

export interface HandlerContext extends PackContext {
  /** Validated params, defaults filled in. */
  params: JsonObject
  me: UserRecord | null
  /** The app token used, or null for a native token / no token. */
  app: AppTokenRecord | null
  file: UploadedFile | null
}

/** null or undefined means 204 No Content, as in Misskey. */
export type Handler = (ctx: HandlerContext) => Json | undefined | Promise<Json | undefined>
