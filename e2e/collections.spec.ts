import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { serializeRequest } from '../src/main/collections/request-file.ts'
import { expect, test } from './fixtures.ts'
import { findTokenLeaks } from '../test-kit/support/leak-check.ts'
import { budgetLongStory, storyStep } from './long-story.ts'

// Collections: the story end to end, against the fake (or a real server with
// MISSKEY_URL / MISSKEY_TOKEN). The collection folder is a temporary folder the "user" picks
// in main's folder dialog; the test reads and writes its files as git or an editor would.
test.afterEach(({ explorer }) => {
  expect(explorer.pageErrors, 'uncaught errors in the page').toEqual([])
})

const requestFileKeys = [
  'version',
  'name',
  'origin',
  'endpoint',
  'authMode',
  'accountLabel',
  'body',
  'notes',
  'captures',
]

test('send three → search by a body word → reopen → save → edit the file on disk → run the folder with a captured id', async ({
  explorer,
  target,
  main,
}) => {
  test.skip(!target.token, 'MISSKEY_TOKEN is not set for this real server')
  // Eight steps, each with its own budget: under load the story as a whole once hit a single
  // 60 s timeout while every step was still progressing.
  budgetLongStory(8)
  const token = target.token!
  const word = `walrus${Date.now()}`
  const folder = await mkdtemp(join(tmpdir(), 'collection-story-'))
  const { history, collections, page } = explorer

  await storyStep('open the server and add the account', async () => {
    await explorer.openServer(target.origin)
    await explorer.openAccounts()
    await explorer.addAccountWithToken(token, 'story')
    await expect(explorer.accountRow('story')).toBeVisible()
    await explorer.closeAccounts()
  })

  await storyStep('send three requests', async () => {
    const send = async (endpoint: string, body: string) => {
      await explorer.pickEndpoint(endpoint)
      await explorer.setBody(body)
      await explorer.send()
      await expect(explorer.responseStatus).toHaveText(/^200\b/)
    }
    await send('meta', '{ "detail": false }')
    // Only visible to its author, should this run against a real server.
    await send('notes/create', `{ "text": "${word}", "visibility": "specified" }`)
    await send('notes/local-timeline', '{ "limit": 1 }')
  })

  await storyStep('search finds one by a body word, and it opens back', async () => {
    await history.show()
    await history.search.fill(word)
    await expect(history.rows).toHaveCount(1)
    await history.open(0)
    await expect(explorer.endpointName).toHaveText('notes/create')
    await expect(explorer.bodyEditor.locator('.view-lines')).toContainText(word)
  })

  const file = join(folder, 'flow', 'Create a note.request.json')
  await storyStep('save it into a folder of a collection the user picks', async () => {
    main.folderToChoose = folder
    await collections.show()
    await page.getByTestId('collection-choose').click()
    await expect(page.getByTestId('collection-name')).toHaveText(basename(folder))
    await collections.createFolder('flow')
    await page.keyboard.press('ControlOrMeta+S')
    await collections.save({
      name: 'Create a note',
      folder: 'flow',
      notes: 'Makes the note the next requests use.',
      captures: [{ path: 'createdNote.id', variable: 'noteId' }],
    })
    await expect(collections.node('flow/Create a note.request.json')).toBeVisible()
    const text = await readFile(file, 'utf8')
    expect(text.endsWith('}\n')).toBe(true)
    const saved = JSON.parse(text) as Record<string, unknown>
    expect(Object.keys(saved)).toEqual(requestFileKeys)
    expect(saved).toMatchObject({
      name: 'Create a note',
      origin: target.origin,
      endpoint: 'notes/create',
      authMode: 'body',
      accountLabel: 'story',
      captures: [{ variable: 'noteId', path: 'createdNote.id' }],
    })
    expect((saved.body as string[]).join('\n')).toContain(word)
  })

  await storyStep('an edit made on disk shows up without a restart', async () => {
    const edited = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>
    edited.name = 'Create a walrus note'
    edited.body = ['{', `  "text": "${word} edited on disk",`, '  "visibility": "specified"', '}']
    await writeFile(file, `${JSON.stringify(edited, null, 2)}\n`)
    const node = collections.node('flow/Create a note.request.json')
    await expect(node.getByTestId('collection-node-name')).toHaveText('Create a walrus note')
    await explorer.pickEndpoint('meta')
    await collections.show()
    await node.getByTestId('collection-node-open').click()
    await expect(explorer.endpointName).toHaveText('notes/create')
    await expect(explorer.bodyEditor.locator('.view-lines')).toContainText('edited on disk')
  })

  await storyStep('save the requests that use the captured id', async () => {
    for (const [endpoint, name] of [
      ['notes/show', 'Show the note'],
      ['notes/delete', 'Delete the note'],
    ] as const) {
      await explorer.pickEndpoint(endpoint)
      await explorer.setBody('{ "noteId": "{{noteId}}" }')
      await expect(page.getByTestId('variables-hint')).toHaveText(
        'No value yet for noteId: sent as typed',
      )
      await page.keyboard.press('ControlOrMeta+S')
      await collections.save({ name, folder: 'flow' })
    }
    await collections.show()
    expect(await collections.namesIn('flow')).toEqual([
      'Create a walrus note',
      'Show the note',
      'Delete the note',
    ])
  })

  await storyStep('the first run of a folder edited outside the app asks first', async () => {
    const before = target.fake?.received.length ?? 0
    await collections.act('flow', 'run')
    await expect(collections.runConfirm.getByTestId('run-confirm-changed')).toBeVisible()
    expect(await collections.plannedRun()).toEqual([
      ['Create a walrus note notes/create', target.origin, 'story'],
      ['Show the note notes/show', target.origin, 'story'],
      ['Delete the note notes/delete', target.origin, 'story'],
    ])
    // Nothing goes out before the user says yes.
    expect(target.fake?.received.length ?? 0).toBe(before)
  })

  await storyStep('run the folder: each request in order, the id captured and used', async () => {
    await collections.confirmRun()
    await expect(collections.runSteps).toHaveCount(3)
    await expect(collections.runSteps.getByTestId('run-step-status')).toHaveText([
      '200',
      '200',
      '204',
    ])
    const captured = (
      await collections.runSteps.first().getByTestId('run-step-captured').innerText()
    )
      .split(' = ')[1]!
      .trim()
    expect(captured).toMatch(/^\w+$/)
    await expect(page.getByTestId('captured-variables')).toContainText(`noteId = ${captured}`)
    // The answer of notes/show is the note the edited file created.
    await collections.runSteps.nth(1).locator('button').first().click()
    expect(await explorer.responseText()).toContain(`"text": "${word} edited on disk"`)
    if (target.fake) {
      const sent = target.fake.received.filter((request) =>
        ['/api/notes/show', '/api/notes/delete'].includes(request.path),
      )
      expect(sent.map((request) => JSON.parse(request.bodyText).noteId)).toEqual([
        captured,
        captured,
      ])
    }
    // The history records what was sent: the id, not the placeholder.
    await history.show()
    await history.search.fill(captured)
    await expect(history.rows.getByTestId('history-endpoint')).toHaveText([
      'notes/delete',
      'notes/show',
    ])
  })

  await storyStep('no token anywhere: history, logs, page, saved files', async () => {
    await main.historySettled()
    expect(await findTokenLeaks(main, page, [token], [folder])).toEqual([])
  })
  await rm(folder, { recursive: true, force: true })
})

