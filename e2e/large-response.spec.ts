import { mkdtemp, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from './fixtures.ts'
import { buildFakeSpec } from './fake-misskey/spec.ts'
import { startLocalServer } from './support/local-server.ts'

test.afterEach(({ explorer }) => {
  expect(explorer.pageErrors, 'uncaught errors in the page').toEqual([])
})

test('a large response shows its start at once, opens fully on demand and saves to a file', async ({
  explorer,
  main,
}) => {
  const notes = Array.from({ length: 12_000 }, (_, index) => ({
    id: `note${String(index).padStart(8, '0')}`,
    text: 'x'.repeat(400),
    reactions: { '👍': index % 7 },
  }))
  const body = JSON.stringify(notes)
  expect(body.length).toBeGreaterThan(5 * 1024 * 1024)
  const server = await startLocalServer((request, response) => {
    if (request.url === '/api.json') {
      response.writeHead(200, { 'content-type': 'application/json' })
      response.end(JSON.stringify(buildFakeSpec('http://big.invalid')))
    } else {
      response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' })
      response.end(body)
    }
  })
  try {
    await explorer.openServer(server.origin)
    await explorer.pickEndpoint('notes/local-timeline')
    await explorer.send()
    await expect(explorer.page.getByTestId('large-body')).toContainText('Large response (')
    await expect(explorer.page.getByTestId('large-preview')).toContainText('"id": "note00000000"')

    main.saveTo = join(await mkdtemp(join(tmpdir(), 'large-')), 'timeline.json')
    await explorer.page.getByTestId('save-body').click()
    await expect(explorer.page.getByTestId('save-status')).toHaveText(`Saved to ${main.saveTo}.`)
    expect(await readFile(main.saveTo, 'utf8')).toBe(body)

    await explorer.page.getByTestId('open-fully').click()
    await expect(explorer.responseBody.locator('.view-lines')).toContainText('"id": "note00000000"')
  } finally {
    await server.close()
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
