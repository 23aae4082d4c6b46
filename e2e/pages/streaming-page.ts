import { expect, type Locator, type Page } from '@playwright/test'
import { pasteIntoEditor } from './paste-into-editor.ts'

/** Locators and actions of the streaming view, so stories read as what the user does. */
export class StreamingPage {
  readonly view: Locator
  readonly status: Locator
  readonly target: Locator
  readonly error: Locator
  readonly actionError: Locator
  readonly reconnects: Locator
  readonly rows: Locator
  readonly log: Locator
  readonly detailType: Locator
  readonly detailJson: Locator
  readonly received: Locator
  readonly logEmpty: Locator
  readonly connectButton: Locator
  readonly unconfirmedHint: Locator
  readonly rawInput: Locator
  readonly rawProblem: Locator
  readonly rawSendButton: Locator
  readonly typeFilter: Locator
  readonly channelFilter: Locator
  readonly paused: Locator
  readonly exported: Locator

  readonly page: Page

  constructor(page: Page) {
    this.page = page
    this.view = page.getByTestId('streaming-view')
    this.status = page.getByTestId('streaming-status')
    this.target = page.getByTestId('streaming-target')
    this.error = page.getByTestId('streaming-error')
    this.actionError = page.getByTestId('streaming-action-error')
    this.reconnects = page.getByTestId('streaming-reconnects')
    this.rows = page.getByTestId('streaming-row')
    this.log = page.getByTestId('streaming-log')
    this.detailType = page.getByTestId('streaming-detail-type')
    this.detailJson = page.getByTestId('streaming-detail-json')
    this.received = page.getByTestId('streaming-received')
    this.logEmpty = page.getByTestId('streaming-log-empty')
    this.connectButton = page.getByTestId('streaming-connect')
    this.unconfirmedHint = page.getByTestId('streaming-unconfirmed-hint')
    this.rawInput = page.getByTestId('streaming-raw')
    this.rawProblem = page.getByTestId('streaming-raw-problem')
    this.rawSendButton = page.getByTestId('streaming-raw-send')
    this.typeFilter = page.getByTestId('streaming-filter-type')
    this.channelFilter = page.getByTestId('streaming-filter-channel')
    this.paused = page.getByTestId('streaming-paused')
    this.exported = page.getByTestId('streaming-exported')
  }

  /** The header's "Streaming" tab. */
  async open() {
    await this.page.getByTestId('view-streaming').click()
    await expect(this.view).toBeVisible()
  }

  async backToRequests() {
    await this.page.getByTestId('view-requests').click()
    await expect(this.view).toBeHidden()
  }

  async connect(as: 'account' | 'anonymous' = 'account') {
    const choice = this.page.getByTestId(`streaming-as-${as}`)
    if (await choice.count()) await choice.check()
    await this.connectButton.click()
  }

  async disconnect() {
    await this.page.getByTestId('streaming-disconnect').click()
  }

  async expectPhase(phase: 'connecting' | 'open' | 'reconnecting' | 'closed' | 'failed') {
    await expect(this.status).toHaveAttribute('data-phase', phase)
  }

  /** Picks a channel (a known one, or any name through "Other…"), pastes its params, joins. */
  async join(channel: string, params?: unknown) {
    const select = this.page.getByTestId('streaming-channel')
    const known = await select.locator(`option[value="${channel}"]`).count()
    if (known) {
      await select.selectOption(channel)
    } else {
      await select.selectOption({ index: (await select.locator('option').count()) - 1 })
      await this.page.getByTestId('streaming-channel-other').fill(channel)
    }
    if (params !== undefined) await this.setParams(JSON.stringify(params, null, 2))
    await this.page.getByTestId('streaming-join').click()
  }

  /** Replaces the params the way a user pastes them (see pasteIntoEditor). */
  async setParams(text: string) {
    await pasteIntoEditor(this.page, this.page.getByTestId('streaming-params-editor'), text)
  }

  joined(channel: string): Locator {
    return this.page.locator(`[data-testid="streaming-joined"][data-channel="${channel}"]`)
  }

  captured(noteId: string): Locator {
    return this.page.locator(`[data-testid="streaming-captured"][data-note-id="${noteId}"]`)
  }

  /** Rows of the live log whose one-line summary contains `text`. */
  rowsWith(text: string): Locator {
    return this.rows.filter({ has: this.page.getByTestId('streaming-row-summary').getByText(text) })
  }

  async sendRaw(text: string) {
    await this.rawInput.fill(text)
    await this.rawSendButton.click()
  }

  /** Log rows of one message type (`connect`, `subNote`, …), optionally one direction. */
  rowsOfType(type: string, direction?: 'in' | 'out'): Locator {
    const onlyDirection = direction ? `[data-direction="${direction}"]` : ''
    return this.rows.and(this.page.locator(`[data-type="${type}"]${onlyDirection}`))
  }

  /** Captures the note shown in the message detail (`subNote`). */
  /** The text of the selected message's note, drawn as a card. */
  get noteCardText() {
    return this.page.getByTestId('streaming-note-card').getByTestId('preview-note-text')
  }

  async captureSelectedNote() {
    await this.page.getByTestId('streaming-detail-capture').click()
  }

  /** Pause or resume the live log (messages keep arriving while paused). */
  async togglePause() {
    await this.page.getByTestId('streaming-pause').click()
  }

  /** Saves the log as JSON lines through main's save dialog. */
  async exportLog() {
    await this.page.getByTestId('streaming-export').click()
  }

  /** The JSON of the selected message, read from Monaco's rendered lines. */
  /**
   * Waits until the detail pane's JSON shows `text`: the pane is redrawn a moment after the
   * selection moves, so a single read can still see the message selected before.
   */
  async expectDetailToContain(text: string): Promise<void> {
    await expect(this.detailJson.locator('.monaco-editor')).toBeVisible()
    const lines = this.detailJson.locator('.view-lines')
    await expect.poll(async () => (await lines.innerText()).replace(/\u00a0/g, ' ')).toContain(text)
  }
}
