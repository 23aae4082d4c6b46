// The one contract between the renderer and main, merged from one file per domain. Each domain
// file holds its methods' signatures and argument schemas together; names.ts lists the same
// names for the preload at run time. The compiler ties them: a signature without a schema, a
// schema or a name without a signature, or a method main has no handler for is an error.
import type * as v from 'valibot'
import { accountArgumentSchemas, type AccountEvents, type AccountMethods } from './accounts.ts'
import { catalogArgumentSchemas, type CatalogMethods } from './catalog.ts'
import {
  collectionArgumentSchemas,
  type CollectionEvents,
  type CollectionMethods,
} from './collections.ts'
import { environmentArgumentSchemas, type EnvironmentMethods } from './environments.ts'
import { fileArgumentSchemas, type FileMethods } from './files.ts'
import { imageArgumentSchemas, type ImageMethods } from './images.ts'
import { historyArgumentSchemas, type HistoryEvents, type HistoryMethods } from './history.ts'
import { bridgeMethodNames, eventChannels, listMethodChannels } from './names.ts'
import {
  requestArgumentSchemas,
  responseArgumentSchemas,
  type RequestEvents,
  type RequestMethods,
  type ResponseMethods,
} from './requests.ts'
import { settingsArgumentSchemas, type SettingsMethods } from './settings.ts'
import {
  streamingArgumentSchemas,
  type StreamingEvents,
  type StreamingMethods,
} from './streaming.ts'

export { maxRequestBodyLength } from './common-schemas.ts'
export { bridgeGlobalName, bridgeMethodNames, eventChannels } from './names.ts'

/** Every call the renderer may make, by channel name. */
export interface ExplorerMethods
  extends
    CatalogMethods,
    RequestMethods,
    ResponseMethods,
    FileMethods,
    AccountMethods,
    StreamingMethods,
    HistoryMethods,
    CollectionMethods,
    EnvironmentMethods,
    SettingsMethods,
    ImageMethods {}

/** Every event main pushes to the renderer, by channel name. */
export interface ExplorerEvents
  extends RequestEvents, AccountEvents, StreamingEvents, HistoryEvents, CollectionEvents {}

export type MethodName = keyof ExplorerMethods
export type EventName = keyof ExplorerEvents

/** What main accepts for each method, checked before any handler runs. */
export const bridgeArgumentSchemas = {
  ...catalogArgumentSchemas,
  ...requestArgumentSchemas,
  ...responseArgumentSchemas,
  ...fileArgumentSchemas,
  ...accountArgumentSchemas,
  ...streamingArgumentSchemas,
  ...historyArgumentSchemas,
  ...collectionArgumentSchemas,
  ...environmentArgumentSchemas,
  ...settingsArgumentSchemas,
  ...imageArgumentSchemas,
} satisfies { [Name in MethodName]: v.GenericSchema<unknown, Parameters<ExplorerMethods[Name]>> }

// names.ts must list exactly the methods declared above; each check names what is off.
type ListedMethodName = {
  [Space in keyof typeof bridgeMethodNames]: `${Space}.${(typeof bridgeMethodNames)[Space][number]}`
}[keyof typeof bridgeMethodNames]
type Unlisted = Exclude<MethodName, ListedMethodName>
type Undeclared = Exclude<ListedMethodName, MethodName>
const _everyMethodListed: [Unlisted] extends [never] ? true : Unlisted = true
const _everyListedNameDeclared: [Undeclared] extends [never] ? true : Undeclared = true

/** Every method's channel, in names.ts order. */
export const methodNames = listMethodChannels() as MethodName[]

type Namespace<Key extends string> = Key extends `${infer Name}.${string}` ? Name : never
type Member<Key extends string, Space extends string> = Key extends `${Space}.${infer Rest}`
  ? Rest
  : never

export type Unsubscribe = () => void

/** Event subscriptions as the page sees them; each returns its own unsubscribe. */
export type ExplorerBridgeEvents = {
  [Subscription in keyof typeof eventChannels]: (
    listener: (payload: ExplorerEvents[(typeof eventChannels)[Subscription]]) => void,
  ) => Unsubscribe
}
// Every pushed event has a subscription in names.ts.
type UnsubscribedEvent = Exclude<EventName, (typeof eventChannels)[keyof typeof eventChannels]>
const _everyEventSubscribable: [UnsubscribedEvent] extends [never] ? true : UnsubscribedEvent = true

/** The methods grouped by namespace: `bridge.catalog.open(…)` for channel `catalog.open`. */
export type ExplorerBridgeMethods = {
  [Space in Namespace<MethodName>]: {
    [Key in MethodName as Member<Key, Space>]: ExplorerMethods[Key]
  }
}

/** What the page sees as `window.explorer`: the methods grouped by namespace, plus `events`. */
export type ExplorerBridge = ExplorerBridgeMethods & { events: ExplorerBridgeEvents }
