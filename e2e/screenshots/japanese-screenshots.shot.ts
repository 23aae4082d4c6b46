import { expect, test } from '../fixtures.ts'

// Not a test: the Japanese UI in both themes (`npm run screenshots`); the light one is in the
// README. Needs a CJK font (Debian's fonts-noto-cjk, installed by scripts/setup.sh).
test.use({ locale: 'ja-JP' })

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the Japanese UI (${colorScheme})`, async ({ explorer, target, page }) => {
    await page.emulateMedia({ colorScheme })
    await explorer.openServer(target.origin)
    await expect(explorer.serverSummary).toContainText('エンドポイント')
    await explorer.pickEndpoint('notes/show')
    await explorer.setBody('{\n  "noteId": 123\n}')
    await expect(page.getByTestId('schema-problem-list')).toContainText('型が違います')
    await explorer.send()
    await expect(explorer.problemTitle).toHaveText('Misskey のエラー INVALID_PARAM')
    await explorer.filterEndpoints('ノート')
    await page.mouse.move(0, 0)
    await page.screenshot({
      path: `test-results/screenshots/ja-${colorScheme}-notes-show-error.png`,
    })
    if (colorScheme === 'light') await page.screenshot({ path: 'docs/screenshot-ja.png' })
  })
}
