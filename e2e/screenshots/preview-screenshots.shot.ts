import { expect, test } from '../fixtures.ts'
import { PreviewPanel } from '../pages/preview-panel.ts'
import { seedNotes } from '../../test-kit/support/seed-notes.ts'
import { startLocalServer } from '../../test-kit/support/local-server.ts'
import { readRealSpec } from '../../test-kit/support/real-spec.ts'

// Not a test: renders the Preview tab in both themes for us to look at
// (`npm run screenshots`, output in test-results/screenshots/ and the README's docs/preview-*.png).
for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({ colorScheme, viewport: { width: 1440, height: 900 } })

    test(`the preview (${colorScheme})`, async ({ explorer, target, page }) => {
      test.skip(!target.fake, 'seeding needs the fake’s second user')
      test.slow()
      const fake = target.fake!
      await seedNotes(
        { origin: fake.origin, token: fake.users.admin.token },
        { origin: fake.origin, token: fake.users.alice.token },
      )
      const shot = (name: string) =>
        page.screenshot({ path: `test-results/screenshots/${colorScheme}-preview-${name}.png` })
      const preview = new PreviewPanel(page)
      await explorer.openServer(target.origin)
      await explorer.openAccounts()
      await explorer.addAccountWithToken(fake.users.alice.token, 'alice')
      await expect(explorer.accountRow('alice')).toBeVisible()
      await explorer.closeAccounts()
      await explorer.pickEndpoint('notes/timeline')
      await explorer.send()
      await preview.expectShown('notes')
      await expect(page.locator('[data-mfm="drawn"]').first()).toBeVisible()
      await page.mouse.move(0, 0)
      await shot('timeline')
      await page.screenshot({ path: `docs/preview-${colorScheme}.png` })

      await preview.notes.getByTestId('preview-user-name').first().click()
      await explorer.send()
      await preview.expectShown('user')
      await shot('user')
    })

    test(`the API map (${colorScheme})`, async ({ explorer, page }) => {
      // The real server's 400-odd endpoints: the fake's two dozen would not show what a map is for.
      const spec = readRealSpec()
      test.skip(!spec, 'needs the real api.json from ../shared')
      const server = await startLocalServer((request, response) => {
        response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' })
        response.end(request.url === '/api.json' ? JSON.stringify(spec) : '{}')
      })
      try {
        await explorer.openServer(server.origin)
        await expect(explorer.serverSummary).toBeVisible()
        await page.getByTestId('view-map').click()
        await expect(page.getByTestId('api-map')).toBeVisible()
        await page.getByTestId('map-filter').fill('timeline')
        await expect(page.getByTestId('map-match-count')).toBeVisible()
        await page.mouse.move(0, 0)
        await page.screenshot({ path: `test-results/screenshots/${colorScheme}-map.png` })
        if (colorScheme === 'light') await page.screenshot({ path: 'docs/map.png' })
      } finally {
        await server.close()
      }
    })
  })
}
