import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { expect, test } from './fixtures.ts'

// Checks (a saved request's expectations): written in the save dialog, kept readable in the
// request file, judged when the folder runs, the same way `misskey-explorer run` judges them.
// A long story (sign-in, save, run, reopen): room, page load included, for a machine shared by many.
test.describe.configure({ timeout: 180_000 })

test.afterEach(({ explorer }) => {
  expect(explorer.pageErrors, 'uncaught errors in the page').toEqual([])
})

test('save a request with checks → the file keeps them → running the folder shows the failed one', async ({
  explorer,
  target,
  main,
}) => {
  test.skip(!target.token, 'MISSKEY_TOKEN is not set for this real server')
  const folder = await mkdtemp(join(tmpdir(), 'collection-checks-'))
  try {
    const { collections, page } = explorer
    await explorer.openServer(target.origin)
    await explorer.openAccounts()
    await explorer.addAccountWithToken(target.token!, 'checks')
    await expect(explorer.accountRow('checks')).toBeVisible()
    await explorer.closeAccounts()

    main.folderToChoose = folder
    await collections.show()
    await page.getByTestId('collection-choose').click()
    await expect(page.getByTestId('collection-name')).toHaveText(basename(folder))

    await explorer.pickEndpoint('notes/create')
    await explorer.setBody('{ "text": "checked", "visibility": "specified" }')
    await page.keyboard.press('ControlOrMeta+S')
    await test.step('a check that cannot be saved says why', async () => {
      await collections.saveDialog.getByTestId('check-status').fill('20')
      await expect(collections.saveDialog.getByRole('status')).toHaveText(
        'The status is a number from 100 to 599.',
      )
      await expect(collections.saveDialog.getByTestId('save-confirm')).toBeDisabled()
      await collections.saveDialog.getByTestId('check-status').fill('')
    })
    await collections.save({
      name: 'Create a note',
      checks: {
        status: '200',
        json: [
          { path: 'createdNote.text', kind: 'equals', value: 'checked' },
          { path: 'createdNote.visibility', kind: 'equals', value: '"public"' },
          { path: 'createdNote.id', kind: 'exists' },
        ],
      },
    })
    const saved = JSON.parse(await readFile(join(folder, 'Create a note.request.json'), 'utf8'))
    expect(Object.keys(saved).at(-1)).toBe('expectations')
    expect(saved.expectations).toEqual({
      status: 200,
      json: [
        { path: 'createdNote.text', equals: 'checked' },
        { path: 'createdNote.visibility', equals: 'public' },
        { path: 'createdNote.id', exists: true },
      ],
    })

    await collections.show()
    await page.getByTestId('collection-run-all').click()
    await expect(collections.runSteps).toHaveCount(1)
    await expect(collections.runSteps.first()).toHaveAttribute('data-tone', 'bad')
    await expect(collections.runSteps.first().getByTestId('run-step-failed-check')).toHaveText([
      'Check failed: createdNote.visibility equals "public" (got "specified")',
    ])
    await page.screenshot({ path: test.info().outputPath('run-report-failed-check.png') })

    await test.step('editing it shows the checks as saved', async () => {
      await collections
        .node('Create a note.request.json')
        .getByTestId('collection-node-open')
        .click()
      await page.keyboard.press('ControlOrMeta+S')
      const paths = collections.saveDialog.getByTestId('check-path')
      await expect(paths).toHaveCount(3)
      expect(
        await paths.evaluateAll((inputs) =>
          inputs.map((input) => (input as HTMLInputElement).value),
        ),
      ).toEqual(['createdNote.text', 'createdNote.visibility', 'createdNote.id'])
      await expect(collections.saveDialog.getByTestId('check-value').nth(1)).toHaveValue('"public"')
      await page.screenshot({ path: test.info().outputPath('save-dialog-checks.png') })
    })
  } finally {
    await rm(folder, { recursive: true, force: true })
  }
})
