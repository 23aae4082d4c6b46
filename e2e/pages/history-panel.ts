import { expect, type Locator, type Page } from '@playwright/test'

type StatusClass = '2xx' | '3xx' | '4xx' | '5xx' | 'failed'

/** The history sidebar: rows newest first, search, filters, compare, clear. */
export class HistoryPanel {
  readonly tab: Locator
  readonly search: Locator
  readonly rows: Locator
  readonly count: Locator
  readonly notice: Locator
  readonly compareButton: Locator
  readonly compareDialog: Locator
  /** Says an opened entry's response body was kept cut. */
  readonly responseNote: Locator
  /** Loads the next page of older entries. */
  readonly moreButton: Locator

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
    this.responseNote = page.getByTestId('history-response-note')
    this.moreButton = page.getByTestId('history-more')
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

  async filterStatus(statusClass: StatusClass) {
    const toggle = this.page.getByTestId('history-filters-toggle')
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click()
    await this.statusFilter(statusClass).check()
  }

  statusFilter(statusClass: StatusClass): Locator {
    return this.page.getByTestId(`history-filter-${statusClass}`)
  }

  /** Clears all but the pinned entries, accepting the confirmation. */
  async clear() {
    this.page.once('dialog', (dialog) => void dialog.accept())
    await this.page.getByTestId('history-clear').click()
  }
}
