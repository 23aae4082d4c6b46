import { expect, test } from './fixtures.ts'
import { buildFakeSpec } from '../test-kit/fake-misskey/spec.ts'
import { startLocalServer } from '../test-kit/support/local-server.ts'

test.afterEach(({ explorer }) => {
  expect(explorer.pageErrors, 'uncaught errors in the page').toEqual([])
})

test('the docs tab explains an endpoint: parameters, response, errors, source', async ({
  explorer,
  target,
}) => {
  await explorer.openServer(target.origin)
  await explorer.pickEndpoint('notes/create')
  await explorer.request.showDocs()
  const docs = explorer.docs.docs
  await expect(explorer.docs.parameter('text')).toContainText('string | null')
  await expect(explorer.docs.parameter('visibility')).toContainText(
    '"public" | "home" | "followers" | "specified"',
  )
  await expect(explorer.docs.parameter('poll.choices')).toBeVisible()
  await expect(docs.getByTestId('docs-response')).toContainText('200')
  await expect(docs.getByTestId('docs-errors')).toContainText('NO_SUCH_RENOTE_TARGET')
  await expect(docs.getByRole('link', { name: /Source code/ })).toHaveAttribute(
    'href',
    /notes\/create\.ts$/,
  )
  await explorer.request.showBody()
  await expect(explorer.bodyEditor.locator('.monaco-editor')).toBeVisible()
})

test('markdown from a server never runs as HTML', async ({ explorer }) => {
  const spec = buildFakeSpec('http://evil.invalid') as {
    paths: Record<string, { post: { description: string } }>
  }
  spec.paths['/meta']!.post.description =
    'Hello **bold** <img src=x onerror="window.__xss = 1"> <script>window.__xss = 2</script> [click](javascript:window.__xss=3) ![i](javascript:alert(1))\n\n**Credential required**: *No*'
  const evil = await startLocalServer((request, response) => {
    response.writeHead(request.url === '/api.json' ? 200 : 404, {
      'content-type': 'application/json',
    })
    response.end(request.url === '/api.json' ? JSON.stringify(spec) : '{}')
  })
  try {
    await explorer.openServer(evil.origin)
    await explorer.pickEndpoint('meta')
    await explorer.request.showDocs()
    const description = explorer.docs.description
    await expect(description.locator('strong')).toHaveText('bold')
    await expect(description).toContainText('<img src=x onerror=')
    await expect(description.locator('img, script, iframe, [onerror]')).toHaveCount(0)
    await expect(description.locator('a[href^="javascript:"]')).toHaveCount(0)
    await description.getByText('click').click()
    expect(
      await explorer.page.evaluate(() => (window as unknown as { __xss?: number }).__xss),
    ).toBeUndefined()
    // The header line shows the same description as plain text, never as markup.
    await expect(explorer.docs.endpointHeader.locator('img, script')).toHaveCount(0)
  } finally {
    await evil.close()
  }
})

test('internal endpoints carry a badge and a warning', async ({ explorer, target }) => {
  test.skip(target.kind === 'real', 'checks the fake spec’s secure endpoint')
  await explorer.openServer(target.origin)
  await explorer.pickEndpoint('miauth/gen-token')
  await expect(explorer.docs.endpointHeader).toContainText('internal')
  await explorer.request.showDocs()
  await expect(explorer.docs.internal).toContainText('not intended for third parties')
})
