// Exposes the contract to the page and nothing else: the bridge object is built from the
// contract's list of names (src/shared/contract/names.ts), so no channel is written here by hand.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { buildBridge, type Subscribe } from '../shared/contract/build-bridge.ts'
import { bridgeGlobalName } from '../shared/contract/names.ts'

const subscribe: Subscribe = (channel, listener) => {
  const wrapped = (_event: IpcRendererEvent, payload: unknown) => listener(payload)
  ipcRenderer.on(channel, wrapped)
  return () => ipcRenderer.removeListener(channel, wrapped)
}

contextBridge.exposeInMainWorld(
  bridgeGlobalName,
  buildBridge((channel, ...args) => ipcRenderer.invoke(channel, ...args), subscribe),
)
