import { expect, test } from '../fixtures.ts'
import { StreamingPage } from '../pages/streaming-page.ts'

// Not a test: renders the streaming view in both themes for us to look at
// (`npm run screenshots`, output in test-results/screenshots/ and the README's docs/streaming.png).
for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({ colorScheme })

    test(`the streaming view (${colorScheme})`, async ({ explorer, target, page }) => {
      const shot = (name: string) =>
        page.screenshot({ path: `test-results/screenshots/${colorScheme}-streaming-${name}.png` })
      const streaming = new StreamingPage(page)
      await explorer.openServer(target.origin)
      await expect(explorer.serverSummary).toBeVisible()
      await streaming.open()
      await shot('idle')

      await explorer.openAccounts()
      await explorer.addAccountWithToken(target.token ?? '', 'alice')
      await expect(explorer.accountRow('alice')).toBeVisible()
      await explorer.closeAccounts()
      await streaming.connect('account')
      await streaming.expectPhase('open')
      await streaming.join('homeTimeline')
      await streaming.join('localTimeline', { withRenotes: false, withReplies: true })
      await streaming.join('noSuchChannel')
      await streaming.join('serverStats')
      await expect(streaming.joined('noSuchChannel')).toHaveAttribute('data-status', 'unconfirmed')

      const post = (path: string, body: object, token = target.token ?? '') =>
        fetch(`${target.origin}/api/${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify(body),
        }).then((response) => (response.status === 204 ? null : response.json()))
      const texts = [
        'Good morning, fediverse! ☀️',
        'Trying the streaming API explorer #misskey',
        'A longer note to see how the summary column cuts text that does not fit on one line of the log, however wide the window is',
      ]
      let lastId = ''
      for (const text of texts)
        lastId = ((await post('notes/create', { text })) as { createdNote: { id: string } })
          .createdNote.id
      await streaming.rowsWith(texts[0]!).first().click()
      await page.getByTestId('streaming-detail-capture').click()
      await page.getByTestId('streaming-note-id').fill(lastId)
      await page.getByTestId('streaming-capture').click()
      if (target.fake)
        await post(
          'notes/reactions/create',
          { noteId: lastId, reaction: '❤' },
          target.fake.users.admin.token,
        )
      await expect(streaming.rowsWith('reacted ❤')).toHaveCount(1)
      await expect(streaming.rows.and(page.locator('[data-type="stats"]')).first()).toBeVisible()
      await streaming.rowsWith(texts[1]!).first().click()
      await page.mouse.move(0, 0)
      await page
        .getByTestId('streaming-view')
        .locator('aside')
        .evaluate((side) => (side.scrollTop = 0))
      await shot('live')
      if (colorScheme === 'light') await page.screenshot({ path: 'docs/streaming.png' })

      target.fake?.dropStreamingConnections()
      await target.fake?.close()
      await streaming.expectPhase('reconnecting')
      await expect(page.getByTestId('streaming-error')).toBeVisible()
      await shot('reconnecting')
    })
  })
}
