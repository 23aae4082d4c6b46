import { expect, type Locator, type Page } from '@playwright/test'

/** The response panel's explanations of what came back, and what to do next. */
export class ResponsePanel {
  /** Shown before anything was sent. */
  readonly empty: Locator
  /** INVALID_PARAM: the field Misskey named, and why. */
  readonly problemParam: Locator
  readonly problemReason: Locator
  readonly problemMessage: Locator
  /** INTERNAL_ERROR: the incident id to report. */
  readonly problemIncident: Locator

  readonly page: Page

  constructor(page: Page) {
    this.page = page
    this.empty = page.getByTestId('response-empty')
    this.problemParam = page.getByTestId('problem-param')
    this.problemReason = page.getByTestId('problem-reason')
    this.problemMessage = page.getByTestId('problem-message')
    this.problemIncident = page.getByTestId('problem-incident')
  }

  /** Puts the cursor on the field an INVALID_PARAM names. */
  async revealField() {
    await this.page.getByTestId('reveal-field').click()
  }

  /** Builds the following page's request from this answer and sends it; waits for the answer. */
  async nextPage() {
    await this.page.getByTestId('next-page').click()
    await this.settled()
  }

  /**
   * No request in flight: what the panel shows is the last answer's (the previous one stays on
   * screen while a request is on its way, and must not be read as the new one).
   */
  async settled(options: { timeout?: number } = {}) {
    await expect(this.page.getByTestId('response-viewer')).not.toHaveAttribute(
      'aria-busy',
      'true',
      options,
    )
  }
}
