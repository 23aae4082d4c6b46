// Exposes the contract to the page and nothing else: one named function per method, no logic,
// no generic invoke (the page must not be able to reach an arbitrary channel).
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { bridgeGlobalName, eventChannels } from '../shared/bridge-names.ts'
import type { ExplorerBridge, ExplorerEvents } from '../shared/contract.ts'

function subscribe<Name extends keyof ExplorerEvents>(
  channel: Name,
  listener: (payload: ExplorerEvents[Name]) => void,
): () => void {
  const wrapped = (_event: IpcRendererEvent, payload: ExplorerEvents[Name]) => listener(payload)
  ipcRenderer.on(channel, wrapped)
  return () => ipcRenderer.removeListener(channel, wrapped)
}

const bridge = {
  catalog: {
    open: (address) => ipcRenderer.invoke('catalog.open', address),
    getRequestSchema: (origin, endpoint) =>
      ipcRenderer.invoke('catalog.getRequestSchema', origin, endpoint),
    getEndpointDocs: (origin, endpoint) =>
      ipcRenderer.invoke('catalog.getEndpointDocs', origin, endpoint),
  },
  requests: {
    send: (input) => ipcRenderer.invoke('requests.send', input),
    cancel: (requestId) => ipcRenderer.invoke('requests.cancel', requestId),
    copyAs: (input) => ipcRenderer.invoke('requests.copyAs', input),
  },
  responses: {
    getFullText: (requestId) => ipcRenderer.invoke('responses.getFullText', requestId),
    saveToFile: (requestId) => ipcRenderer.invoke('responses.saveToFile', requestId),
  },
  files: {
    chooseUpload: () => ipcRenderer.invoke('files.chooseUpload'),
  },
  accounts: {
    list: () => ipcRenderer.invoke('accounts.list'),
    addWithToken: (address, token, label) =>
      ipcRenderer.invoke('accounts.addWithToken', address, token, label),
    rename: (accountId, label) => ipcRenderer.invoke('accounts.rename', accountId, label),
    remove: (accountId) => ipcRenderer.invoke('accounts.remove', accountId),
    setActive: (origin, accountId) => ipcRenderer.invoke('accounts.setActive', origin, accountId),
    listOrphanedTokens: () => ipcRenderer.invoke('accounts.listOrphanedTokens'),
    deleteOrphanedToken: (id) => ipcRenderer.invoke('accounts.deleteOrphanedToken', id),
    getOAuthSupport: (address) => ipcRenderer.invoke('accounts.getOAuthSupport', address),
    startMiAuth: (request) => ipcRenderer.invoke('accounts.startMiAuth', request),
    startOAuth: (request) => ipcRenderer.invoke('accounts.startOAuth', request),
    cancelSignIn: (flowId) => ipcRenderer.invoke('accounts.cancelSignIn', flowId),
  },
  streaming: {
    getState: () => ipcRenderer.invoke('streaming.getState'),
    connect: (origin, accountId) => ipcRenderer.invoke('streaming.connect', origin, accountId),
    disconnect: () => ipcRenderer.invoke('streaming.disconnect'),
    join: (channel, params) => ipcRenderer.invoke('streaming.join', channel, params),
    leave: (connectionId) => ipcRenderer.invoke('streaming.leave', connectionId),
    subscribeNote: (noteId) => ipcRenderer.invoke('streaming.subscribeNote', noteId),
    unsubscribeNote: (noteId) => ipcRenderer.invoke('streaming.unsubscribeNote', noteId),
    sendRaw: (text) => ipcRenderer.invoke('streaming.sendRaw', text),
    exportLog: (entries) => ipcRenderer.invoke('streaming.exportLog', entries),
  },
  history: {
    search: (query) => ipcRenderer.invoke('history.search', query),
    get: (id) => ipcRenderer.invoke('history.get', id),
    setPinned: (id, pinned) => ipcRenderer.invoke('history.setPinned', id, pinned),
    delete: (id) => ipcRenderer.invoke('history.delete', id),
    clear: (options) => ipcRenderer.invoke('history.clear', options),
    takeNotices: () => ipcRenderer.invoke('history.takeNotices'),
  },
  collections: {
    open: () => ipcRenderer.invoke('collections.open'),
    chooseFolder: () => ipcRenderer.invoke('collections.chooseFolder'),
    close: () => ipcRenderer.invoke('collections.close'),
    saveRequest: (folder, draft) => ipcRenderer.invoke('collections.saveRequest', folder, draft),
    updateRequest: (path, draft) => ipcRenderer.invoke('collections.updateRequest', path, draft),
    renameRequest: (path, name) => ipcRenderer.invoke('collections.renameRequest', path, name),
    moveRequest: (path, toFolder) => ipcRenderer.invoke('collections.moveRequest', path, toFolder),
    duplicateRequest: (path) => ipcRenderer.invoke('collections.duplicateRequest', path),
    deleteRequest: (path) => ipcRenderer.invoke('collections.deleteRequest', path),
    reorder: (folder, names) => ipcRenderer.invoke('collections.reorder', folder, names),
    createFolder: (parent, name) => ipcRenderer.invoke('collections.createFolder', parent, name),
    renameFolder: (path, name) => ipcRenderer.invoke('collections.renameFolder', path, name),
    deleteFolder: (path) => ipcRenderer.invoke('collections.deleteFolder', path),
    runFolder: (folder, fallbackOrigin, approval) =>
      ipcRenderer.invoke('collections.runFolder', folder, fallbackOrigin, approval ?? null),
    importCurl: (command) => ipcRenderer.invoke('collections.importCurl', command),
    exportZip: () => ipcRenderer.invoke('collections.exportZip'),
    importZip: () => ipcRenderer.invoke('collections.importZip'),
  },
  environments: {
    save: (environment) => ipcRenderer.invoke('environments.save', environment),
    delete: (name) => ipcRenderer.invoke('environments.delete', name),
    setActive: (name) => ipcRenderer.invoke('environments.setActive', name),
    findSecrets: (environment) => ipcRenderer.invoke('environments.findSecrets', environment),
    clearCaptured: () => ipcRenderer.invoke('environments.clearCaptured'),
  },
  events: {
    onRequestProgress: (listener) => subscribe(eventChannels.onRequestProgress, listener),
    onSignInProgress: (listener) => subscribe(eventChannels.onSignInProgress, listener),
    onStreamingState: (listener) => subscribe(eventChannels.onStreamingState, listener),
    onStreamingMessages: (listener) => subscribe(eventChannels.onStreamingMessages, listener),
    onHistoryAppended: (listener) => subscribe(eventChannels.onHistoryAppended, listener),
    onCollectionChanged: (listener) => subscribe(eventChannels.onCollectionChanged, listener),
  },
} satisfies ExplorerBridge

contextBridge.exposeInMainWorld(bridgeGlobalName, bridge)
