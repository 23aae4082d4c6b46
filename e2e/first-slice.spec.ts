import { expect, test } from './fixtures.ts'
import { countSpecEndpoints } from '../test-kit/support/misskey-target.ts'

// The foundation's story, against the fake server or, with MISSKEY_URL set, a real Misskey.
test.afterEach(({ explorer }) => {
  expect(explorer.pageErrors, 'uncaught errors in the page').toEqual([])
})

test('open a server, find an endpoint, write a body, send it and read the answer', async ({
  explorer,
  target,
}) => {
  const expectedCount = await countSpecEndpoints(target.origin)

  await test.step('the catalog lists every endpoint of the server’s spec', async () => {
    await explorer.openServer(target.origin)
    await expect(explorer.serverSummary).toContainText(`${expectedCount} endpoints`)
    await expect(explorer.endpointCount).toHaveText(`${expectedCount} endpoints`)
    await expect(explorer.endpointOptions).toHaveCount(expectedCount)
  })

  await test.step('filtering narrows the list as the user types', async () => {
    await explorer.filterEndpoints('notes/sh')
    await expect(explorer.endpointOptions.first()).toHaveAttribute('data-endpoint', 'notes/show')
    const narrowed = await explorer.endpointOptions.count()
    expect(narrowed).toBeLessThan(expectedCount)
    await explorer.filterEndpoints('zzzz-no-such-endpoint')
    await expect(explorer.noMatch).toContainText('zzzz-no-such-endpoint')
  })

  await test.step('the editor completes the endpoint’s parameters from its schema', async () => {
    await explorer.pickEndpoint('notes/show')
    await explorer.setBody('{\n  \n}')
    // The schema reaches the editor a moment after the endpoint opens: ask again until it has.
    await expect(async () => {
      await explorer.page.keyboard.press('Escape')
      // Into the object, on its empty second line, wherever the cursor was.
      await explorer.page.keyboard.press('ControlOrMeta+Home')
      await explorer.page.keyboard.press('ArrowDown')
      await explorer.page.keyboard.press('End')
      await explorer.page.keyboard.press('Control+Space')
      await expect(explorer.request.suggestions.first()).toContainText('noteId', { timeout: 5_000 })
    }).toPass({ timeout: 45_000 })
    await explorer.page.keyboard.press('Escape')
  })

  await test.step('a wrongly typed field gets a validation marker from the endpoint’s schema', async () => {
    await explorer.setBody('{ "noteId": 123 }')
    await expect(explorer.bodyEditor.locator('.squiggly-error')).toHaveCount(1)
    await expect(explorer.schemaProblems).toHaveText('1 problem with the schema (sent anyway)')
    await expect(explorer.request.schemaProblemList).toContainText('Incorrect type')
  })

  await test.step('meta answers 200 with its JSON, time and size', async () => {
    await explorer.pickEndpoint('meta')
    await explorer.setBody('{}')
    await explorer.send()
    await expect(explorer.responseStatus).toHaveText(/^200\b/)
    await expect(explorer.responseDuration).toHaveText(/^\d+(\.\d+)? m?s$/)
    await expect(explorer.responseSize).toHaveText(/^\d[\d,.]* (B|KB|MB)$/)
    await expect(explorer.problem).toHaveCount(0)
    expect(await explorer.responseText()).toContain('"version"')
  })

  await test.step('a call the server refuses shows the Misskey error as an error', async () => {
    await explorer.pickEndpoint('notes/show')
    await explorer.setBody('{}')
    await explorer.send()
    await expect(explorer.responseStatus).toHaveText(/^400\b/)
    await expect(explorer.problemTitle).toHaveText('Misskey error INVALID_PARAM')
    await expect(explorer.response.problemParam).toHaveText('#/required')
    await expect(explorer.response.problemReason).toHaveText("must have required property 'noteId'")
  })

  if (target.fake) {
    const calls = target.fake.received.filter((request) => request.path.startsWith('/api/'))
    expect(calls.map((request) => [request.method, request.path, request.bodyText])).toEqual([
      ['POST', '/api/meta', '{}'],
      ['POST', '/api/notes/show', '{}'],
    ])
  }
})

test('each endpoint keeps its own draft while the user moves between endpoints', async ({
  explorer,
  target,
}) => {
  await explorer.openServer(target.origin)
  await explorer.pickEndpoint('notes/show')
  await explorer.setBody('{ "noteId": "draft-one" }')
  await explorer.pickEndpoint('meta')
  await explorer.setBody('{ "detail": false }')
  await explorer.pickEndpoint('notes/show')
  await expect(explorer.bodyEditor.locator('.view-lines')).toContainText('draft-one')
})

test('an empty body is sent as {} and a bodiless answer reads as "no content"', async ({
  explorer,
  target,
}) => {
  await explorer.openServer(target.origin)
  await explorer.pickEndpoint('endpoint')
  await explorer.setBody('{ "endpoint": "no/such/endpoint" }')
  await explorer.send()
  await expect(explorer.responseStatus).toHaveText(/^204\b/)
  await expect(explorer.responseNote).toContainText('No content')
  await explorer.setBody('')
  await explorer.send()
  // A real Misskey rejects a missing body; an empty editor still sends {} and gets its INVALID_PARAM.
  await expect(explorer.problemTitle).toHaveText('Misskey error INVALID_PARAM')
  await expect(explorer.response.problemParam).toHaveText('#/required')
})
