import type {
  BrowserWindow as BrowserWindowType,
  BrowserWindowConstructorOptions,
  Shell,
} from 'electron'

export interface MainWindowOptions {
  preloadPath: string
  iconPath: string
  /** The page to load: the dev server's URL in `npm run dev`, app://explorer/index.html otherwise. */
  pageUrl: string
}

export function mainWindowOptions(options: MainWindowOptions): BrowserWindowConstructorOptions {
  return {
    width: 1360,
    height: 860,
    minWidth: 900,
    minHeight: 560,
    show: false,
    title: 'Misskey API Explorer',
    icon: options.iconPath,
    autoHideMenuBar: true,
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      // Middle-click (auxclick) could otherwise open a link in a new window before any handler runs.
      disableBlinkFeatures: 'Auxclick',
    },
  }
}

/** Only http(s) links leave the app, and they open in the system browser, never in our window. */
export function isExternalLink(url: string): boolean {
  try {
    const protocol = new URL(url).protocol
    return protocol === 'https:' || protocol === 'http:'
  } catch {
    return false
  }
}

/** Keeps the window on our page: no navigation away, no new windows. */
export function lockNavigation(
  window: BrowserWindowType,
  pageUrl: string,
  shell: Pick<Shell, 'openExternal'>,
): void {
  const contents = window.webContents
  contents.setWindowOpenHandler(({ url }) => {
    if (isExternalLink(url)) void shell.openExternal(url)
    return { action: 'deny' }
  })
  contents.on('will-navigate', (event, url) => {
    if (url === pageUrl) return
    event.preventDefault()
    if (isExternalLink(url)) void shell.openExternal(url)
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
}
