import { expect, type Locator, type Page } from '@playwright/test'

/**
 * Replaces a Monaco editor's text the way a user pastes it: select all, then a paste event
 * carrying the text (typing would let Monaco auto-close brackets and indent, changing the text).
 * Done when the editor shows the pasted text's end, where the cursor is left: on a busy machine
 * a paste can reach the editor before it has taken its model and be lost; the user would paste
 * again, and so does this.
 */
export async function pasteIntoEditor(page: Page, editor: Locator, text: string): Promise<void> {
  const paste = async () => {
    await editor.locator('.monaco-editor').click()
    await page.keyboard.press('ControlOrMeta+A')
    if (text === '') {
      await page.keyboard.press('Delete')
      return
    }
    await page.evaluate((pasted) => {
      const data = new DataTransfer()
      data.setData('text/plain', pasted)
      const target = document.activeElement ?? document.body
      target.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
      )
    }, text)
  }
  const end = text.replace(/\s/g, '').slice(-60)
  const lines = editor.locator('.view-lines')
  await expect(async () => {
    await paste()
    await expect
      .poll(async () => (await lines.innerText()).replace(/\s/g, ''), { timeout: 3_000 })
      .toContain(end)
  }).toPass()
}
