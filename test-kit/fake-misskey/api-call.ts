// The checks Misskey 2025.5.0's ApiCallService and endpoint-base run around every call, in order.
import { randomUUID } from 'node:crypto'
import {
  ACCESS_DENIED,
  ApiError,
  AUTHENTICATION_FAILED,
  CREDENTIAL_REQUIRED,
  INTERNAL_ERROR,
  PERMISSION_DENIED,
  ROLE_PERMISSION_DENIED_ADMIN,
} from './errors.ts'
import type { Handler, UploadedFile } from './handler-types.ts'
import type { PackContext } from './pack-user.ts'
import type { RateLimiter } from './rate-limit.ts'
import type { AppTokenRecord, FakeState, UserRecord } from './state.ts'
import type { EndpointDef, Json, JsonObject } from './types.ts'
import { castStrings, validateParams } from './validate.ts'

export interface Caller {
  user: UserRecord | null
  app: AppTokenRecord | null
}

/** AuthenticateService: 16 characters is a native token, anything else an access token. */
export function authenticate(state: FakeState, token: string | null): Caller {
  if (token === null) return { user: null, app: null }
  if (token.length === 16) {
    const user = state.userByNativeToken(token)
    if (!user) throw new ApiError(AUTHENTICATION_FAILED)
    return { user, app: null }
  }
  const app = state.appTokens.get(token)
  const user = app ? state.users.get(app.userId) : undefined
  if (!app || !user) throw new ApiError(AUTHENTICATION_FAILED)
  return { user, app }
}

export interface CallRequest {
  def: EndpointDef
  handler: Handler
  caller: Caller
  data: unknown
  file: UploadedFile | null
  method: string
  /** Rate-limit actor for anonymous calls (Misskey hashes the IP). */
  ip: string
  /** Consumes a failNext('internal-error') when the call gets as far as the endpoint body. */
  takeCrash: () => boolean
}

export interface CallEnv extends PackContext {
  state: FakeState
  limiter: RateLimiter
}

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** Resolves to the endpoint's result (null → 204) or throws an ApiError. */
export async function callEndpoint(env: CallEnv, request: CallRequest): Promise<Json | null> {
  const { def, caller, data } = request
  const { user, app } = caller
  if (def.secure && !(user !== null && app === null)) throw new ApiError(ACCESS_DENIED)

  // Before the credential check, so anonymous callers are limited too (by IP).
  if (def.limit) env.limiter.check(def.name, user ? user.id : `ip:${request.ip}`, def.limit)

  if ((def.requireCredential || def.requireAdmin) && user === null) {
    throw new ApiError(CREDENTIAL_REQUIRED)
  }
  if (def.requireAdmin && user && !user.isRoot && !user.isAdmin) {
    throw new ApiError(ROLE_PERMISSION_DENIED_ADMIN)
  }
  // An app token needs the endpoint's permission, and may not call credential-only
  // endpoints that declare none.
  if (
    app &&
    ((def.kind && !app.permission.includes(def.kind)) || (!def.kind && def.requireCredential))
  ) {
    throw new ApiError(PERMISSION_DENIED)
  }
  if (def.requireFile || request.method === 'GET') castStrings(def, data)

  try {
    validateParams(def, data)
    if (request.takeCrash()) throw new Error('Failure injected by failNext()')
    const params = isObject(data) ? data : {}
    const result = await request.handler({ ...env, params, me: user, app, file: request.file })
    return result ?? null
  } catch (err) {
    if (err instanceof ApiError) throw err
    // Misskey hides the cause behind a fresh incident id (ApiCallService#onExecError).
    const cause = err instanceof Error ? err : new Error(String(err))
    throw new ApiError(INTERNAL_ERROR, {
      e: { message: cause.message, code: cause.name, id: randomUUID() },
    })
  }
}
