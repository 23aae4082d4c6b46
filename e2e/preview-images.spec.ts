import { expect, test } from './fixtures.ts'
import { PreviewPanel } from './pages/preview-panel.ts'
import { buildFakeSpec } from '../test-kit/fake-misskey/spec.ts'
import { startLocalServer } from '../test-kit/support/local-server.ts'
import { SKY_PNG } from '../test-kit/support/tiny-png.ts'

// The Preview's images reach the page through main: fetched without a cookie or a token, shown
// from blob: URLs, and the page itself may load no image from any host (CSP img-src).
test.afterEach(({ explorer }) => {
  expect(explorer.pageErrors, 'uncaught errors in the page').toEqual([])
})

test("an avatar from the server loads through main, without credentials; the page cannot load a server's image itself", async ({
  explorer,
  target,
}) => {
  test.skip(!target.fake, 'reads what reached the fake server')
  const fake = target.fake!
  const preview = new PreviewPanel(explorer.page)
  await explorer.openServer(target.origin)
  await explorer.openAccounts()
  await explorer.addAccountWithToken(fake.users.alice.token, 'alice')
  await expect(explorer.accountRow('alice')).toBeVisible()
  await explorer.closeAccounts()
  await explorer.pickEndpoint('i')
  await explorer.send()
  await preview.expectShown('user')

  const avatar = preview.pane.locator('.preview-image--avatar img')
  await expect(avatar).toHaveAttribute('src', /^blob:/)
  await expect
    .poll(() => avatar.evaluate((image) => (image as HTMLImageElement).naturalWidth))
    .toBeGreaterThan(0)
  const fetched = fake.received.filter((request) => request.path.startsWith('/identicon/'))
  expect(fetched.length).toBeGreaterThan(0)
  for (const request of fetched) {
    expect(request.headers.cookie).toBeUndefined()
    expect(request.headers.authorization).toBeUndefined()
    expect(request.token).toBeNull()
  }

  // The same image asked for by the page directly is refused by the Content-Security-Policy.
  const refused = await explorer.page.evaluate(async (url) => {
    const image = new Image()
    const outcome = new Promise<string>((resolve) => {
      document.addEventListener('securitypolicyviolation', (event) =>
        resolve(event.effectiveDirective),
      )
      image.addEventListener('load', () => resolve('loaded'))
    })
    image.src = url
    return outcome
  }, `${fake.origin}/identicon/direct`)
  expect(refused).toBe('img-src')
})

test('an image from another host is hidden until the user shows other hosts for this server, and hides again when the user takes that back', async ({
  explorer,
  page,
}) => {
  const seen: Array<Record<string, string | string[] | undefined>> = []
  const elsewhere = await startLocalServer((request, response) => {
    seen.push(request.headers)
    response.writeHead(200, { 'content-type': 'image/png' })
    response.end(SKY_PNG)
  })
  const note = (id: string, avatarUrl: string) => ({
    id,
    createdAt: '2026-12-02T10:00:00.000Z',
    userId: 'user0001',
    user: { id: 'user0001', name: 'Remote', username: 'remote', host: null, avatarUrl, emojis: {} },
    text: 'hello from far away',
    cw: null,
    visibility: 'public',
    reactions: {},
    reactionEmojis: {},
    fileIds: [],
    files: [],
    replyId: null,
    renoteId: null,
  })
  const server = await startLocalServer((request, response) => {
    response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' })
    if (request.url === '/api.json')
      response.end(JSON.stringify(buildFakeSpec('http://remote.invalid')))
    else if (request.url === '/api/meta') response.end(JSON.stringify({ mediaProxy: null }))
    else response.end(JSON.stringify([note('far1', `${elsewhere.origin}/avatar.png`)]))
  })
  try {
    const preview = new PreviewPanel(explorer.page)
    await explorer.openServer(server.origin)
    await explorer.pickEndpoint('notes/local-timeline')
    await explorer.send()
    await preview.expectShown('notes')

    const card = preview.note('far1')
    await expect(card.getByTestId('preview-image-hidden')).toBeVisible()
    await expect(card.locator('img')).toHaveCount(0)
    const notice = preview.pane.getByTestId('preview-images-hidden')
    await expect(notice).toContainText(new URL(elsewhere.origin).host)
    expect(seen).toEqual([])

    await notice.getByRole('button', { name: 'Show' }).click()
    await expect(card.locator('img')).toHaveAttribute('src', /^blob:/)
    await expect(notice).toBeHidden()
    expect(seen.length).toBe(1)
    expect(seen[0]!.cookie).toBeUndefined()
    expect(seen[0]!.authorization).toBeUndefined()

    // The choice is kept for this server: the next answer shows the image at once.
    await explorer.send()
    await preview.expectShown('notes')
    await expect(preview.note('far1').locator('img')).toHaveAttribute('src', /^blob:/)
    await expect(preview.pane.getByTestId('preview-images-hidden')).toBeHidden()

    // The Preview says so quietly and offers the way back, from the keyboard too.
    const shown = preview.pane.getByTestId('preview-images-allowed')
    await expect(shown).toContainText('Images from other hosts are shown for this server')
    await shown.getByRole('button', { name: 'Hide them' }).focus()
    await page.keyboard.press('Enter')
    await expect(preview.note('far1').locator('img')).toHaveCount(0)
    await expect(preview.note('far1').getByTestId('preview-image-hidden')).toBeVisible()
    await expect(notice).toContainText(new URL(elsewhere.origin).host)
    await expect(notice.getByRole('button', { name: 'Show' })).toBeVisible()
    await expect(shown).toBeHidden()

    // Main keeps the choice for this server: a fresh page reopening the answer still hides it.
    const fetchedBeforeReopen = seen.length
    await page.reload()
    await explorer.openServer(server.origin)
    await explorer.history.show()
    await explorer.history.open(0)
    await preview.expectShown('notes')
    await expect(preview.note('far1').getByTestId('preview-image-hidden')).toBeVisible()
    await expect(preview.note('far1').locator('img')).toHaveCount(0)
    await expect(preview.pane.getByTestId('preview-images-hidden')).toBeVisible()
    await expect(shown).toBeHidden()
    expect(seen.length).toBe(fetchedBeforeReopen)
  } finally {
    await server.close()
    await elsewhere.close()
  }
})
