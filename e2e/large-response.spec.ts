import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from './fixtures.ts'
import { buildFakeSpec } from '../test-kit/fake-misskey/spec.ts'
import { startLocalServer } from '../test-kit/support/local-server.ts'
import { budgetLongStory, storyStep } from './long-story.ts'
import { storyBudgets } from './story-budgets.ts'

test.afterEach(({ explorer }) => {
  expect(explorer.pageErrors, 'uncaught errors in the page').toEqual([])
})

test('a large response shows its start at once, opens fully on demand and saves to a file', async ({
  explorer,
  main,
}) => {
  // 20 MB travels through main to the page, to a file and into the editor: four steps, each with
  // its own budget, so a busy machine slows the story without failing it.
  budgetLongStory(4)
  // Behaviour, not a stopwatch (the benchmark measures the time): the page shows the preview
  // without ever parsing the whole body. Every JSON.parse the page makes is noted by size.
  await explorer.page.evaluate(() => {
    const parsed: number[] = []
    ;(globalThis as unknown as { __parsedLengths: number[] }).__parsedLengths = parsed
    const parse = JSON.parse
    JSON.parse = function (text: string, reviver?: Parameters<typeof JSON.parse>[1]) {
      parsed.push(String(text).length)
      return parse(text, reviver)
    } as typeof JSON.parse
  })
  const notes = Array.from({ length: 45_000 }, (_, index) => ({
    id: `note${String(index).padStart(8, '0')}`,
    text: 'x'.repeat(400),
    reactions: { '👍': index % 7 },
  }))
  const body = JSON.stringify(notes)
  expect(body.length).toBeGreaterThan(19 * 1024 * 1024)
  const server = await startLocalServer((request, response) => {
    if (request.url === '/api.json') {
      response.writeHead(200, { 'content-type': 'application/json' })
      response.end(JSON.stringify(buildFakeSpec('http://big.invalid')))
    } else {
      response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' })
      response.end(body)
    }
  })
  let saveFolder: string | null = null
  try {
    await storyStep('open the server and pick the endpoint', async () => {
      await explorer.openServer(server.origin)
      await explorer.pickEndpoint('notes/local-timeline')
    })

    await storyStep('send: the start is shown at once, the body never parsed whole', async () => {
      // 20 MB has to arrive first: this wait may take the whole step.
      await explorer.send({ timeout: storyBudgets.step })
      await expect(explorer.page.getByTestId('large-body')).toContainText('Large response (')
      await expect(explorer.page.getByTestId('large-preview')).toContainText('"id": "note00000000"')
      // A preview: the start of the body, not its end, and no editor holding all of it yet.
      await expect(explorer.page.getByTestId('large-preview')).not.toContainText('note00044999')
      await expect(explorer.page.getByTestId('open-fully')).toBeVisible()
      await expect(explorer.responseBody.locator('.view-lines')).toHaveCount(0)
      const largestParsed = await explorer.page.evaluate(() =>
        Math.max(0, ...(globalThis as unknown as { __parsedLengths: number[] }).__parsedLengths),
      )
      expect(
        largestParsed,
        'the page parsed (nearly) the whole body before the preview',
      ).toBeLessThan(body.length / 10)
    })

    await storyStep('save to a file: every byte as it came', async () => {
      saveFolder = await mkdtemp(join(tmpdir(), 'large-'))
      main.saveTo = join(saveFolder, 'timeline.json')
      await explorer.page.getByTestId('save-body').click()
      await expect(explorer.page.getByTestId('save-status')).toHaveText(`Saved to ${main.saveTo}.`)
      expect(await readFile(main.saveTo, 'utf8')).toBe(body)
    })

    await storyStep('open fully: the whole body in the editor', async () => {
      await explorer.page.getByTestId('open-fully').click()
      await expect(explorer.responseBody.locator('.view-lines')).toContainText(
        '"id": "note00000000"',
      )
    })
  } finally {
    await server.close()
    if (saveFolder) await rm(saveFolder, { recursive: true, force: true })
  }
})

test('the raw tab shows the body as it came on the wire', async ({ explorer, target }) => {
  await explorer.openServer(target.origin)
  await explorer.pickEndpoint('meta')
  await explorer.send()
  await expect(explorer.responseStatus).toHaveText(/^200\b/)
  await explorer.page.getByTestId('tab-raw').click()
  await expect(explorer.responseBody.locator('.view-lines')).toContainText('{"maintainerName":')
})

test('a 1 MB answer in the Body tab: its start at once, then all of it in the editor, parsed once', async ({
  explorer,
}) => {
  // Every JSON.parse the page makes of (nearly) the whole answer is counted: the Preview's parse
  // is reused for pretty-printing instead of parsing the text again.
  await explorer.page.evaluate(() => {
    const parsed: number[] = []
    ;(globalThis as unknown as { __parsedLengths: number[] }).__parsedLengths = parsed
    const parse = JSON.parse
    JSON.parse = function (text: string, reviver?: Parameters<typeof JSON.parse>[1]) {
      parsed.push(String(text).length)
      return parse(text, reviver)
    } as typeof JSON.parse
  })
  const notes = Array.from({ length: 2_500 }, (_, index) => ({
    id: `note${String(index).padStart(8, '0')}`,
    createdAt: '2025-05-01T00:00:00.000Z',
    userId: 'user1',
    visibility: 'public',
    text: 'y'.repeat(300),
  }))
  const body = JSON.stringify(notes)
  expect(body.length).toBeGreaterThan(900 * 1024)
  const server = await startLocalServer((request, response) => {
    response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' })
    response.end(
      request.url === '/api.json' ? JSON.stringify(buildFakeSpec('http://big.invalid')) : body,
    )
  })
  try {
    await explorer.openServer(server.origin)
    await explorer.pickEndpoint('notes/local-timeline')
    await explorer.send()
    await explorer.showBody()
    await expect(explorer.responseBody).toContainText('"id": "note00000000"')
    await expect(explorer.responseBody.locator('.monaco-editor')).toBeVisible()
    // The last note is at the end of the editor's text once every piece is in.
    // The rest arrives a piece per task: the end is pressed again until the last piece is in. The
    // gutter is clicked to focus the editor: a click on the text could follow an id.
    await explorer.responseBody.locator('.margin').click()
    await expect(async () => {
      await explorer.page.keyboard.press('ControlOrMeta+End')
      await expect(explorer.responseBody.locator('.view-lines')).toContainText('"note00002499"', {
        timeout: 1_000,
      })
    }).toPass()
    const wholeParses = await explorer.page.evaluate(
      (length) =>
        (globalThis as unknown as { __parsedLengths: number[] }).__parsedLengths.filter(
          (parsed) => parsed >= length,
        ).length,
      body.length,
    )
    expect(wholeParses, 'times the page parsed the whole answer').toBe(1)
  } finally {
    await server.close()
  }
})
