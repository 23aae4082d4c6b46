import { expect, type Locator, type Page } from '@playwright/test'
import { AccountsDialog } from './accounts-dialog.ts'
import { pasteIntoEditor } from './paste-into-editor.ts'
import { CollectionsPanel } from './collections-panel.ts'
import { DocsPanel } from './docs-panel.ts'
import { HistoryPanel } from './history-panel.ts'
import { RequestPanel } from './request-panel.ts'
import { ResponsePanel } from './response-panel.ts'

/** Locators and actions of the explorer window, so stories read as what the user does. */
export class ExplorerPage {
  readonly serverAddress: Locator
  readonly serverSummary: Locator
  readonly serverError: Locator
  readonly serverNotice: Locator
  readonly endpointFilter: Locator
  readonly endpointCount: Locator
  readonly endpointOptions: Locator
  readonly endpointName: Locator
  readonly noMatch: Locator
  readonly bodyEditor: Locator
  readonly sendButton: Locator
  readonly sendBlocked: Locator
  readonly schemaProblems: Locator
  readonly responseStatus: Locator
  readonly responseDuration: Locator
  readonly responseSize: Locator
  readonly responseBody: Locator
  readonly responseNote: Locator
  readonly problem: Locator
  readonly problemTitle: Locator
  readonly requestError: Locator
  /** The header's account switcher: the active account's label, or "No account". */
  readonly activeAccount: Locator
  /** What the composer warns about the token before sending. */
  readonly authWarnings: Locator
  /** Shown while a request runs. */
  readonly sending: Locator
  /** Ctrl+K's endpoint palette. */
  readonly palette: Locator
  readonly paletteOptions: Locator
  /** The first screen, before any server is open. */
  readonly welcome: Locator
  readonly accounts: AccountsDialog
  readonly request: RequestPanel
  readonly response: ResponsePanel
  readonly docs: DocsPanel
  readonly history: HistoryPanel
  readonly collections: CollectionsPanel
  /** Uncaught exceptions in the page: every story ends by checking there were none. */
  readonly pageErrors: Error[] = []

  readonly page: Page

  // No parameter property: the benchmarks run this file with Node's type stripping.
  constructor(page: Page) {
    this.page = page
    page.on('pageerror', (error) => this.pageErrors.push(error))
    this.serverAddress = page.getByTestId('server-address')
    this.serverSummary = page.getByTestId('server-summary')
    this.serverError = page.getByTestId('server-error')
    this.serverNotice = page.getByTestId('server-notice')
    this.endpointFilter = page.getByTestId('endpoint-filter')
    this.endpointCount = page.getByTestId('endpoint-count')
    this.endpointOptions = page.getByTestId('endpoint-option')
    this.endpointName = page.getByTestId('endpoint-name')
    this.noMatch = page.getByTestId('endpoint-no-match')
    this.bodyEditor = page.getByTestId('body-editor')
    this.sendButton = page.getByTestId('send')
    this.sendBlocked = page.getByTestId('send-blocked')
    this.schemaProblems = page.getByTestId('schema-problems')
    this.responseStatus = page.getByTestId('response-status')
    this.responseDuration = page.getByTestId('response-duration')
    this.responseSize = page.getByTestId('response-size')
    this.responseBody = page.getByTestId('response-body')
    this.responseNote = page.getByTestId('response-note')
    this.problem = page.getByTestId('response-problem')
    this.problemTitle = page.getByTestId('problem-title')
    this.requestError = page.getByTestId('request-error')
    this.activeAccount = page.getByTestId('active-account')
    this.authWarnings = page.getByTestId('auth-warnings')
    this.sending = page.getByTestId('sending')
    this.palette = page.getByTestId('endpoint-palette')
    this.paletteOptions = this.palette.getByTestId('palette-option')
    this.welcome = page.getByTestId('welcome')
    this.accounts = new AccountsDialog(page)
    this.request = new RequestPanel(page)
    this.response = new ResponsePanel(page)
    this.docs = new DocsPanel(page)
    this.history = new HistoryPanel(page)
    this.collections = new CollectionsPanel(page)
  }