test('a malformed file is listed with its error and left untouched; a deleted folder says so', async ({
  explorer,
  target,
  main,
}) => {
  const folder = await mkdtemp(join(tmpdir(), 'collection-bad-'))
  const broken = '{ "version": 1, "name": "half a file'
  await writeFile(join(folder, 'Broken.request.json'), broken)
  await writeFile(
    join(folder, 'Meta.request.json'),
    serializeRequest({
      name: 'Meta',
      origin: null,
      endpoint: 'meta',
      authMode: 'none',
      accountLabel: null,
      body: '{}',
      notes: '',
      captures: [],
    }),
  )
  const { collections, page } = explorer
  await explorer.openServer(target.origin)
  main.folderToChoose = folder
  await collections.show()
  await page.getByTestId('collection-choose').click()
  const bad = collections.node('Broken.request.json')
  await expect(bad).toHaveAttribute('data-kind', 'invalid')
  await expect(bad.getByTestId('collection-invalid-error')).toContainText(
    'Cannot be read, left as it is: not JSON',
  )

  // Working around it changes nothing in it.
  await collections.node('Meta.request.json').getByTestId('collection-node-open').click()
  await expect(explorer.endpointName).toHaveText('meta')
  await page.getByTestId('save-request').click()
  // The opened request is updated by Save; "Save as new" keeps it and adds a file.
  await expect(collections.saveDialog.getByTestId('save-name')).toHaveValue('Meta')
  await collections.saveDialog.getByTestId('save-name').fill('Meta again')
  await collections.saveDialog.getByTestId('save-as-new').click()
  await expect(collections.saveDialog).toBeHidden()
  await expect(collections.node('Meta again.request.json')).toBeVisible()
  await collections.act('Meta again.request.json', 'duplicate')
  await expect(collections.node('Meta again copy.request.json')).toBeVisible()
  expect(await readFile(join(folder, 'Broken.request.json'), 'utf8')).toBe(broken)

  await test.step('the folder deleted while open', async () => {
    await rm(folder, { recursive: true })
    await expect(collections.error).toHaveText(`The collection folder ${folder} is gone.`)
    await expect(page.getByTestId('collection-choose')).toBeVisible()
  })
})

test('a folder that cannot be written: the reason is shown and the request is still there', async ({
  explorer,
  target,
  main,
}) => {
  test.skip(process.getuid?.() === 0, 'root writes to read-only folders anyway')
  const folder = await mkdtemp(join(tmpdir(), 'collection-readonly-'))
  const { collections, page } = explorer
  await explorer.openServer(target.origin)
  main.folderToChoose = folder
  await collections.show()
  await page.getByTestId('collection-choose').click()
  await explorer.pickEndpoint('meta')
  await explorer.setBody('{ "detail": false }')
  await chmod(folder, 0o500)
  try {
    await page.keyboard.press('ControlOrMeta+S')
    await collections.saveDialog.getByTestId('save-name').fill('Server info')
    await collections.saveDialog.getByTestId('save-confirm').click()
    await expect(collections.saveDialog.getByTestId('save-error')).toHaveText(
      `No permission to save in ${folder} (EACCES).`,
    )
  } finally {
    await chmod(folder, 0o700)
  }
  // Nothing was lost: the dialog and the editor still hold it, and saving again works.
  await collections.saveDialog.getByTestId('save-confirm').click()
  await expect(collections.saveDialog).toBeHidden()
  await collections.show()
  await expect(collections.node('Server info.request.json')).toBeVisible()
  await rm(folder, { recursive: true, force: true })
})
