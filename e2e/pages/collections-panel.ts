import { expect, type Locator, type Page } from '@playwright/test'
import { EnvironmentsPanel } from './environments-panel.ts'

/** The collections sidebar, its environments and the save dialog. */
export class CollectionsPanel {
  readonly tab: Locator
  readonly tree: Locator
  readonly nodes: Locator
  readonly notice: Locator
  readonly actionError: Locator
  readonly error: Locator
  readonly runReport: Locator
  readonly runSteps: Locator
  readonly saveDialog: Locator
  /** The open collection's folder name. */
  readonly name: Locator
  readonly environments: EnvironmentsPanel
  /** The question asked before running a folder changed outside the app. */
  readonly runConfirm: Locator

  readonly page: Page

  constructor(page: Page) {
    this.page = page
    this.tab = page.getByTestId('sidebar-collections')
    this.tree = page.getByTestId('collection-tree')
    this.nodes = page.getByTestId('collection-node')
    this.notice = page.getByTestId('collection-notice')
    this.actionError = page.getByTestId('collection-action-error')
    this.error = page.getByTestId('collection-error')
    this.runReport = page.getByTestId('run-report')
    this.runSteps = page.getByTestId('run-step')
    this.saveDialog = page.getByTestId('save-dialog')
    this.name = page.getByTestId('collection-name')
    this.environments = new EnvironmentsPanel(page)
    this.runConfirm = page.getByTestId('run-confirm')
  }

  /** The rows of the run question: request, server, account, as shown. */
  async plannedRun(): Promise<string[][]> {
    await expect(this.runConfirm).toBeVisible()
    const rows = this.runConfirm.getByTestId('run-confirm-plan').locator('tbody tr')
    const texts: string[][] = []
    for (const row of await rows.all()) texts.push(await row.locator('td').allInnerTexts())
    return texts
  }

  async confirmRun() {
    await this.runConfirm.getByTestId('run-confirm-run').click()
    await expect(this.runConfirm).toBeHidden()
  }

  async show() {
    await this.tab.click()
    await expect(this.page.getByTestId('collection-sidebar')).toBeVisible()
  }

  /** "Choose a folder…": the system's folder dialog (main answers it in the stories). */
  async chooseFolder() {
    await this.page.getByTestId('collection-choose').click()
  }

  /** Types the new name into the inline rename field (opened by F2 or the rename action). */
  async typeNewName(name: string) {
    await this.page.getByTestId('collection-rename-input').fill(name)
    await this.page.getByTestId('collection-rename-input').press('Enter')
  }

  /** Moves an item with its move action into `folder`. */
  async moveTo(path: string, folder: string) {
    await this.act(path, 'move')
    await this.page.getByTestId('collection-move-target').selectOption(folder)
    await this.page.getByTestId('collection-move-confirm').click()
  }

  /** Pastes a curl command into the import dialog and imports it. */
  async importCurl(command: string) {
    await this.menu('importCurl')
    await this.page.getByTestId('curl-command').fill(command)
    await this.page.getByTestId('curl-import').click()
  }

  /** A tree item by its path in the collection (`flow/Create.request.json`, `flow`). */
  node(path: string): Locator {
    return this.page.locator(`[data-testid="collection-node"][data-path="${path}"]`)
  }

  /** The names shown directly in a folder (`''`: the top), in order. */
  async namesIn(folder: string): Promise<string[]> {
    const list = folder === '' ? this.tree : this.node(folder).locator(':scope > ul')
    return list
      .locator(':scope > li > .collection-node__row')
      .getByTestId('collection-node-name')
      .allInnerTexts()
  }

  async menu(
    item: 'newFolder' | 'importCurl' | 'exportZip' | 'importZip' | 'chooseFolder' | 'close',
  ) {
    await this.page.getByTestId('collection-menu').click()
    await this.page.getByTestId(`collection-${item}`).click()
  }

  async createFolder(name: string) {
    await this.menu('newFolder')
    await this.page.getByTestId('collection-new-folder-name').fill(name)
    await this.page.getByTestId('collection-new-folder-name').press('Enter')
    await expect(this.node(name)).toBeVisible()
  }

  /** A request or folder's own action (rename, duplicate, move, delete, run). */
  async act(path: string, action: 'rename' | 'duplicate' | 'move' | 'delete' | 'run') {
    const row = this.node(path).locator(':scope > .collection-node__row')
    await row.hover()
    await row.getByTestId(`collection-${action}`).click()
  }

  /** Fills the save dialog (opened by the caller) and saves. */
  async save(options: {
    name: string
    folder?: string
    notes?: string
    captures?: Array<{ path: string; variable: string }>
    checks?: {
      status?: string
      errorCode?: string
      json?: Array<{
        path: string
        kind: 'equals' | 'exists' | 'missing' | 'matches'
        value?: string
      }>
    }
  }) {
    await expect(this.saveDialog).toBeVisible()
    await this.saveDialog.getByTestId('save-name').fill(options.name)
    if (options.folder !== undefined) {
      await this.saveDialog.getByTestId('save-folder').selectOption(options.folder)
    }
    if (options.notes) await this.saveDialog.getByTestId('save-notes').fill(options.notes)
    for (const capture of options.captures ?? []) {
      await this.saveDialog.getByTestId('capture-add').click()
      await this.saveDialog.getByTestId('capture-path').last().fill(capture.path)
      await this.saveDialog.getByTestId('capture-variable').last().fill(capture.variable)
    }
    const checks = options.checks
    if (checks?.status) await this.saveDialog.getByTestId('check-status').fill(checks.status)
    if (checks?.errorCode) {
      await this.saveDialog.getByTestId('check-error-code').fill(checks.errorCode)
    }
    for (const check of checks?.json ?? []) {
      await this.saveDialog.getByTestId('check-add').click()
      await this.saveDialog.getByTestId('check-path').last().fill(check.path)
      await this.saveDialog.getByTestId('check-kind').last().selectOption(check.kind)
      if (check.value !== undefined) {
        await this.saveDialog.getByTestId('check-value').last().fill(check.value)
      }
    }
    await this.saveDialog.getByTestId('save-confirm').click()
    await expect(this.saveDialog).toBeHidden()
  }
}
