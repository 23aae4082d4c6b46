/**
 * Plays the user in the system browser during sign-in stories: approves on the server's page the
 * way Misskey's web UI does (with the user's login token), then follows the redirect back to the
 * app's loopback callback, as the browser would.
 */

export async function approveMiAuth(pageUrl: string, loginToken: string): Promise<void> {
  // What Misskey's page /miauth/:session does on "Allow" (pages/miauth.vue, onAccept): call
  // miauth/gen-token with the signed-in user's token as `i`, then go to the callback with
  // `session` set on it.
  const page = new URL(pageUrl)
  const session = decodeURIComponent(page.pathname.split('/').pop() ?? '')
  const permission = (page.searchParams.get('permission') ?? '').split(',').filter(Boolean)
  const response = await fetch(`${page.origin}/api/miauth/gen-token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      i: loginToken,
      session,
      name: page.searchParams.get('name'),
      iconUrl: page.searchParams.get('icon'),
      permission,
    }),
  })
  if (!response.ok)
    throw new Error(`miauth/gen-token answered ${response.status}: ${await response.text()}`)
  const callback = page.searchParams.get('callback')
  if (callback) {
    const back = new URL(callback)
    back.searchParams.set('session', session)
    await fetch(back)
  }
}

export async function approveOAuth(
  authorizeUrl: string,
  loginToken: string,
  /** `localhostAs`: where this browser resolves `localhost` (browsers differ: ::1 or 127.0.0.1). */
  options: { deny?: boolean; localhostAs?: '127.0.0.1' | '[::1]' } = {},
): Promise<void> {
  const page = await fetch(authorizeUrl)
  const html = await page.text()
  if (!page.ok) throw new Error(`the authorization page answered ${page.status}: ${html}`)
  const transactionId = /name="misskey:oauth:transaction-id" content="([^"]+)"/.exec(html)?.[1]
  if (!transactionId) throw new Error('the authorization page has no transaction id')
  const decision = await fetch(new URL('/oauth/decision', authorizeUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      transaction_id: transactionId,
      login_token: loginToken,
      cancel: options.deny ? 'cancel' : '',
    }),
    redirect: 'manual',
  })
  const location = decision.headers.get('location')
  if (decision.status !== 302 || !location)
    throw new Error(`the decision answered ${decision.status}`)
  const back = new URL(location)
  if (back.hostname === 'localhost' && options.localhostAs) back.hostname = options.localhostAs
  await fetch(back)
}
