import { expect, type Locator, type Page } from '@playwright/test'

/** The environments under the collection tree: pick one, create one, edit its variables. */
export class EnvironmentsPanel {
  readonly select: Locator
  /** The variables editor, open while an environment is being edited. */
  readonly variables: Locator
  /** Under the body: which `{{variables}}` will be filled in, and with what. */
  readonly hint: Locator

  readonly page: Page

  constructor(page: Page) {
    this.page = page
    this.select = page.getByTestId('environment-select')
    this.variables = page.getByTestId('environment-variables')
    this.hint = page.getByTestId('variables-hint')
  }

  /** Creates an environment by name; it becomes the active one, its editor open. */
  async create(name: string) {
    await this.page.getByTestId('environment-new').click()
    await this.page.getByTestId('environment-new-name').fill(name)
    await this.page.getByTestId('environment-new-name').press('Enter')
  }

  /** Adds a row to the open editor and fills it. */
  async addVariable(name: string, value: string) {
    await this.page.getByTestId('variable-add').click()
    await this.page.getByTestId('variable-name').last().fill(name)
    await this.page.getByTestId('variable-value').last().fill(value)
  }

  async save() {
    await this.page.getByTestId('environment-save').click()
    await expect(this.variables).toBeHidden()
  }
}
