import { expect, test } from './fixtures.ts'
import { PreviewPanel } from './pages/preview-panel.ts'
import { buildFakeSpec } from '../test-kit/fake-misskey/spec.ts'
import { startLocalServer } from '../test-kit/support/local-server.ts'

// Hostile notes, as a malicious or broken server could send them: nothing in them runs, nothing
// hangs, and images from other hosts stay hidden until the user chooses to show them.
test.afterEach(({ explorer }) => {
  expect(explorer.pageErrors, 'uncaught errors in the page').toEqual([])
})

const pwn = (n: number) => `window.__pwned=${n}`
const user = (overrides: Record<string, unknown> = {}) => ({
  id: 'user0001',
  name: `<img src=x onerror="${pwn(1)}"> :evil:`,
  username: 'mallory',
  host: null,
  avatarUrl: `javascript:${pwn(2)}`,
  emojis: { evil: `javascript:${pwn(3)}` },
  ...overrides,
})
const note = (id: string, text: string, overrides: Record<string, unknown> = {}) => ({
  id,
  createdAt: '2026-12-02T10:00:00.000Z',
  userId: 'user0001',
  user: user(),
  text,
  cw: null,
  visibility: 'public',
  reactions: { [`<img src=x onerror="${pwn(4)}">`]: 1 },
  reactionEmojis: {},
  fileIds: [],
  files: [],
  replyId: null,
  renoteId: null,
  ...overrides,
})

test('notes with script, onerror, javascript: and data: links, 200 levels of MFM and 1 MB of text: nothing runs, nothing hangs', async ({
  explorer,
}) => {
  test.slow() // the page parses hostile text; three times the usual time on a busy machine
  const megabyte = 'lorem ipsum **dolor** '.repeat(48_000)
  const notes = [
    note(
      'hostile1',
      [
        `<img src=x onerror="${pwn(5)}">`,
        `<script>${pwn(6)}</script>`,
        `[click me](javascript:${pwn(7)})`,
        `[data](data:text/html,<script>${pwn(8)}</script>)`,
        `<a href="javascript:${pwn(9)}">html link</a>`,
        '$[fg.color=red;background:url(javascript:alert(1)) styled]',
        'https://misskey.test/fine',
      ].join('\n'),
      {
        files: [
          {
            id: 'file1',
            name: 'x',
            type: 'image/png',
            url: `javascript:${pwn(10)}`,
            thumbnailUrl: `data:image/svg+xml,<svg onload="${pwn(11)}"/>`,
            isSensitive: false,
            size: 1,
            md5: 'm',
          },
        ],
      },
    ),
    note('nested200', `${'$[x2 '.repeat(200)}deep${']'.repeat(200)} ${'**'.repeat(200)}`),
    note('brackets', '['.repeat(3000)),
    note('megabyte', megabyte),
    note('elsewhere', 'an avatar from another host', {
      user: user({
        name: 'Remote',
        avatarUrl: 'http://images.elsewhere.invalid/a.png',
        emojis: {},
      }),
    }),
  ]
  const server = await startLocalServer((request, response) => {
    if (request.url === '/api.json') {
      response.writeHead(200, { 'content-type': 'application/json' })
      response.end(JSON.stringify(buildFakeSpec('http://hostile.invalid')))
    } else {
      response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' })
      response.end(JSON.stringify(notes))
    }
  })
  try {
    const preview = new PreviewPanel(explorer.page)
    await explorer.openServer(server.origin)
    await explorer.pickEndpoint('notes/local-timeline')
    await explorer.send()
    await preview.expectShown('notes')

    const hostile = preview.note('hostile1')
    // Drawn off the page's thread, possibly after the bracket bomb below has been given up on.
    await expect(hostile.locator('[data-mfm="drawn"]').first()).toBeVisible({ timeout: 30_000 })
    await expect(hostile.getByTestId('preview-note-text')).toContainText(
      `<script>${pwn(6)}</script>`,
    )
    await expect(hostile.getByRole('link', { name: 'https://misskey.test/fine' })).toHaveAttribute(
      'href',
      'https://misskey.test/fine',
    )
    await expect(preview.note('nested200').getByTestId('preview-note-text')).toContainText('deep')
    // The parser gives up on 3,000 brackets (it would take half a minute): plain text instead.
    await expect(preview.note('brackets').locator('[data-mfm="plain"]')).toBeVisible()

    // The megabyte note is far down the list: scroll to it.
    await preview.pane.getByRole('feed').evaluate((feed) => (feed.scrollTop = feed.scrollHeight))
    await expect(preview.note('megabyte').getByTestId('mfm-too-long')).toBeVisible()
    await preview.pane.getByRole('feed').evaluate((feed) => (feed.scrollTop = feed.scrollHeight))
    const remote = preview.note('elsewhere')
    await expect(remote.getByTestId('preview-image-hidden')).toBeVisible()
    await expect(remote.locator('img')).toHaveCount(0)
    await expect(preview.pane.getByTestId('preview-images-hidden')).toContainText(
      'images.elsewhere.invalid',
    )

    // Still answering: the JSON is a click away and back.
    await explorer.page.getByTestId('tab-body').click()
    await expect(explorer.responseBody.locator('.monaco-editor')).toBeVisible()
    await preview.tab.click()
    await preview.expectShown('notes')

    const found = await explorer.page.evaluate(() => ({
      pwned: (window as unknown as { __pwned?: number }).__pwned ?? null,
      scripts: document.querySelectorAll('[data-testid="preview-pane"] script').length,
      badLinks: document.querySelectorAll(
        '[data-testid="preview-pane"] a[href^="javascript"], [data-testid="preview-pane"] a[href^="data"]',
      ).length,
      badImages: [...document.querySelectorAll('[data-testid="preview-pane"] img')].filter(
        // Every picture comes from main's bytes: a blob: URL, never a host the page asks itself.
        (image) => !(image as HTMLImageElement).src.startsWith('blob:'),
      ).length,
      handlers: [...document.querySelectorAll('[data-testid="preview-pane"] *')].filter((element) =>
        [...element.attributes].some((attribute) => attribute.name.startsWith('on')),
      ).length,
    }))
    expect(found).toEqual({ pwned: null, scripts: 0, badLinks: 0, badImages: 0, handlers: 0 })
  } finally {
    await server.close()
  }
})
