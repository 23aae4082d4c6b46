import { type Locator, type Page } from '@playwright/test'

/** The request panel around the body editor: uploads, timeout, Copy as, cancel, helpers. */
export class RequestPanel {
  readonly uploadFile: Locator
  readonly uploadError: Locator
  readonly timeoutSeconds: Locator
  readonly cancelButton: Locator
  readonly copyStatus: Locator
  /** Says a JSON5 body will be sent as JSON. */
  readonly json5Note: Locator
  readonly schemaProblemList: Locator
  /** Monaco's completion list. */
  readonly suggestions: Locator

  readonly page: Page

  constructor(page: Page) {
    this.page = page
    this.uploadFile = page.getByTestId('upload-file')
    this.uploadError = page.getByTestId('upload-error')
    this.timeoutSeconds = page.getByTestId('timeout-seconds')
    this.cancelButton = page.getByTestId('cancel')
    this.copyStatus = page.getByTestId('copy-status')
    this.json5Note = page.getByTestId('json5-note')
    this.schemaProblemList = page.getByTestId('schema-problem-list')
    this.suggestions = page.locator('.suggest-widget .monaco-list-row')
  }

  /** Opens the system file dialog (main answers it in the stories). */
  async chooseUploadFile() {
    await this.page.getByTestId('upload-choose').click()
  }

  uploadField(name: string): Locator {
    return this.page.getByTestId(`upload-field-${name}`)
  }

  async cancel() {
    await this.cancelButton.click()
  }

  async copyAs(kind: 'curl' | 'fetch' | 'misskey-js', options: { includeToken?: boolean } = {}) {
    await this.page.getByTestId('copy-as').click()
    if (options.includeToken) await this.page.getByTestId('copy-include-token').check()
    await this.page.getByTestId(`copy-as-${kind}`).click()
  }

  async insertRequiredFields() {
    await this.page.getByTestId('insert-required').click()
  }

  async showDocs() {
    await this.page.getByTestId('tab-docs-panel').click()
  }

  async showBody() {
    await this.page.getByTestId('tab-body-panel').click()
  }
}
