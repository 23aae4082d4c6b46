import type { Page } from '@playwright/test'
import { expect, test } from './fixtures.ts'

// The first slice for someone whose system is Japanese: the app starts in Japanese, and nothing
// a person reads is left in English, apart from what is not UI text: endpoint names, JSON (the
// body editor, the response), values from the server, and the names kept in both languages.
test.use({ locale: 'ja-JP' })

test.afterEach(({ explorer }) => {
  expect(explorer.pageErrors, 'uncaught errors in the page').toEqual([])
})

// Names written the same in Japanese UIs (Misskey's own included).
const namesKeptInJapanese = new Set([
  'misskey',
  'misskey-js',
  'api',
  'explorer',
  'json',
  'json5',
  'get',
  'multipart',
  'curl',
  'fetch',
  'javascript',
  'miauth',
  'oauth',
  'ctrl',
  'alt',
  'enter',
  'http',
  'https',
  'english',
  'url',
  'uri',
  'content',
  'type',
])

/**
 * Latin words of three letters or more in the visible text, placeholders and tooltips of the
 * page, outside what is not UI text. Upper-case words are codes (INVALID_PARAM, 2xx) and stay.
 */
async function englishLeftInSight(page: Page, serverWords: Set<string>): Promise<string[]> {
  const texts = await page.evaluate(() => {
    const skip = [
      '.monaco-editor', // JSON the user writes, and the response viewer
      '[data-endpoint]', // endpoint names in the list
      '[data-testid="endpoint-name"]',
      '[data-testid="server-summary"]', // host and version, from the server
      '[data-testid="problem-message"]', // the server's own error message
      '[data-testid="problem-reason"]',
      '[data-testid="problem-param"]',
      '[data-testid="response-status"]', // the status text (Bad Request) comes from the server
      '.response-problem__facts dd', // the error's id, kind and info
      '[data-testid="response-headers"]',
      '[data-testid="preview-object"]', // the Preview of an object: its field names and values
      '[data-testid="preview-table"]',
      '[data-testid="language-switch"]', // each language named in itself
      'code',
    ].join(',')
    const found: string[] = []
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement
      if (!parent || parent.closest(skip) || parent.closest('option')) continue
      if (parent.getClientRects().length === 0) continue
      found.push(node.textContent ?? '')
    }
    for (const element of document.querySelectorAll<HTMLElement>(
      '[placeholder], [title], [aria-label]',
    )) {
      if (element.closest(skip) || element.getClientRects().length === 0) continue
      for (const name of ['placeholder', 'title', 'aria-label']) {
        found.push(element.getAttribute(name) ?? '')
      }
    }
    return found
  })
  // Addresses (misskey.example, http://127.0.0.1:3000) are names, not words; what is quoted
  // ("noteId", "i") is a value or a field name of the API.
  const words = texts.flatMap(
    (text) =>
      text
        .replace(/\S*\w\.\w\S*/g, ' ')
        .replace(/"[^"]*"/g, ' ')
        .match(/[A-Za-z][A-Za-z-]{2,}/g) ?? [],
  )
  return [
    ...new Set(
      words.filter(
        (word) =>
          word !== word.toUpperCase() &&
          !namesKeptInJapanese.has(word.toLowerCase()) &&
          !serverWords.has(word.toLowerCase()),
      ),
    ),
  ]
}

test('the first slice in Japanese: open, find by intent, send, read the answer', async ({
  explorer,
  target,
  page,
}) => {
  // Values from the server: endpoint names and their parts, tags, host, version.
  const spec = (await (await fetch(`${target.origin}/api.json`)).json()) as {
    paths: Record<string, Record<string, { tags?: string[] }>>
  }
  const serverWords = new Set<string>([new URL(target.origin).hostname])
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const part of path.split(/[/-]/)) serverWords.add(part.toLowerCase())
    for (const operation of Object.values(item)) {
      for (const tag of operation.tags ?? []) serverWords.add(tag.toLowerCase())
    }
  }

  await test.step('the app starts in the system’s language', async () => {
    await expect(page.locator('html')).toHaveAttribute('lang', 'ja')
    await expect(page.getByTestId('server-open')).toHaveText('開く')
    expect(await englishLeftInSight(page, serverWords)).toEqual([])
  })

  await test.step('open the server; the catalog counts its endpoints in Japanese', async () => {
    await explorer.openServer(target.origin)
    await expect(explorer.endpointCount).toHaveText(/^エンドポイント \d+ 件$/)
  })

  await test.step('a plain Japanese query finds the endpoint', async () => {
    await explorer.filterEndpoints('ノートを投稿')
    await expect(explorer.endpointOptions.first()).toHaveAttribute('data-endpoint', 'notes/create')
    await explorer.filterEndpoints('')
  })

  await test.step('send meta and read the answer, with nothing left in English', async () => {
    await explorer.pickEndpoint('meta')
    await explorer.send()
    await expect(explorer.responseStatus).toHaveText(/^200\b/)
    await expect(explorer.responseDuration).toHaveText(/^\d+(\.\d+)? (ミリ秒|秒)$/)
    expect(await englishLeftInSight(page, serverWords)).toEqual([])
  })

  await test.step('a refused call is explained in Japanese', async () => {
    await explorer.pickEndpoint('notes/show')
    await explorer.setBody('{}')
    await explorer.send()
    await expect(explorer.responseStatus).toHaveText(/^400\b/)
    await expect(explorer.problemTitle).toHaveText('Misskey のエラー INVALID_PARAM')
    await expect(explorer.problem).toContainText(
      'パラメーターがエンドポイントのスキーマに合っていません',
    )
    expect(await englishLeftInSight(page, serverWords)).toEqual([])
  })

  await test.step('switching to English takes effect at once and is kept', async () => {
    await page.getByTestId('language-switch').selectOption('en')
    await expect(page.getByTestId('server-open')).toHaveText('Open')
    await expect(explorer.endpointCount).toHaveText(/^1 of \d+$/)
    await expect(explorer.problemTitle).toHaveText('Misskey error INVALID_PARAM')
    await expect(page.locator('html')).toHaveAttribute('lang', 'en')
    await page.reload()
    await expect(page.getByTestId('server-open')).toHaveText('Open')
    await expect(page.getByTestId('language-switch')).toHaveValue('en')
  })
})
