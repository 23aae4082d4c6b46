import { expect, test } from './fixtures.ts'
import { PreviewPanel } from './pages/preview-panel.ts'
import { seedNotes } from '../test-kit/support/seed-notes.ts'

// The Preview tab: a timeline as Misskey shows it, then a walk from a note to its author and
// their followers, and back. Seeds its notes through the API, so it needs the fake's two users.
test.afterEach(({ explorer }) => {
  expect(explorer.pageErrors, 'uncaught errors in the page').toEqual([])
})

test('a timeline opens as cards: MFM drawn, a content warning folded, a sensitive image blurred, a poll, reactions', async ({
  explorer,
  target,
}) => {
  test.skip(!target.fake, 'seeding needs the fake’s second user')
  test.slow() // a long walk through the app: three times the usual time on a busy machine
  const fake = target.fake!
  const seeded = await seedNotes(
    { origin: fake.origin, token: fake.users.admin.token },
    { origin: fake.origin, token: fake.users.alice.token },
  )
  const preview = new PreviewPanel(explorer.page)
  await explorer.openServer(target.origin)
  await explorer.openAccounts()
  await explorer.addAccountWithToken(fake.users.alice.token, 'alice')
  await expect(explorer.accountRow('alice')).toBeVisible()
  await explorer.closeAccounts()
  await explorer.pickEndpoint('notes/timeline')
  await explorer.send()
  await expect(explorer.responseStatus).toHaveText(/^200\b/)
  await preview.expectShown('notes')

  const mfm = preview.note(seeded.mfmNoteId)
  const text = mfm.getByTestId('preview-note-text')
  await expect(text.locator('[data-mfm="drawn"]')).toBeVisible()
  await expect(text.locator('b')).toHaveText('bold')
  await expect(text.locator('i')).toHaveText('italic')
  await expect(text.locator('.mfm-center')).toHaveText('centered')
  await expect(text.locator('.mfm-quote')).toHaveText('quoted line')
  await expect(text.locator('pre code')).toHaveText('const x = 1')
  await expect(text.locator('.mfm-fn-fg')).toHaveCSS('color', 'rgb(255, 0, 0)')
  await expect(text).toContainText('$[unknownfn kept]')
  await expect(text.getByTestId('mfm-mention')).toHaveText('@alice')
  await expect(text.getByRole('link', { name: 'link label' })).toHaveAttribute(
    'href',
    'https://example.com/',
  )
  const images = mfm.getByTestId('preview-note-files').getByTestId('preview-image')
  await expect(images).toHaveCount(2)
  await expect(images.nth(0)).not.toHaveAttribute('data-sensitive')
  await expect(images.nth(1)).toHaveAttribute('data-sensitive', 'hidden')
  await images.nth(1).getByTestId('preview-sensitive').click()
  await expect(images.nth(1)).toHaveAttribute('data-sensitive', 'revealed')
  await expect(mfm.getByTestId('preview-reactions')).toContainText('👍1')

  const cw = preview.note(seeded.cwNoteId)
  await expect(cw.getByTestId('preview-cw')).toContainText('content warning here')
  await expect(cw.getByTestId('preview-note-content')).toHaveCount(0)
  await cw.getByTestId('preview-cw-toggle').click()
  await expect(cw.getByTestId('preview-note-text')).toHaveText('spoiler body')
  await expect(cw.getByTestId('preview-poll-votes')).toHaveText([
    'no votes',
    'no votes',
    'no votes',
  ])

  // The renote shows the renoted note inside; the reply shows its parent.
  await expect(preview.pane.getByTestId('preview-renoted-by').first()).toBeVisible()
  await expect(preview.pane.getByTestId('preview-reply-parent').first()).toBeVisible()

  // JSON stays one click away, and stays chosen when the same endpoint is sent again.
  await explorer.page.getByTestId('tab-body').click()
  expect(await explorer.responseText()).toMatch(/^\[\s*\{\s*"id": "\w+"/)
  const timelineCalls = () =>
    fake.received.filter((request) => request.path === '/api/notes/timeline').length
  const before = timelineCalls()
  await explorer.send()
  await expect.poll(timelineCalls).toBe(before + 1)
  await expect(explorer.page.getByTestId('tab-body')).toHaveAttribute('aria-selected', 'true')
  await expect(explorer.responseBody.locator('.monaco-editor')).toBeVisible()
  await expect(preview.pane).toBeHidden()
})

test('follow the author to users/show, then to their followers, and go back twice', async ({
  explorer,
  target,
}) => {
  test.skip(!target.fake, 'seeding needs the fake’s second user')
  test.slow() // a long walk through the app: three times the usual time on a busy machine
  const fake = target.fake!
  const seeded = await seedNotes(
    { origin: fake.origin, token: fake.users.admin.token },
    { origin: fake.origin, token: fake.users.alice.token },
  )
  const preview = new PreviewPanel(explorer.page)
  await explorer.openServer(target.origin)
  await explorer.pickEndpoint('notes/local-timeline')
  await explorer.send()
  await preview.expectShown('notes')

  // A click prepares users/show with the author's id; sending is the user's call.
  await preview.note(seeded.mfmNoteId).getByTestId('preview-user-name').first().click()
  await expect(explorer.endpointName).toHaveText('users/show')
  await expect(explorer.bodyEditor.locator('.view-lines')).toContainText(
    `"userId": "${seeded.authorId}"`,
  )
  await explorer.send()
  await preview.expectShown('user')
  await expect(preview.users).toContainText('@admin')

  // Ctrl+click sends at once.
  await preview.users
    .getByTestId('preview-related-followers')
    .click({ modifiers: ['ControlOrMeta'] })
  await expect(explorer.endpointName).toHaveText('users/followers')
  await preview.expectShown('table')
  await expect(preview.table).toContainText('@alice')
  await expect(preview.trailSteps).toHaveCount(3)

  await preview.back.click()
  await preview.expectShown('user')
  await expect(explorer.endpointName).toHaveText('users/show')
  await explorer.page.getByTestId('preview-pane').click()
  await explorer.page.keyboard.press('Alt+ArrowLeft')
  await preview.expectShown('notes')
  await expect(explorer.endpointName).toHaveText('notes/local-timeline')
  await expect(preview.back).toBeDisabled()
  await expect(preview.forward).toBeEnabled()
  // Going back sent nothing: three requests, as the three steps.
  expect(
    fake.received.filter(
      (request) =>
        request.path.startsWith('/api/users/') || request.path.startsWith('/api/notes/local'),
    ),
  ).toHaveLength(3)
})

test("in the JSON view, a note's userId is a link: a click prepares users/show, Ctrl+click sends it", async ({
  explorer,
  target,
}) => {
  test.skip(!target.fake, 'seeding needs the fake’s second user')
  const fake = target.fake!
  await seedNotes(
    { origin: fake.origin, token: fake.users.admin.token },
    { origin: fake.origin, token: fake.users.alice.token },
  )
  const preview = new PreviewPanel(explorer.page)
  await explorer.openServer(target.origin)
  await explorer.pickEndpoint('notes/local-timeline')
  await explorer.send()
  await preview.expectShown('notes')
  await explorer.page.getByTestId('tab-body').click()

  const userIdLine = explorer.responseBody.locator('.view-line', { hasText: '"userId"' }).first()
  const link = userIdLine.locator('.json-id-link')
  await expect(link).toBeVisible()
  const userId = (await link.textContent())!.trim()
  expect(userId).toMatch(/^\w+$/)
  await link.click()
  await expect(explorer.endpointName).toHaveText('users/show')
  await expect(explorer.bodyEditor.locator('.view-lines')).toContainText(`"userId": "${userId}"`)
  expect(fake.received.some((request) => request.path === '/api/users/show')).toBe(false)

  // The timeline's JSON is still shown: Ctrl/Cmd+click on the same id sends at once.
  await link.click({ modifiers: ['ControlOrMeta'] })
  await preview.expectShown('user')
  expect(fake.received.filter((request) => request.path === '/api/users/show')).toHaveLength(1)

  // The answer as it came (Raw) is plain text, with no links.
  await explorer.page.getByTestId('tab-raw').click()
  await expect(explorer.page.getByTestId('response-body-plain')).toHaveCount(0)
  await expect(explorer.responseBody.locator('.view-lines')).toContainText(`"id":"${userId}"`)
  await expect(explorer.responseBody.locator('.json-id-link')).toHaveCount(0)
})
