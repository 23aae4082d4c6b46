import { expect, test } from '../fixtures.ts'

// Not a test: the history and collections sidebars, the comparison and the save dialog in both
// themes, to look at when changing them (`npm run screenshots`, test-results/screenshots/).
for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({ colorScheme })

    test(`history and collections (${colorScheme})`, async ({
      tempFolder,
      explorer,
      target,
      page,
      main,
    }) => {
      const shot = (name: string) =>
        page.screenshot({ path: `test-results/screenshots/${colorScheme}-${name}.png` })
      const { history, collections } = explorer
      await explorer.openServer(target.origin)
      await explorer.openAccounts()
      await explorer.addAccountWithToken(target.token ?? '', 'alice')
      await expect(explorer.accountRow('alice')).toBeVisible()
      await explorer.closeAccounts()
      const send = async (endpoint: string, body: string) => {
        await explorer.pickEndpoint(endpoint)
        await explorer.setBody(body)
        await explorer.send()
        await expect(explorer.page.getByTestId('sending')).toHaveCount(0)
      }
      await send('meta', '{ "detail": false }')
      await send('notes/create', '{ "text": "Hello from the explorer" }')
      await send('notes/show', '{ "noteId": "nope" }')
      await send('users/show', '{ "username": "alice" }')
      await send('meta', '{ "detail": true }')

      await history.show()
      await expect(history.rows).toHaveCount(5)
      await history.row(2).getByTestId('history-pin').click()
      await history.open(3)
      await page.mouse.move(0, 0)
      await shot('history')
      await page.getByTestId('history-filters-toggle').click()
      await shot('history-filters')
      await page.getByTestId('history-filters-toggle').click()

      await history.row(0).getByTestId('history-select').check()
      await history.row(4).getByTestId('history-select').check()
      await history.compareButton.click()
      await expect(
        history.compareDialog.locator('.editor.modified .line-insert').first(),
      ).toBeAttached()
      await shot('history-compare')
      await page.keyboard.press('Escape')

      main.folderToChoose = await tempFolder('misskey-requests-')
      await collections.show()
      await shot('collections-empty')
      await page.getByTestId('collection-choose').click()
      await collections.createFolder('notes')
      await page.getByTestId('environment-new').click()
      await page.getByTestId('environment-new-name').fill('local')
      await page.getByTestId('environment-new-name').press('Enter')
      await page.getByTestId('variable-add').click()
      await page.getByTestId('variable-name').fill('greeting')
      await page.getByTestId('variable-value').fill('Hello')
      await page.getByTestId('environment-save').click()

      await explorer.pickEndpoint('notes/create')
      await explorer.setBody('{ "text": "{{greeting}} from a run" }')
      await page.keyboard.press('ControlOrMeta+S')
      await collections.saveDialog.getByTestId('save-name').fill('Create a note')
      await collections.saveDialog.getByTestId('save-folder').selectOption('notes')
      await collections.saveDialog.getByTestId('capture-add').click()
      await collections.saveDialog.getByTestId('capture-path').fill('createdNote.id')
      await collections.saveDialog.getByTestId('capture-variable').fill('noteId')
      await shot('collections-save')
      await collections.saveDialog.getByTestId('save-confirm').click()
      await expect(collections.saveDialog).toBeHidden()
      await explorer.pickEndpoint('notes/show')
      await explorer.setBody('{ "noteId": "{{noteId}}" }')
      await page.keyboard.press('ControlOrMeta+S')
      await collections.save({ name: 'Show the note', folder: 'notes' })
      await explorer.pickEndpoint('meta')
      await page.keyboard.press('ControlOrMeta+S')
      await collections.save({ name: 'Server info' })

      await collections.show()
      await collections.act('notes', 'run')
      await expect(collections.runSteps).toHaveCount(2)
      await page.mouse.move(0, 0)
      await shot('collections')
    })
  })
}
