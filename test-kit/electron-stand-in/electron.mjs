// A stand-in for the `electron` module, for loading the BUILT bundles (out/main, out/preload) in
// plain Node: main's ipcMain.handle registrations and the preload's ipcRenderer.invoke calls meet
// here as they would across Electron's IPC (arguments and answers structured-cloned), so a call
// made through the preload reaches main's handler by the channel name both sides use.
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export const recorded = {
  /** channel → main's handler (ipcMain.handle). */
  handlers: new Map(),
  /** Every ipcRenderer.invoke the preload made: its channel and arguments, in order. */
  invoked: [],
  /** channel → listener (ipcRenderer.on), the preload's event subscriptions. */
  subscribed: new Map(),
  /** What the preload exposed (contextBridge.exposeInMainWorld). */
  exposed: new Map(),
  windows: [],
  opened: [],
}

// The driver reads what happened from here (it is plain JavaScript, without types to import).
globalThis.__electronStandIn = recorded

/** Electron's own message for a channel nobody handles. */
const noHandler = (channel) =>
  new Error(
    `Error invoking remote method '${channel}': Error: No handler registered for '${channel}'`,
  )

export const ipcMain = {
  handle(channel, handler) {
    if (recorded.handlers.has(channel))
      throw new Error(`Attempted to register a second handler for '${channel}'`)
    recorded.handlers.set(channel, handler)
  },
  removeHandler(channel) {
    recorded.handlers.delete(channel)
  },
  on() {},
}

export const ipcRenderer = {
  async invoke(channel, ...args) {
    recorded.invoked.push({ channel, args })
    const handler = recorded.handlers.get(channel)
    if (!handler) throw noHandler(channel)
    const event = { senderFrame: { url: 'app://explorer/index.html' }, sender: {} }
    return structuredClone(await handler(event, ...structuredClone(args)))
  },
  on(channel, listener) {
    recorded.subscribed.set(channel, listener)
  },
  removeListener(channel) {
    recorded.subscribed.delete(channel)
  },
}

export const contextBridge = {
  exposeInMainWorld(name, value) {
    recorded.exposed.set(name, value)
  },
}

export const app = {
  requestSingleInstanceLock: () => true,
  on() {},
  whenReady: () => Promise.resolve(),
  getPath: () => process.env.STAND_IN_USER_DATA ?? join(tmpdir(), 'electron-stand-in'),
  quit() {},
}

export class BrowserWindow {
  static getAllWindows = () => recorded.windows
  constructor(options) {
    this.options = options
    this.webContents = {
      setWindowOpenHandler() {},
      on() {},
      send() {},
    }
    recorded.windows.push(this)
  }
  once() {}
  show() {}
  loadURL() {
    return Promise.resolve()
  }
}

export const protocol = { registerSchemesAsPrivileged() {}, handle() {} }
export const session = {
  defaultSession: { setPermissionRequestHandler() {}, setPermissionCheckHandler() {} },
}
export const clipboard = { writeText() {} }
export const dialog = {
  showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
  showSaveDialog: async () => ({ canceled: true }),
}
export const shell = { openExternal: async (url) => void recorded.opened.push(url) }

export default {
  app,
  BrowserWindow,
  clipboard,
  contextBridge,
  dialog,
  ipcMain,
  ipcRenderer,
  protocol,
  session,
  shell,
}
