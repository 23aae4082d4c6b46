import { expect, test } from './fixtures.ts'
import { closedPort, startLocalServer } from '../test-kit/support/local-server.ts'
import { startFakeMisskey } from '../test-kit/fake-misskey/server.ts'

// Every bad input gets a clear message and breaks nothing. These use local servers that
// misbehave on purpose, so they run the same whichever Misskey the other stories target.
test.afterEach(({ explorer }) => {
  expect(explorer.pageErrors, 'uncaught errors in the page').toEqual([])
})

test('a malformed or non-http address is refused with the reason', async ({ explorer }) => {
  await explorer.openServer('ftp://misskey.example')
  await expect(explorer.serverError).toHaveText(
    'Only http and https servers are supported, not ftp:.',
  )
  await explorer.openServer('mis key.example')
  await expect(explorer.serverError).toHaveText('“mis key.example” is not a server address.')
  await explorer.openServer('   ')
  await expect(explorer.serverError).toHaveText('Enter a server address, such as misskey.io.')
  await expect(explorer.welcome).toBeVisible()
})

test('a server that does not answer says so', async ({ explorer }) => {
  const port = await closedPort()
  await explorer.openServer(`http://127.0.0.1:${port}`)
  await expect(explorer.serverError).toHaveText(
    `127.0.0.1:${port} refused the connection. Is the server running?`,
  )
})

test('a host that is not Misskey (HTML at /api.json) is named as such', async ({ explorer }) => {
  const html = await startLocalServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html' })
    response.end('<!doctype html><title>Welcome to nginx!</title>')
  })
  try {
    await explorer.openServer(html.origin)
    await expect(explorer.serverError).toContainText('does not look like a Misskey server')
    await expect(explorer.serverError).toContainText('/api.json is not valid JSON (text/html)')
  } finally {
    await html.close()
  }
})

test('an /api.json that is not valid JSON falls back to the endpoint names', async ({
  explorer,
}) => {
  const broken = await startLocalServer((request, response) => {
    if (request.url === '/api.json') {
      response.writeHead(200, { 'content-type': 'application/json' })
      response.end('{"openapi":"3.1.0","paths":{')
    } else if (request.url === '/api/endpoints' && request.method === 'POST') {
      response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' })
      response.end(JSON.stringify(['meta', 'notes/create', 'i']))
    } else {
      response.writeHead(404).end()
    }
  })
  try {
    await explorer.openServer(broken.origin)
    await expect(explorer.endpointCount).toHaveText('3 endpoints')
    await expect(explorer.serverNotice).toContainText('only endpoint names are listed')
    await expect(explorer.serverNotice).toContainText('/api.json is not valid JSON')
  } finally {
    await broken.close()
  }
})

test('invalid JSON in the body: Send explains why it will not send', async ({
  explorer,
  target,
}) => {
  await explorer.openServer(target.origin)
  await explorer.pickEndpoint('meta')
  await explorer.setBody('{ "detail": tru }')
  await expect(explorer.sendButton).toBeDisabled()
  await expect(explorer.sendBlocked).toContainText(
    'Will not send: the body is not valid JSON at line 1, column 16',
  )
  await explorer.setBody('[1, 2]')
  await expect(explorer.sendBlocked).toHaveText(
    'Will not send: Misskey expects a JSON object as the body, not an array.',
  )
  await explorer.send()
  await expect(explorer.response.empty).toBeVisible()
  await explorer.setBody('{ "detail": true }')
  await expect(explorer.sendButton).toBeEnabled()
})

test('a response that is not JSON is shown as text with its content type', async ({ explorer }) => {
  const proxy = await startLocalServer(async (request, response) => {
    if (request.url === '/api.json') {
      const fake = await import('../test-kit/fake-misskey/spec.ts')
      response.writeHead(200, { 'content-type': 'application/json' })
      response.end(JSON.stringify(fake.buildFakeSpec('http://proxy.invalid')))
    } else {
      response.writeHead(502, { 'content-type': 'text/html' })
      response.end('<html><body><h1>502 Bad Gateway</h1></body></html>')
    }
  })
  try {
    await explorer.openServer(proxy.origin)
    await explorer.pickEndpoint('meta')
    await explorer.send()
    await expect(explorer.responseStatus).toHaveText(/^502\b/)
    await expect(explorer.problemTitle).toHaveText('HTTP 502 Bad Gateway')
    await expect(explorer.responseNote).toHaveText('The body is not JSON (text/html).')
    expect(await explorer.responseText()).toContain('502 Bad Gateway')
  } finally {
    await proxy.close()
  }
})

test('a Fastify-shaped error (unknown route) reads as clearly as a Misskey one', async ({
  explorer,
}) => {
  const fake = await startFakeMisskey()
  // A server whose spec lists an endpoint it does not route: the 404 comes from Fastify.
  const proxy = await startLocalServer(async (request, response) => {
    const body = await new Promise<string>((resolve) => {
      let text = ''
      request.on('data', (chunk) => (text += chunk))
      request.on('end', () => resolve(text))
    })
    const path = request.url === '/api/meta' ? '/api/does/not/exist' : (request.url ?? '/')
    const answer = await fetch(`${fake.origin}${path}`, {
      method: request.method,
      headers: { 'content-type': 'application/json' },
      body: request.method === 'POST' ? body : undefined,
    })
    response.writeHead(answer.status, {
      'content-type': answer.headers.get('content-type') ?? 'text/plain',
    })
    response.end(Buffer.from(await answer.arrayBuffer()))
  })
  try {
    await explorer.openServer(proxy.origin)
    await explorer.pickEndpoint('meta')
    await explorer.send()
    await expect(explorer.responseStatus).toHaveText(/^404\b/)
    await expect(explorer.problemTitle).toHaveText('Server error 404 Not Found')
    await expect(explorer.response.problemMessage).toHaveText(
      'Route POST:/api/does/not/exist not found',
    )
  } finally {
    await proxy.close()
    await fake.close()
  }
})
