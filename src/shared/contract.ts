// The one contract between the renderer and main. The preload builds its object `satisfies
// ExplorerBridge`, main registers a handler per key of `bridgeArgumentSchemas` and validates
// every call's arguments with the schema written there, so a method missing on either side is
// a compile error and a malformed call from the page gets a typed error instead of a crash.
import * as v from 'valibot'
import type {
  Account,
  AccountsState,
  OrphanedToken,
  MiAuthRequest,
  OAuthRequest,
  OAuthSupport,
  SignInProgress,
  SignInStarted,
} from './accounts.ts'
import type { Catalog, RequestSchema } from './catalog.ts'
import type { EndpointDocs } from './endpoint-docs.ts'
import type { CopySnippetInput, CopySnippetResult } from './snippets.ts'
import type { ChosenFile } from './uploads.ts'
import type { RequestProgress, ResponseRecord, SendRequestInput } from './requests.ts'
import type { Result } from './result.ts'
import type {
  StreamingChannelState,
  StreamingExportEntry,
  StreamingExportResult,
  StreamingMessageBatch,
  StreamingParams,
  StreamingState,
} from './streaming.ts'
import { eventChannels } from './bridge-names.ts'
import { streamingArgumentSchemas } from './contract-streaming.ts'
import {
  storageArgumentSchemas,
  type StorageEvents,
  type StorageMethods,
} from './storage-contract.ts'

/** Every call the renderer may make, by channel name (history and collections: storage-contract.ts). */
export interface ExplorerMethods extends StorageMethods {
  /** Normalise a typed server address, fetch its spec (or the cached one) and build the catalog. */
  'catalog.open'(address: string): Promise<Result<Catalog>>
  /** The body schema of one endpoint of a catalog opened before, self-contained for Monaco. */
  'catalog.getRequestSchema'(origin: string, endpoint: string): Promise<Result<RequestSchema>>
  /** The docs panel's data for one endpoint; null for a names-only catalog. */
  'catalog.getEndpointDocs'(origin: string, endpoint: string): Promise<Result<EndpointDocs | null>>
  /** POST the body to `<origin>/api/<endpoint>` and report what came back. */
  'requests.send'(input: SendRequestInput): Promise<Result<ResponseRecord>>
  /**
   * Copy the request as curl / fetch / misskey-js to the clipboard. With `includeToken`, main
   * writes the real token into the clipboard itself; the page only ever gets the placeholder text.
   */
  'requests.copyAs'(input: CopySnippetInput): Promise<Result<CopySnippetResult>>
  /** The whole text of a large response main kept (pretty when JSON). */
  'responses.getFullText'(requestId: string): Promise<Result<{ text: string; json: boolean }>>
  /** Save a large response main kept to a file the user picks; null when they cancelled. */
  'responses.saveToFile'(requestId: string): Promise<Result<{ path: string } | null>>
  /** Abort a running request; answers false when it had already finished. */
  'requests.cancel'(requestId: string): Promise<Result<boolean>>
  /** Pick a file to upload in the system dialog; null when the user cancelled. */
  'files.chooseUpload'(): Promise<Result<ChosenFile | null>>
  /** Every saved account (metadata only) and the active one per server. */
  'accounts.list'(): Promise<Result<AccountsState>>
  /**
   * Check a pasted token with `POST /api/i` and keep it in the keychain. The token travels this
   * one way only: main never sends a token back to the renderer.
   */
  'accounts.addWithToken'(address: string, token: string, label: string): Promise<Result<Account>>
  'accounts.rename'(accountId: string, label: string): Promise<Result<Account>>
  /** Forget an account and delete its keychain entry. */
  'accounts.remove'(accountId: string): Promise<Result<AccountsState>>
  'accounts.setActive'(origin: string, accountId: string | null): Promise<Result<AccountsState>>
  /** Tokens left in the keychain with no account (a damaged accounts file was set aside). */
  'accounts.listOrphanedTokens'(): Promise<Result<OrphanedToken[]>>
  /** Deletes one of those keychain entries; answers the ones left. */
  'accounts.deleteOrphanedToken'(id: string): Promise<Result<OrphanedToken[]>>
  'accounts.getOAuthSupport'(address: string): Promise<Result<OAuthSupport>>
  /** Open the server's MiAuth page in the system browser; progress comes as onSignInProgress. */
  'accounts.startMiAuth'(request: MiAuthRequest): Promise<Result<SignInStarted>>
  'accounts.startOAuth'(request: OAuthRequest): Promise<Result<SignInStarted>>
  'accounts.cancelSignIn'(flowId: string): Promise<Result<boolean>>
  /** The streaming connection main holds (it outlives a reload of the page), or null. */
  'streaming.getState'(): Promise<Result<StreamingState | null>>
  /**
   * Open `<origin>/streaming` as the account (its token goes on the upgrade request as
   * `Authorization: Bearer`, never in the URL) or anonymously; replaces any earlier connection.
   * Progress comes as onStreamingState.
   */
  'streaming.connect'(origin: string, accountId: string | null): Promise<Result<StreamingState>>
  'streaming.disconnect'(): Promise<Result<StreamingState | null>>
  /** Join a channel (`connect` with its own id and `pong: true`); joined again after reconnects. */
  'streaming.join'(channel: string, params: StreamingParams): Promise<Result<StreamingChannelState>>
  /** Leave a joined channel (`disconnect`). */
  'streaming.leave'(connectionId: string): Promise<Result<StreamingState>>
  /** Capture a note (`subNote`): its noteUpdated events follow; captured again after reconnects. */
  'streaming.subscribeNote'(noteId: string): Promise<Result<StreamingState>>
  'streaming.unsubscribeNote'(noteId: string): Promise<Result<StreamingState>>
  /** Send any message as typed, once it parses as JSON. */
  'streaming.sendRaw'(text: string): Promise<Result<true>>
  /** Save log entries as JSON lines to a file the user picks in a save dialog. */
  'streaming.exportLog'(entries: StreamingExportEntry[]): Promise<Result<StreamingExportResult>>
}

