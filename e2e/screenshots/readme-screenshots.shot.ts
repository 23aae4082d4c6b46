import { expect, test } from '../fixtures.ts'

// Not a test: renders the README's screenshot and the states we look at when changing the UI
// (`npm run screenshots`, output in docs/ and test-results/screenshots/).
for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({ colorScheme })

    test(`the main states (${colorScheme})`, async ({ explorer, target, page }) => {
      const shot = (name: string) =>
        page.screenshot({ path: `test-results/screenshots/${colorScheme}-${name}.png` })
      await shot('welcome')
      await explorer.openServer('ftp://misskey.example')
      await expect(explorer.serverError).toBeVisible()
      await shot('address-error')

      await explorer.openServer(target.origin)
      await expect(explorer.serverSummary).toBeVisible()
      await explorer.pickEndpoint('meta')
      await explorer.send()
      await expect(explorer.responseStatus).toHaveText(/^200/)
      await explorer.filterEndpoints('')
      await shot('meta-200')

      await explorer.pickEndpoint('notes/show')
      await explorer.setBody('{\n  "noteId": 123\n}')
      await expect(page.getByTestId('schema-problem-list')).toContainText('Incorrect type')
      await explorer.send()
      await expect(explorer.problemTitle).toBeVisible()
      await explorer.filterEndpoints('notes')
      await page.mouse.move(0, 0)
      await shot('notes-show-error')
      if (colorScheme === 'light') await page.screenshot({ path: 'docs/screenshot.png' })

      await explorer.openAccounts()
      await explorer.addAccountWithToken(target.token ?? '', 'alice (login token)')
      await expect(explorer.accountRow('alice (login token)')).toBeVisible()
      await shot('accounts')
      await explorer.page.getByTestId('account-tab-miauth').click()
      await explorer.page.getByTestId('preset-custom').check()
      await shot('accounts-miauth')
      await explorer.closeAccounts()
      await explorer.pickEndpoint('notes/create')
      await explorer.chooseAuthMode('none')
      await explorer.setBody('{ "text": "hello" }')
      await shot('auth-warning')
      await explorer.chooseAuthMode('header')

      await explorer.pickEndpoint('notes/create')
      await explorer.setBody('{ "text": "hello", ')
      await expect(explorer.sendBlocked).toBeVisible()
      await shot('invalid-json')
    })
  })
}
