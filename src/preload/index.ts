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
  events: {
    onRequestProgress: (listener) => subscribe(eventChannels.onRequestProgress, listener),
    onSignInProgress: (listener) => subscribe(eventChannels.onSignInProgress, listener),
    onStreamingState: (listener) => subscribe(eventChannels.onStreamingState, listener),
    onStreamingMessages: (listener) => subscribe(eventChannels.onStreamingMessages, listener),
  },
} satisfies ExplorerBridge

contextBridge.exposeInMainWorld(bridgeGlobalName, bridge)
