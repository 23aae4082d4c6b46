import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { serveRendererFile } from '../../src/main/window/app-protocol.ts'

export interface StaticServer {
  url: string
  close(): Promise<void>
}

/**
 * Serves the built renderer over http://127.0.0.1 (a file:// page may not load module scripts or
 * workers), with the same file resolution main's app:// handler uses.
 */
export async function serveRenderer(rendererDirectory: string): Promise<StaticServer> {
  const server: Server = createServer(async (request, response) => {
    const answer = await serveRendererFile(
      rendererDirectory,
      new URL(request.url ?? '/', 'http://x').pathname,
    )
    response.writeHead(answer.status, Object.fromEntries(answer.headers))
    response.end(Buffer.from(await answer.arrayBuffer()))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}
