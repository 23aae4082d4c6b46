import { startLocalServer, type LocalServer } from './local-server.ts'

/**
 * The page that identifies an OAuth client to Misskey (IndieAuth style): its URL is the
 * client_id, and it lists the redirect URIs the server may send the code to.
 */
export async function serveOAuthClientPage(
  redirectUri: string,
  name = 'Explorer Test Client',
): Promise<LocalServer> {
  return startLocalServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
    response.end(
      `<!doctype html><link rel="redirect_uri" href="${redirectUri}"><div class="h-app"><div class="p-name">${name}</div></div>`,
    )
  })
}
