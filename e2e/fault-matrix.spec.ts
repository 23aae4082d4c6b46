import { expect, test } from './fixtures.ts'
import { HistoryPanel } from './pages/history-panel.ts'
import { closedPort } from '../test-kit/support/local-server.ts'
import {
  startMisbehavingServer,
  startSelfSignedServer,
  type Misbehaviour,
} from '../test-kit/support/misbehaving-servers.ts'

// What the user sees when a server misbehaves: a clear message, and an app that still works.
test.afterEach(({ explorer }) => {
  expect(explorer.pageErrors, 'uncaught errors in the page').toEqual([])
})

test('servers that cannot be reached are named with the reason', async ({ explorer }) => {
  await explorer.openServer('http://no-such-host.invalid')
  await expect(explorer.serverError).toHaveText(
    'The name no-such-host.invalid could not be found. Check the spelling and your connection.',
  )
  const tls = await startSelfSignedServer()
  try {
    await explorer.openServer(tls.origin)
    await expect(explorer.serverError).toContainText(
      'presented a certificate that is self-signed, so no authority vouches for it',
    )
  } finally {
    await tls.close()
  }
  const port = await closedPort()
  await explorer.openServer(`http://127.0.0.1:${port}`)
  await expect(explorer.serverError).toContainText('refused the connection')
})

/** What the history's newest row says happened, for each case. */
const recorded: Record<string, RegExp> = {
  silent: /^TIMEOUT$/,
  'stall-after-headers': /^TIMEOUT$/,
  'reset-mid-body': /^SERVER_UNREACHABLE$/,
  'invalid-json': /^200$/,
  'redirect-302': /^302$/,
  'rate-limited': /^429$/,
  'internal-error': /^500$/,
}

const cases: Array<
  [Misbehaviour, (explorer: import('./pages/explorer-page.ts').ExplorerPage) => Promise<void>]
> = [
  [
    'silent',
    async (explorer) =>
      await expect(explorer.requestError).toHaveText(/did not answer within 2 s\.$/),
  ],
  [
    'stall-after-headers',
    async (explorer) =>
      await expect(explorer.requestError).toHaveText(/did not answer within 2 s\.$/),
  ],
  [
    'reset-mid-body',
    async (explorer) =>
      await expect(explorer.requestError).toContainText(
        'closed the connection in the middle of its answer',
      ),
  ],
  [
    'invalid-json',
    async (explorer) =>
      await expect(explorer.responseNote).toContainText(
        'said the body is JSON (application/json; charset=utf-8), but it does not parse',
      ),
  ],
  [
    'redirect-302',
    async (explorer) =>
      await expect(explorer.problemTitle).toHaveText(
        /^Redirect to http:\/\/127\.0\.0\.1:\d+\/api\/meta$/,
      ),
  ],
  [
    'rate-limited',
    async (explorer) => await expect(explorer.problem).toContainText('Retry after 3600 s.'),
  ],
  [
    'internal-error',
    async (explorer) =>
      await expect(explorer.response.problemIncident).toHaveText(
        '0a7f0c5e-1f2b-4c4e-9d8e-3b1e7a4c2d10',
      ),
  ],
]

for (const [behaviour, check] of cases) {
  test(`a server that misbehaves (${behaviour}) gets a clear message, and the app goes on`, async ({
    explorer,
  }) => {
    const server = await startMisbehavingServer(behaviour)
    try {
      await explorer.openServer(server.origin)
      await explorer.pickEndpoint('meta')
      await explorer.request.timeoutSeconds.fill('2')
      await explorer.send()
      await check(explorer)
      await expect(explorer.sendButton).toBeEnabled()
      if (behaviour === 'redirect-302') expect(server.redirectTargetHits).toEqual([])
      // The history says what happened.
      const history = new HistoryPanel(explorer.page)
      await history.show()
      await expect(history.row(0).getByTestId('history-endpoint')).toHaveText('meta')
      await expect(history.row(0).getByTestId('history-status')).toHaveText(recorded[behaviour]!)
      await explorer.showEndpoints()
      // Still responsive: the palette opens and another endpoint can be picked.
      await explorer.page.keyboard.press('ControlOrMeta+K')
      await expect(explorer.palette).toBeVisible()
      await explorer.page.keyboard.press('Escape')
    } finally {
      await server.close()
    }
  })
}
