import { appOrigin } from './app-protocol.ts'

export interface PageChoice {
  /** The page the window loads. */
  pageUrl: string
  /** The one origin whose frames may call main. */
  trustedOrigin: string
  /** Why an environment URL was not used, for the log; null when nothing was ignored. */
  ignored: string | null
}

const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]'])

/**
 * Which page the window shows. `ELECTRON_RENDERER_URL` points the window (and the trust of every
 * IPC call) at electron-vite's dev server; in a packaged app anyone who can set an environment
 * variable could point it at their own page and get the whole bridge, so there it is ignored.
 * Even in development it must be an http page on this machine.
 */
export function choosePageUrl(isPackaged: boolean, rendererUrl: string | undefined): PageChoice {
  const ownPage: PageChoice = {
    pageUrl: `${appOrigin}/index.html`,
    trustedOrigin: appOrigin,
    ignored: null,
  }
  if (rendererUrl === undefined || rendererUrl === '') return ownPage
  if (isPackaged) {
    return { ...ownPage, ignored: 'ELECTRON_RENDERER_URL is ignored in a packaged app' }
  }
  let url: URL
  try {
    url = new URL(rendererUrl)
  } catch {
    return { ...ownPage, ignored: `ELECTRON_RENDERER_URL is not a URL (${rendererUrl})` }
  }
  if (url.protocol !== 'http:' || !loopbackHosts.has(url.hostname)) {
    return {
      ...ownPage,
      ignored: `ELECTRON_RENDERER_URL must be an http page on this machine, not ${url.origin}`,
    }
  }
  return { pageUrl: url.href, trustedOrigin: url.origin, ignored: null }
}
