// The one contract between the renderer and main. The preload builds its object `satisfies
// ExplorerBridge`, main registers a handler per key of `bridgeArgumentSchemas` and validates
// every call's arguments with the schema written there, so a method missing on either side is
// a compile error and a malformed call from the page gets a typed error instead of a crash.
import * as v from 'valibot'
import type { Catalog, RequestSchema } from './catalog.ts'
import type { RequestProgress, ResponseRecord, SendRequestInput } from './requests.ts'
import type { Result } from './result.ts'
import { eventChannels } from './bridge-names.ts'

/** Every call the renderer may make, by channel name. */
export interface ExplorerMethods {
  /** Normalise a typed server address, fetch its spec (or the cached one) and build the catalog. */
  'catalog.open'(address: string): Promise<Result<Catalog>>
  /** The body schema of one endpoint of a catalog opened before, self-contained for Monaco. */
  'catalog.getRequestSchema'(origin: string, endpoint: string): Promise<Result<RequestSchema>>
  /** POST the body to `<origin>/api/<endpoint>` and report what came back. */
  'requests.send'(input: SendRequestInput): Promise<Result<ResponseRecord>>
  /** Abort a running request; answers false when it had already finished. */
  'requests.cancel'(requestId: string): Promise<Result<boolean>>
}

/** Every event main pushes to the renderer, by channel name. */
export interface ExplorerEvents {
  'requests.onProgress': RequestProgress
}

export type MethodName = keyof ExplorerMethods
export type EventName = keyof ExplorerEvents

const maxAddressLength = 2048
/** Generous for a hand-written body, far below what would hurt main. */
export const maxRequestBodyLength = 8 * 1024 * 1024

const originSchema = v.pipe(
  v.string(),
  v.maxLength(maxAddressLength),
  v.regex(/^https?:\/\/[^/?#\s]+$/, 'must be an origin such as https://misskey.example'),
)
const endpointNameSchema = v.pipe(
  v.string(),
  v.minLength(1),
  v.maxLength(256),
  v.regex(
    // Misskey's names use letters, digits, - and _ only; no dots, so never a `..` segment.
    /^[A-Za-z0-9_-]+(?:\/[A-Za-z0-9_-]+)*$/,
    'must be an endpoint name such as notes/create',
  ),
)
const requestIdSchema = v.pipe(v.string(), v.regex(/^[A-Za-z0-9-]{1,64}$/))

const sendRequestInputSchema = v.strictObject({
  requestId: requestIdSchema,
  origin: originSchema,
  endpoint: endpointNameSchema,
  body: v.pipe(v.string(), v.maxLength(maxRequestBodyLength)),
  timeoutMs: v.optional(v.pipe(v.number(), v.integer(), v.minValue(100), v.maxValue(3_600_000))),
})

type ArgumentSchemas = {
  [Name in MethodName]: v.GenericSchema<unknown, Parameters<ExplorerMethods[Name]>>
}

/** What main accepts for each method, checked before any handler runs. */
export const bridgeArgumentSchemas = {
  'catalog.open': v.strictTuple([v.pipe(v.string(), v.maxLength(maxAddressLength))]),
  'catalog.getRequestSchema': v.strictTuple([originSchema, endpointNameSchema]),
  'requests.send': v.strictTuple([sendRequestInputSchema]),
  'requests.cancel': v.strictTuple([requestIdSchema]),
} satisfies ArgumentSchemas

export const methodNames = Object.keys(bridgeArgumentSchemas) as MethodName[]
type Namespace<Key extends string> = Key extends `${infer Name}.${string}` ? Name : never
type Member<Key extends string, Space extends string> = Key extends `${Space}.${infer Rest}`
  ? Rest
  : never

export type Unsubscribe = () => void

/** Event subscriptions as the page sees them; each returns its own unsubscribe. */
export interface ExplorerBridgeEvents {
  onRequestProgress(
    listener: (progress: ExplorerEvents['requests.onProgress']) => void,
  ): Unsubscribe
}

// Checked here, declared in bridge-names.ts so the preload imports no runtime code but names.
export const checkedEventChannels: Record<keyof ExplorerBridgeEvents, EventName> = eventChannels

/** What the page sees as `window.explorer`: the methods grouped by namespace, plus `events`. */
export type ExplorerBridge = {
  [Space in Namespace<MethodName>]: {
    [Key in MethodName as Member<Key, Space>]: ExplorerMethods[Key]
  }
} & { events: ExplorerBridgeEvents }
