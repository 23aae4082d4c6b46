import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from './fixtures.ts'
import { StreamingPage } from './pages/streaming-page.ts'
import { approveMiAuth } from '../test-kit/support/fake-browser.ts'
import { findTokenLeaks } from '../test-kit/support/leak-check.ts'
import { whoIs } from '../test-kit/support/misskey-target.ts'
import { budgetLongStory, storyStep } from './long-story.ts'

// The streaming explorer, against the fake (or a real server with MISSKEY_URL and MISSKEY_TOKEN):
// main opens the socket with the account's token on the upgrade request, the page watches.
test.afterEach(({ explorer }) => {
  expect(explorer.pageErrors, 'uncaught errors in the page').toEqual([])
})

test('connect as the account, watch a note arrive, capture it, see the reaction, and come back after a drop', async ({
  explorer,
  target,
  main,
}) => {
  test.skip(!target.token, 'MISSKEY_TOKEN is not set for this real server')
  // Set-up and four steps, each with its own budget: on a busy machine the story as a whole once
  // ran out of a single timeout while every step was still progressing.
  budgetLongStory(6)
  const token = target.token as string
  const me = await whoIs(target.origin, token)
  const streaming = new StreamingPage(explorer.page)
  await explorer.openServer(target.origin)
  await explorer.openAccounts()
  await explorer.addAccountWithToken(token, 'streamer')
  await expect(explorer.accountRow('streamer')).toBeVisible()
  await explorer.closeAccounts()

  await storyStep('connect with the active account and join homeTimeline', async () => {
    await streaming.open()
    await streaming.connect('account')
    await streaming.expectPhase('open')
    await expect(streaming.target).toContainText('as streamer')
    await streaming.join('homeTimeline')
    await expect(streaming.joined('homeTimeline')).toHaveAttribute('data-status', 'confirmed')
    if (target.fake) {
      const upgrade = target.fake.received.findLast((request) => request.headers.upgrade)
      expect(upgrade).toMatchObject({ path: '/streaming', tokenSource: 'header', token })
    }
  })

  const text = `hello stream ${Date.now()}`
  await storyStep('a note created in the workbench arrives in the log', async () => {
    await streaming.backToRequests()
    await explorer.pickEndpoint('notes/create')
    await explorer.setBody(JSON.stringify({ text }))
    await explorer.send()
    await expect(explorer.responseStatus).toHaveText(/^200\b/)
    await streaming.open()
    const row = streaming.rowsWith(`@${me.username}: ${text}`)
    await expect(row).toHaveCount(1)
    await expect(row).toHaveAttribute('data-channel', 'homeTimeline')
    await expect(row).toHaveAttribute('data-type', 'note')
  })

  const row = streaming.rowsWith(`@${me.username}: ${text}`)
  const noteId = (await row.getAttribute('data-note-id')) as string
  await storyStep('capture it from the log, react in the workbench, see noteUpdated', async () => {
    await row.click()
    await expect(streaming.detailType).toHaveText('note')
    await streaming.expectDetailToContain(`"id": "${noteId}"`)
    // The received note is drawn as a card too.
    await expect(streaming.noteCardText).toHaveText(text)
    await streaming.captureSelectedNote()
    await expect(streaming.captured(noteId)).toBeVisible()
    await streaming.backToRequests()
    await explorer.pickEndpoint('notes/reactions/create')
    await explorer.setBody(JSON.stringify({ noteId, reaction: '👍' }))
    await explorer.send()
    await expect(explorer.responseStatus).toHaveText(/^204\b/)
    await streaming.open()
    const updated = streaming.rowsWith('reacted 👍')
    await expect(updated).toHaveCount(1)
    await expect(updated).toHaveAttribute('data-note-id', noteId)
    await expect(updated).toHaveAttribute('data-type', 'noteUpdated')
  })

  if (target.fake) {
    const fake = target.fake
    await storyStep(
      'the socket drops: the app reconnects and joins and captures again',
      async () => {
        fake.dropStreamingConnections()
        await expect(streaming.reconnects).toHaveText('Reconnected once after a drop')
        await streaming.expectPhase('open')
        await expect(streaming.error).toHaveCount(0)
        await expect(streaming.joined('homeTimeline')).toHaveAttribute('data-status', 'confirmed')
        expect(fake.streamingClients()).toBe(1)
        const connectionId = await streaming
          .joined('homeTimeline')
          .getAttribute('data-connection-id')
        // Joined again under the same id, and the note captured again.
        await expect(streaming.rowsOfType('connect')).toHaveCount(2)
        await expect(streaming.rowsOfType('subNote')).toHaveCount(2)
        const after = `after the drop ${Date.now()}`
        await fetch(`${fake.origin}/api/notes/create`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ text: after }),
        })
        await expect(streaming.rowsWith(after)).toHaveAttribute('data-channel', 'homeTimeline')
        expect(connectionId).toBeTruthy()
      },
    )
  }

  await storyStep("the note card's author opens users/show in the Requests view", async () => {
    await streaming.open()
    await streaming.rowsWith(`@${me.username}: ${text}`).first().click()
    await expect(streaming.noteCardText).toHaveText(text)
    await explorer.page
      .getByTestId('streaming-note-card')
      .getByTestId('preview-user-name')
      .first()
      .click()
    await expect(explorer.endpointName).toBeVisible()
    await expect(explorer.endpointName).toHaveText('users/show')
    await expect(explorer.bodyEditor.locator('.view-lines')).toContainText(`"userId": "${me.id}"`)
  })

  expect(await findTokenLeaks(main, explorer.page, [token])).toEqual([])
})

