// App lifecycle and wiring only: every piece of logic is a plain module that receives its
// dependencies, so the same code runs under Vitest and the e2e bridge without Electron.
import { app, BrowserWindow, clipboard, dialog, ipcMain, protocol, session, shell } from 'electron'
import { WebSocket } from 'ws'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createDispatcher } from './ipc/dispatcher.ts'
import { createHandlers } from './ipc/handlers.ts'
import { createSenderCheck, registerIpcHandlers } from './ipc/register-ipc.ts'
import { createKeytarSecretStore } from './secrets/keytar-secret-store.ts'
import { rememberSecrets } from './secrets/remembering-secret-store.ts'
import { createMainServices } from './services.ts'
import { appScheme, handleAppRequest } from './window/app-protocol.ts'
import { isExternalLink, lockNavigation, mainWindowOptions } from './window/main-window.ts'
import { choosePageUrl } from './window/page-url.ts'
import { denyAllPermissions } from './window/permissions.ts'

const here = dirname(fileURLToPath(import.meta.url))
const rendererDirectory = join(here, '../renderer')
const log = (message: string) => console.error(`[main] ${message}`)
// The dev server's page only in development; a packaged app always shows its own.
const { pageUrl, trustedOrigin, ignored } = choosePageUrl(
  app.isPackaged,
  process.env.ELECTRON_RENDERER_URL,
)
if (ignored) log(ignored)

protocol.registerSchemesAsPrivileged([
  // codeCache: V8 keeps the compiled bundle between starts (standard schemes only), so the
  // second start skips compiling the shell's JavaScript.
  {
    scheme: appScheme,
    privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
  },
])

function openMainWindow(): BrowserWindow {
  const window = new BrowserWindow(
    mainWindowOptions({
      preloadPath: join(here, '../preload/index.cjs'),
      iconPath: join(here, '../../resources/icon.png'),
      pageUrl,
    }),
  )
  lockNavigation(window, pageUrl, shell)
  window.once('ready-to-show', () => window.show())
  void window.loadURL(pageUrl)
  return window
}

if (!app.requestSingleInstanceLock()) {
  // A second instance would write the same history and collections; hand over to the first.
  app.quit()
} else {
  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows()
    if (window?.isMinimized()) window.restore()
    window?.focus()
  })

  void app.whenReady().then(() => {
    protocol.handle(appScheme, (request) => handleAppRequest(rendererDirectory, request.url))
    denyAllPermissions(session.defaultSession, log)

    const services = createMainServices({
      fetch: globalThis.fetch,
      storageDirectory: app.getPath('userData'),
      secrets: rememberSecrets(createKeytarSecretStore()),
      now: Date.now,
      monotonicNow: () => performance.now(),
      log,
      writeClipboard: (text) => clipboard.writeText(text),
      chooseSaveFile: async (suggestedName) => {
        const [window] = BrowserWindow.getAllWindows()
        const options = { defaultPath: suggestedName }
        const answer = window
          ? await dialog.showSaveDialog(window, options)
          : await dialog.showSaveDialog(options)
        return answer.canceled ? null : (answer.filePath ?? null)
      },
      chooseFile: async (choice) => {
        const [window] = BrowserWindow.getAllWindows()
        const options = {
          properties: ['openFile' as const],
          ...(choice?.extensions
            ? { filters: [{ name: 'Zip', extensions: choice.extensions }] }
            : {}),
        }
        const answer = window
          ? await dialog.showOpenDialog(window, options)
          : await dialog.showOpenDialog(options)
        return answer.canceled ? null : (answer.filePaths[0] ?? null)
      },
      chooseFolder: async (purpose) => {
        const [window] = BrowserWindow.getAllWindows()
        // An import needs an empty folder, which the user may have to create in the dialog.
        const options = {
          properties: ['openDirectory' as const, 'createDirectory' as const],
          ...(purpose === 'import-target' ? { buttonLabel: 'Import here' } : {}),
        }
        const answer = window
          ? await dialog.showOpenDialog(window, options)
          : await dialog.showOpenDialog(options)
        return answer.canceled ? null : (answer.filePaths[0] ?? null)
      },
      // Only http(s) pages reach the system browser.
      openExternal: async (url) => {
        if (isExternalLink(url)) await shell.openExternal(url)
      },
      emit: (event, payload) => {
        for (const window of BrowserWindow.getAllWindows()) window.webContents.send(event, payload)
      },
      WebSocket,
    })
    app.on('before-quit', () => services.streaming.dispose())
    registerIpcHandlers(
      ipcMain,
      createDispatcher(createHandlers(services), log),
      createSenderCheck([trustedOrigin]),
    )
    openMainWindow()
    // The history's lock is released and its last writes finish before the process ends.
    let closing = false
    app.on('before-quit', (event) => {
      if (closing) return
      closing = true
      event.preventDefault()
      void services.close().finally(() => app.quit())
    })

    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) openMainWindow()
    })
  })

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
}
