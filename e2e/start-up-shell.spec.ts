import type { Page, Route } from '@playwright/test'
import { expect, test } from './fixtures.ts'

// The window's first paint is the app's frame from index.html, before any script has run; when
// the app mounts, its header and sidebar take exactly the frame's places, in both themes.

async function box(page: Page, selector: string) {
  const found = await page.locator(selector).first().boundingBox()
  if (!found) throw new Error(`${selector} is not on screen`)
  return found
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the app's frame shows before its scripts run, and nothing moves when the app takes over (${colorScheme})`, async ({
    page,
    main,
    rendererUrl,
  }) => {
    void main
    await page.emulateMedia({ colorScheme })
    // The app's scripts are held back until the frame has been looked at.
    let release!: () => void
    const held = new Promise<void>((done) => (release = done))
    await page.route(/\/assets\/index-[^/]+\.js$/, async (route: Route) => {
      await held
      await route.continue()
    })
    await page.goto(rendererUrl, { waitUntil: 'commit' })

    const shell = page.getByTestId('app-shell')
    await expect(shell.getByText('Misskey API Explorer')).toBeVisible()
    await expect(page.getByTestId('server-address')).toHaveCount(0)
    const frame = {
      header: await box(page, '.app-shell__header'),
      brand: await box(page, '.app-shell__brand'),
      sidebar: await box(page, '.app-shell__sidebar'),
    }
    const colours = await page.evaluate(() => {
      const header = document.querySelector('.app-shell__header')!
      return [
        getComputedStyle(header).backgroundColor,
        getComputedStyle(document.body).backgroundColor,
      ]
    })
    expect(colours[0], 'the header is drawn in the theme, not left blank').not.toBe(colours[1])

    release()
    await expect(page.getByTestId('server-address')).toBeEnabled()
    await expect(shell).toHaveCount(0)
    const app = {
      header: await box(page, '.app__header'),
      brand: await box(page, '.app__brand'),
      sidebar: await box(page, '.sidebar'),
    }
    expect(app.header).toEqual(frame.header)
    expect(app.brand).toEqual(frame.brand)
    expect(app.sidebar).toEqual(frame.sidebar)
    expect(
      await page.evaluate(
        () => getComputedStyle(document.querySelector('.app__header')!).backgroundColor,
      ),
    ).toBe(colours[0])
  })
}
