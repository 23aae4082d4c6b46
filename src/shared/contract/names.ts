// The contract's names at run time: every namespace and its methods, every pushed event, and the
// global the page finds the bridge under. Kept free of imports on purpose: the sandboxed preload
// and the Chromium test bridge build `window.explorer` from these lists without loading valibot.
// index.ts checks them against the signatures both ways, so a name missing here (or left here
// after its signature went) is a compile error.

/** The global the preload exposes the bridge under: `window.explorer`. */
export const bridgeGlobalName = 'explorer'

/** Namespace → its methods; the IPC channel of each is `<namespace>.<method>`. */
export const bridgeMethodNames = {
  catalog: ['open', 'getRequestSchema', 'getEndpointDocs'],
  requests: ['send', 'cancel', 'copyAs'],
  responses: ['getFullText', 'saveToFile'],
  files: ['chooseUpload'],
  accounts: [
    'list',
    'addWithToken',
    'rename',
    'remove',
    'setActive',
    'listOrphanedTokens',
    'deleteOrphanedToken',
    'getOAuthSupport',
    'startMiAuth',
    'startOAuth',
    'cancelSignIn',
  ],
  streaming: [
    'getState',
    'connect',
    'disconnect',
    'join',
    'leave',
    'subscribeNote',
    'unsubscribeNote',
    'sendRaw',
    'exportLog',
  ],
  history: ['search', 'get', 'setPinned', 'delete', 'clear', 'takeNotices'],
  collections: [
    'open',
    'chooseFolder',
    'close',
    'saveRequest',
    'updateRequest',
    'renameRequest',
    'moveRequest',
    'duplicateRequest',
    'deleteRequest',
    'reorder',
    'createFolder',
    'renameFolder',
    'deleteFolder',
    'runFolder',
    'importCurl',
    'exportZip',
    'importZip',
  ],
  environments: ['save', 'findSecrets', 'delete', 'setActive', 'clearCaptured'],
  settings: ['getLanguage', 'setLanguage'],
  images: ['fetch', 'getPolicy', 'setOtherHostsAllowed'],
} as const

/** Bridge event subscription → the IPC channel main pushes it on. */
export const eventChannels = {
  onRequestProgress: 'requests.onProgress',
  onSignInProgress: 'accounts.onSignInProgress',
  onStreamingState: 'streaming.onState',
  onStreamingMessages: 'streaming.onMessages',
  onHistoryAppended: 'history.onAppended',
  onCollectionChanged: 'collections.onChanged',
} as const

/** Every channel `<namespace>.<method>`, in the order listed above. */
export function listMethodChannels(): string[] {
  return Object.entries(bridgeMethodNames).flatMap(([space, members]) =>
    members.map((member) => `${space}.${member}`),
  )
}
