import { describe, expect, it } from 'vitest'
import { choosePageUrl } from './page-url.ts'

const ownPage = { pageUrl: 'app://explorer/index.html', trustedOrigin: 'app://explorer' }

describe('choosePageUrl', () => {
  it('shows our own page when no dev server is named', () => {
    expect(choosePageUrl(false, undefined)).toEqual({ ...ownPage, ignored: null })
    expect(choosePageUrl(true, '')).toEqual({ ...ownPage, ignored: null })
  })

  it('honours the dev server in a development build, and trusts only its origin', () => {
    expect(choosePageUrl(false, 'http://localhost:5173/')).toEqual({
      pageUrl: 'http://localhost:5173/',
      trustedOrigin: 'http://localhost:5173',
      ignored: null,
    })
    expect(choosePageUrl(false, 'http://127.0.0.1:5173').trustedOrigin).toBe(
      'http://127.0.0.1:5173',
    )
  })

  it('never honours it in a packaged app, and says so', () => {
    expect(choosePageUrl(true, 'http://localhost:5173/')).toEqual({
      ...ownPage,
      ignored: 'ELECTRON_RENDERER_URL is ignored in a packaged app',
    })
  })

  it('refuses a page that is not http on this machine, even in development', () => {
    for (const url of ['https://attacker.example/', 'http://192.168.1.9:5173/', 'file:///x', 'x']) {
      const choice = choosePageUrl(false, url)
      expect(choice.pageUrl, url).toBe(ownPage.pageUrl)
      expect(choice.ignored, url).toMatch(/^ELECTRON_RENDERER_URL /)
    }
  })
})
