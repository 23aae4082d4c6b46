import { expect, type Locator, type Page } from '@playwright/test'

/** The accounts dialog: paste a token, sign in with MiAuth or OAuth 2, rename, remove. */
export class AccountsDialog {
  readonly dialog: Locator
  readonly tokenInput: Locator
  readonly error: Locator
  readonly empty: Locator
  /** The running or finished sign-in (`data-status`: waiting, completed, failed, cancelled). */
  readonly signInStatus: Locator
  readonly oauthUnsupported: Locator

  readonly page: Page

  constructor(page: Page) {
    this.page = page
    this.dialog = page.getByTestId('accounts-dialog')
    this.tokenInput = page.getByTestId('account-token')
    this.error = page.getByTestId('accounts-error')
    this.empty = page.getByTestId('accounts-empty')
    this.signInStatus = page.getByTestId('sign-in-status')
    this.oauthUnsupported = page.getByTestId('oauth-unsupported')
  }

  /** Opens the dialog from the header's account switcher. */
  async open() {
    await this.page.getByTestId('account-switcher').click()
    await expect(this.dialog).toBeVisible()
  }

  async close() {
    await this.page.getByTestId('accounts-close').click()
    await expect(this.dialog).toBeHidden()
  }

  /** Pastes a token, as a user does from the server's Settings › API. */
  async addWithToken(token: string, label = '') {
    await this.page.getByTestId('account-tab-token').click()
    await this.tokenInput.fill(token)
    await this.page.getByTestId('account-label-input').fill(label)
    await this.page.getByTestId('account-add-token').click()
  }

  row(label: string): Locator {
    return this.page.locator(`[data-testid="account-row"][data-account-label="${label}"]`)
  }

  /** The "token …abcd" tail a row shows instead of the token. */
  tokenTail(label: string): Locator {
    return this.row(label).getByTestId('account-tail')
  }

  /** Removes the account, accepting the confirmation. */
  async remove(label: string) {
    this.page.once('dialog', (dialog) => void dialog.accept())
    await this.row(label).getByTestId('account-remove').click()
  }

  async rename(label: string, newLabel: string) {
    await this.row(label).getByTestId('account-rename').click()
    await this.page.getByTestId('account-rename-input').fill(newLabel)
    await this.page.getByTestId('account-rename-input').press('Enter')
  }

  /** MiAuth with a custom set: starts from "read everything", then checks and unchecks. */
  async signInWithMiAuth(permissions: { check: string[]; uncheck: string[] }) {
    await this.page.getByTestId('account-tab-miauth').click()
    await this.page.getByTestId('preset-custom').check()
    for (const permission of permissions.check) await this.permission(permission).check()
    for (const permission of permissions.uncheck) await this.permission(permission).uncheck()
    await this.page.getByTestId('account-start-miauth').click()
  }

  permission(name: string): Locator {
    return this.page.locator(`[data-permission="${name}"]`)
  }

  async openOAuthTab() {
    await this.page.getByTestId('account-tab-oauth').click()
  }

  /** OAuth 2 with the app's own client page (its URL is the client_id) and redirect. */
  async signInWithOAuth(clientId: string, redirectUri: string) {
    await this.openOAuthTab()
    await this.page.getByTestId('oauth-client-id').fill(clientId)
    await this.page.getByTestId('oauth-redirect-uri').fill(redirectUri)
    await this.page.getByTestId('account-start-oauth').click()
  }
}