  // The account steps most stories begin with; the dialog's own page object has the rest.
  async openAccounts() {
    await this.accounts.open()
  }

  async closeAccounts() {
    await this.accounts.close()
  }

  async addAccountWithToken(token: string, label = '') {
    await this.accounts.addWithToken(token, label)
  }

  accountRow(label: string): Locator {
    return this.accounts.row(label)
  }

  /** How the token travels: `i` in the body, the Authorization header, or not at all. */
  authMode(mode: 'body' | 'header' | 'none'): Locator {
    return this.page.getByTestId(`auth-mode-${mode}`)
  }

  async chooseAuthMode(mode: 'body' | 'header' | 'none') {
    await this.authMode(mode).check({ force: true })
  }

  async load(url: string) {
    await this.page.goto(url)
    await expect(this.serverAddress).toBeVisible()
  }

  /** Types an address and presses Enter, as a user does. */
  async openServer(address: string) {
    await this.serverAddress.fill(address)
    await this.serverAddress.press('Enter')
  }

  async showEndpoints() {
    await this.page.getByTestId('sidebar-endpoints').click()
  }

  async filterEndpoints(text: string) {
    // The sidebar may be showing the history or the collections.
    if (!(await this.endpointFilter.isVisible())) await this.showEndpoints()
    await this.endpointFilter.fill(text)
  }

  endpointOption(name: string): Locator {
    return this.page.locator(`[data-testid="endpoint-option"][data-endpoint="${name}"]`)
  }

  /** Filters to the endpoint and picks it with the keyboard. */
  async pickEndpoint(name: string) {
    await this.filterEndpoints(name)
    await expect(this.endpointOptions.first()).toHaveAttribute('data-endpoint', name)
    await this.endpointFilter.press('Enter')
    await expect(this.endpointName).toHaveText(name)
    // Monaco finishes mounting after the panel renders (uploads get a form instead).
    await expect(
      this.bodyEditor.locator('.monaco-editor').or(this.page.getByTestId('upload-form')),
    ).toBeVisible()
  }

  /** Replaces the body the way a user pastes it (see pasteIntoEditor). */
  async setBody(text: string) {
    await pasteIntoEditor(this.page, this.bodyEditor, text)
  }

  /**
   * Ctrl+Enter from the editor, the way users send, then waits for the answer (or the failure):
   * the last answer stays on screen while a request is in flight, and must not be read as the new
   * one. A send the page refuses (a blocked body) leaves nothing to wait for.
   */
  async send(options: { timeout?: number } = {}) {
    await this.startSending()
    await this.response.settled(options)
  }

  /** Ctrl+Enter from the editor, without waiting for the answer (one that never comes, say). */
  async startSending() {
    await this.bodyEditor.locator('.monaco-editor').click()
    await this.page.keyboard.press('ControlOrMeta+Enter')
  }

  /** The JSON of the answer (Misskey objects open in the Preview tab by default). */
  async showBody() {
    const bodyTab = this.page.getByTestId('tab-body')
    if ((await bodyTab.getAttribute('aria-selected')) !== 'true') await bodyTab.click()
  }

  /** The text of the read-only response editor (Monaco renders only visible lines, so read its model). */
  async responseText(): Promise<string> {
    await this.showBody()
    // The editor has drawn the whole answer once its plain first screen is gone.
    await expect(this.page.getByTestId('response-body-plain')).toHaveCount(0)
    await expect(this.responseBody.locator('.monaco-editor')).toBeVisible()
    // Monaco renders spaces as no-break spaces.
    return (await this.responseBody.locator('.view-lines').innerText()).replace(/\u00a0/g, ' ')
  }
}
