import { expect, test } from './fixtures.ts'
import { approveMiAuth } from '../test-kit/support/fake-browser.ts'

// The API map: every endpoint by tag, what the active token cannot call dimmed, matches lit up.
test.afterEach(({ explorer }) => {
  expect(explorer.pageErrors, 'uncaught errors in the page').toEqual([])
})

test('the map dims what a narrow token cannot call, highlights matches and opens an endpoint', async ({
  explorer,
  target,
  main,
}) => {
  test.skip(!target.fake, 'approving a MiAuth request needs a browser session on the real server')
  test.slow() // a MiAuth sign-in first: three times the usual time on a busy machine
  const fake = target.fake!
  const chip = (name: string) =>
    explorer.page.locator(`[data-testid="map-chip"][data-endpoint="${name}"]`)
  await explorer.openServer(target.origin)
  await expect(explorer.serverSummary).toBeVisible()
  await explorer.page.getByTestId('view-map').click()
  await expect(explorer.page.getByTestId('api-map')).toBeVisible()
  // Without an account only public endpoints can be called.
  await expect(chip('meta')).toHaveAttribute('data-callable', 'true')
  await expect(chip('notes/timeline')).toHaveAttribute('data-callable', 'false')

  // A "read everything" MiAuth grant: reading yes, writing no.
  main.browser = (url) => approveMiAuth(url, fake.users.alice.token)
  await explorer.openAccounts()
  await explorer.page.getByTestId('account-tab-miauth').click()
  await explorer.page.getByTestId('account-start-miauth').click()
  await expect(explorer.page.getByTestId('sign-in-status')).toHaveAttribute(
    'data-status',
    'completed',
  )
  await explorer.closeAccounts()
  await expect(explorer.page.getByTestId('map-account')).toContainText('@alice')
  await expect(chip('notes/timeline')).toHaveAttribute('data-callable', 'true')
  await expect(chip('i')).toHaveAttribute('data-callable', 'true')
  await expect(chip('notes/create')).toHaveAttribute('data-callable', 'false')
  await expect(chip('drive/files/create')).toHaveAttribute('data-callable', 'false')
  await expect(chip('notes/create')).toHaveCSS('opacity', '0.35')

  await explorer.page.getByTestId('map-filter').fill('timeline')
  await expect(chip('notes/timeline')).toHaveAttribute('data-match', 'true')
  await expect(chip('notes/local-timeline')).toHaveAttribute('data-match', 'true')
  await expect(chip('meta')).toHaveAttribute('data-match', 'false')

  await chip('notes/local-timeline').click()
  await expect(explorer.endpointName).toHaveText('notes/local-timeline')
})
