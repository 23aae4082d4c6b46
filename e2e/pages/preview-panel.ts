import { expect, type Locator, type Page } from '@playwright/test'

/** The Preview tab: Misskey objects as cards, ids as links, and the trail back. */
export class PreviewPanel {
  readonly page: Page
  readonly tab: Locator
  readonly pane: Locator
  readonly notes: Locator
  readonly users: Locator
  readonly table: Locator
  readonly back: Locator
  readonly forward: Locator
  readonly trailSteps: Locator

  constructor(page: Page) {
    this.page = page
    this.tab = page.getByTestId('tab-preview')
    this.pane = page.getByTestId('preview-pane')
    this.notes = page.getByTestId('preview-note')
    this.users = page.getByTestId('preview-user')
    this.table = page.getByTestId('preview-table')
    this.back = page.getByTestId('trail-back')
    this.forward = page.getByTestId('trail-forward')
    this.trailSteps = page.getByTestId('trail-steps').locator('button')
  }

  /** The top-level card of the note with this id (not the copy inside a reply or renote). */
  note(id: string): Locator {
    return this.pane.locator(
      `.virtual-list__row > [data-testid="preview-note"][data-note-id="${id}"]`,
    )
  }

  async expectShown(kind: string) {
    await expect(this.tab).toHaveAttribute('aria-selected', 'true')
    await expect(this.pane).toHaveAttribute('data-kind', kind)
  }
}
