import { type Locator, type Page } from '@playwright/test'

/** The Docs tab and the endpoint's header line above the editor. */
export class DocsPanel {
  readonly docs: Locator
  readonly description: Locator
  /** The "not for third parties" explanation of an internal endpoint. */
  readonly internal: Locator
  readonly endpointHeader: Locator

  constructor(page: Page) {
    this.docs = page.getByTestId('endpoint-docs')
    this.description = page.getByTestId('docs-description')
    this.internal = page.getByTestId('docs-internal')
    this.endpointHeader = page.getByTestId('endpoint-header')
  }

  parameter(path: string): Locator {
    return this.docs.locator(`[data-parameter="${path}"]`)
  }
}