/** Every event main pushes to the renderer, by channel name. */
export interface ExplorerEvents extends StorageEvents {
  'requests.onProgress': RequestProgress
  'accounts.onSignInProgress': SignInProgress
  'streaming.onState': StreamingState
  'streaming.onMessages': StreamingMessageBatch
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

const idSchema = v.pipe(v.string(), v.regex(/^[A-Za-z0-9-]{1,64}$/))
const labelSchema = v.pipe(v.string(), v.maxLength(200))
const permissionListSchema = v.pipe(
  v.array(v.pipe(v.string(), v.regex(/^[a-z0-9:_-]{1,100}$/))),
  v.maxLength(300),
)
const addressSchema = v.pipe(v.string(), v.maxLength(maxAddressLength))
const httpUrlSchema = v.pipe(
  v.string(),
  v.maxLength(maxAddressLength),
  v.url(),
  v.regex(/^https?:\/\//, 'must be an http(s) URL'),
)

const authSchema = v.strictObject({
  mode: v.picklist(['body', 'header', 'none']),
  accountId: v.nullable(idSchema),
})
const uploadFieldsSchema = v.pipe(
  v.record(
    v.pipe(v.string(), v.regex(/^[A-Za-z0-9_]{1,64}$/)),
    v.union([v.pipe(v.string(), v.maxLength(65_536)), v.number(), v.boolean(), v.null()]),
  ),
  v.check((fields) => Object.keys(fields).length <= 64, 'has too many fields'),
)

const sendRequestInputSchema = v.strictObject({
  requestId: requestIdSchema,
  origin: originSchema,
  endpoint: endpointNameSchema,
  body: v.pipe(v.string(), v.maxLength(maxRequestBodyLength)),
  auth: authSchema,
  upload: v.optional(v.strictObject({ fileId: idSchema, fields: uploadFieldsSchema })),
  timeoutMs: v.optional(v.pipe(v.number(), v.integer(), v.minValue(100), v.maxValue(3_600_000))),
})

type ArgumentSchemas = {
  [Name in MethodName]: v.GenericSchema<unknown, Parameters<ExplorerMethods[Name]>>
}

/** What main accepts for each method, checked before any handler runs. */
export const bridgeArgumentSchemas = {
  'catalog.open': v.strictTuple([v.pipe(v.string(), v.maxLength(maxAddressLength))]),
  'catalog.getRequestSchema': v.strictTuple([originSchema, endpointNameSchema]),
  'catalog.getEndpointDocs': v.strictTuple([originSchema, endpointNameSchema]),
  'requests.send': v.strictTuple([sendRequestInputSchema]),
  'requests.cancel': v.strictTuple([requestIdSchema]),
  'responses.getFullText': v.strictTuple([requestIdSchema]),
  'responses.saveToFile': v.strictTuple([requestIdSchema]),
  'requests.copyAs': v.strictTuple([
    v.strictObject({
      kind: v.picklist(['curl', 'fetch', 'misskey-js']),
      origin: originSchema,
      endpoint: endpointNameSchema,
      body: v.pipe(v.string(), v.maxLength(maxRequestBodyLength)),
      auth: authSchema,
      includeToken: v.boolean(),
      upload: v.optional(v.strictObject({ fields: uploadFieldsSchema })),
    }),
  ]),
  'files.chooseUpload': v.strictTuple([]),
  'accounts.list': v.strictTuple([]),
  'accounts.addWithToken': v.strictTuple([
    addressSchema,
    v.pipe(v.string(), v.maxLength(4096)),
    labelSchema,
  ]),
  'accounts.rename': v.strictTuple([idSchema, labelSchema]),
  'accounts.remove': v.strictTuple([idSchema]),
  'accounts.setActive': v.strictTuple([originSchema, v.nullable(idSchema)]),
  'accounts.listOrphanedTokens': v.strictTuple([]),
  'accounts.deleteOrphanedToken': v.strictTuple([idSchema]),
  'accounts.getOAuthSupport': v.strictTuple([addressSchema]),
  'accounts.startMiAuth': v.strictTuple([
    v.strictObject({
      origin: originSchema,
      permissions: permissionListSchema,
      appName: v.optional(labelSchema),
    }),
  ]),
  'accounts.startOAuth': v.strictTuple([
    v.strictObject({
      origin: originSchema,
      clientId: httpUrlSchema,
      redirectUri: httpUrlSchema,
      scopes: permissionListSchema,
    }),
  ]),
  'accounts.cancelSignIn': v.strictTuple([idSchema]),
  ...streamingArgumentSchemas(originSchema),
  ...storageArgumentSchemas({
    origin: originSchema,
    endpoint: endpointNameSchema,
    id: idSchema,
    label: labelSchema,
    maxBodyLength: maxRequestBodyLength,
  }),
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
  onSignInProgress(
    listener: (progress: ExplorerEvents['accounts.onSignInProgress']) => void,
  ): Unsubscribe
  onStreamingState(listener: (state: ExplorerEvents['streaming.onState']) => void): Unsubscribe
  onStreamingMessages(
    listener: (batch: ExplorerEvents['streaming.onMessages']) => void,
  ): Unsubscribe
  onHistoryAppended(listener: (result: ExplorerEvents['history.onAppended']) => void): Unsubscribe
  onCollectionChanged(
    listener: (result: ExplorerEvents['collections.onChanged']) => void,
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