test('anonymously: an unknown channel stays unconfirmed, raw messages are checked, the log filters, pauses and exports', async ({
  explorer,
  target,
  main,
}) => {
  const streaming = new StreamingPage(explorer.page)
  await explorer.openServer(target.origin)
  await expect(explorer.serverSummary).toBeVisible()
  await streaming.open()
  await expect(streaming.logEmpty).toBeVisible()
  await streaming.connect('anonymous')
  await streaming.expectPhase('open')
  await expect(streaming.target).toContainText('anonymously')

  await test.step('a join the server ignores is shown as unconfirmed, explained', async () => {
    await streaming.join('noSuchChannel')
    await streaming.join('localTimeline', { withRenotes: false })
    await expect(streaming.joined('localTimeline')).toHaveAttribute('data-status', 'confirmed')
    await expect(streaming.joined('noSuchChannel')).toHaveAttribute('data-status', 'unconfirmed')
    await expect(streaming.unconfirmedHint).toContainText('the server ignores unknown channels')
  })

  await test.step('a raw message is sent only once it is JSON', async () => {
    await streaming.rawInput.fill('{"type": "connect", ')
    await expect(streaming.rawProblem).toContainText('Not JSON')
    await expect(streaming.rawSendButton).toBeDisabled()
    await streaming.sendRaw(
      '{"type":"connect","body":{"channel":"localTimeline","id":"by-hand","pong":true}}',
    )
    const answer = streaming.rowsOfType('connected', 'in')
    await expect(answer.filter({ hasText: 'localTimeline · by-hand' })).toHaveCount(1)
  })

  await test.step('filter by type and by channel, pause and resume', async () => {
    await streaming.typeFilter.selectOption('connected')
    await expect(streaming.rows).toHaveCount(2)
    await streaming.typeFilter.selectOption('')
    await streaming.channelFilter.selectOption({ label: 'localTimeline · by-hand' })
    // The raw connect and its answer; on a real server the timeline's own notes come in too.
    await expect(streaming.rowsOfType('connect')).toHaveCount(1)
    await expect(streaming.rowsOfType('connected')).toHaveCount(1)
    await streaming.channelFilter.selectOption('')
    await streaming.togglePause()
    await streaming.sendRaw('{"type":"ping","body":{}}')
    // A real server's timeline may bring notes while paused; the fake's is quiet.
    await expect(streaming.paused).toHaveText(target.fake ? 'Paused · 1 new' : /^Paused · \d+ new$/)
    await expect(streaming.rowsOfType('ping')).toHaveCount(0)
    await streaming.togglePause()
    await expect(streaming.rowsOfType('ping')).toHaveCount(1)
  })

  await test.step('move through the log with the keyboard', async () => {
    await streaming.log.focus()
    await explorer.page.keyboard.press('Home')
    await expect(streaming.detailType).toHaveText('connect')
    await streaming.expectDetailToContain('"channel": "noSuchChannel"')
    await explorer.page.keyboard.press('ArrowDown')
    await expect(streaming.detailType).toHaveText('connect')
    await streaming.expectDetailToContain('"channel": "localTimeline"')
  })

  await test.step('export the log as JSON lines through main', async () => {
    const path = join(main.storageDirectory, 'export.jsonl')
    main.saveAs = () => path
    await streaming.exportLog()
    await expect(streaming.exported).toContainText(`to ${path}.`)
    const lines = (await readFile(path, 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line))
    expect(lines.length).toBe(await streaming.rows.count())
    expect(lines[0]).toMatchObject({ direction: 'out', type: 'connect', channel: 'noSuchChannel' })
    expect(main.saveDialogs[0]).toMatch(/^streaming-.+\.jsonl$/)
  })

  await streaming.disconnect()
  await streaming.expectPhase('closed')
  await expect(streaming.status).toContainText('Disconnected')
})

test('a token without read:account is refused on the upgrade, and the app says why', async ({
  explorer,
  target,
  main,
}) => {
  const approvalToken = await target.approvalToken()
  test.skip(
    !approvalToken,
    'MISSKEY_TOKEN is missing or an app token: only a login token approves MiAuth',
  )
  main.browser = (url) => approveMiAuth(url, approvalToken!)
  await explorer.openServer(target.origin)
  await explorer.openAccounts()
  await explorer.accounts.signInWithMiAuth({ check: [], uncheck: ['read:account'] })
  await expect(explorer.accounts.signInStatus).toHaveAttribute('data-status', 'completed')
  await explorer.closeAccounts()

  const streaming = new StreamingPage(explorer.page)
  await streaming.open()
  await streaming.connect('account')
  await streaming.expectPhase('failed')
  await expect(streaming.error).toContainText('401')
  await expect(streaming.error).toContainText('without the read:account permission')
  await expect(streaming.connectButton).toHaveText('Connect again')
})
