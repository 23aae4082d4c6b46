import { expect, type Locator, type Page } from '@playwright/test'

/** The history sidebar: rows newest first, search, filters, compare, clear. */
export class HistoryPanel {
  readonly tab: Locator
  readonly search: Locator
  readonly rows: Locator
  readonly count: Locator
  readonly notice: Locator
  readonly compareButton: Locator
  readonly compareDialog: Locator

  readonly page: Page

  constructor(page: Page) {
    this.page = page
    this.tab = page.getByTestId('sidebar-history')
    this.search = page.getByTestId('history-search')
    this.rows = page.getByTestId('history-row')
    this.count = page.getByTestId('history-count')
    this.notice = page.getByTestId('history-notice')
    this.compareButton = page.getByTestId('history-compare')
    this.compareDialog = page.getByTestId('history-compare-dialog')
  }

  async show() {
    await this.tab.click()
    await expect(this.page.getByTestId('history-sidebar')).toBeVisible()
  }

  /** The endpoints of the rows shown, top (newest) first. */
  async endpoints(): Promise<string[]> {
    return this.rows.getByTestId('history-endpoint').allInnerTexts()
  }

  row(index: number): Locator {
    return this.rows.nth(index)
  }

  async open(index: number) {
    await this.row(index).getByTestId('history-open').click()
  }

  async filterStatus(statusClass: '2xx' | '3xx' | '4xx' | '5xx' | 'failed') {
    const toggle = this.page.getByTestId('history-filters-toggle')
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click()
    await this.page.getByTestId(`history-filter-${statusClass}`).check()
  }

  /** Clears all but the pinned entries, accepting the confirmation. */
  async clear() {
    this.page.once('dialog', (dialog) => void dialog.accept())
    await this.page.getByTestId('history-clear').click()
  }
}
