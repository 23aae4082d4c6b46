// Names the preload needs at run time. Kept free of imports: a sandboxed preload cannot load
// packages, so it must not pull in the schemas of contract.ts.

/** The global the preload exposes the bridge under: `window.explorer`. */
export const bridgeGlobalName = 'explorer'

/** Bridge event subscription → the IPC channel main pushes it on. */
export const eventChannels = {
  onRequestProgress: 'requests.onProgress',
  onSignInProgress: 'accounts.onSignInProgress',
  onStreamingState: 'streaming.onState',
  onStreamingMessages: 'streaming.onMessages',
  onHistoryAppended: 'history.onAppended',
  onCollectionChanged: 'collections.onChanged',
} as const
