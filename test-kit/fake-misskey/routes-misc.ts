// Routes outside /api/<endpoint>: MiAuth check, nodeinfo, uploaded files and small HTML stubs.
import type { IncomingMessage, ServerResponse } from 'node:http'
import { packUserDetailedNotMe, type PackContext } from './pack-user.ts'
import { nodeinfoBody } from './meta-data.ts'
import { API_HEADERS, sendJson } from './http-send.ts'

const NODEINFO_21 = 'http://nodeinfo.diaspora.software/ns/schema/2.1'
const NODEINFO_20 = 'http://nodeinfo.diaspora.software/ns/schema/2.0'

/** What WellKnownServerService's onRequest hook adds under /.well-known. */
const WELL_KNOWN_HEADERS: Record<string, string> = {
  'access-control-allow-headers': 'Accept',
  'access-control-allow-methods': 'GET, OPTIONS',
  'access-control-allow-origin': '*',
  'access-control-expose-headers': 'Vary',
}

// wire/red.png: the 4×4 PNG served for every identicon.
const IDENTICON = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAIAAAAmkwkpAAAAEElEQVR4nGP4z8AARwzEcQCukw/x0F8jngAAAABJRU5ErkJggg==',
  'base64',
)

/**
 * POST /api/miauth/<session>/check (not in api.json): the token is handed out once, then
 * `{ok:false}` again (wire/miauth-check-*.txt).
 */
export function miauthCheck(ctx: PackContext, session: string, res: ServerResponse): void {
  const token = [...ctx.state.appTokens.values()].find((t) => t.session === session && !t.fetched)
  const user = token ? ctx.state.users.get(token.userId) : undefined
  if (!token || !user) {
    sendJson(res, 200, { ok: false }, API_HEADERS)
    return
  }
  token.fetched = true
  const body = { ok: true, token: token.token, user: packUserDetailedNotMe(ctx, user, null) }
  sendJson(res, 200, body, API_HEADERS)
}

/** Answers the GET routes it knows; returns false for the caller's not-found reply. */
export function serveMisc(
  ctx: PackContext,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false
  if (path === '/.well-known/nodeinfo') {
    const links = [
      { rel: NODEINFO_21, href: `${ctx.origin}/nodeinfo/2.1` },
      { rel: NODEINFO_20, href: `${ctx.origin}/nodeinfo/2.0` },
    ]
    sendJson(res, 200, { links }, WELL_KNOWN_HEADERS)
    return true
  }
  const nodeinfo = /^\/nodeinfo\/(2\.[01])$/.exec(path)?.[1]
  if (nodeinfo === '2.0' || nodeinfo === '2.1') {
    const localPosts = ctx.state.notes.size
    const body = nodeinfoBody(nodeinfo, ctx.state.users.size, localPosts)
    const type = `application/json; profile="http://nodeinfo.diaspora.software/ns/schema/${nodeinfo}#"`
    sendJson(res, 200, body, { 'cache-control': 'public, max-age=600' }, type)
    return true
  }
  const key = /^\/files\/([^/]+)$/.exec(path)?.[1]
  if (key !== undefined) {
    const file = [...ctx.state.files.values()].find(
      (f) => f.accessKey === key || f.thumbnailKey === key,
    )
    if (!file) return false
    // Thumbnails are served as the original bytes: the fake has no image encoder.
    res.writeHead(200, {
      'cache-control': 'max-age=31536000, immutable',
      'content-type': file.type,
      'content-length': String(file.bytes.length),
    })
    res.end(file.bytes)
    return true
  }
  if (path.startsWith('/identicon/')) {
    res.writeHead(200, { 'content-type': 'image/png', 'content-length': String(IDENTICON.length) })
    res.end(IDENTICON)
    return true
  }
  if (/^\/miauth\/[^/]+$/.test(path)) {
    // The real page is the SPA shell; the session and app name never appear in it.
    const html = Buffer.from(
      '<!DOCTYPE html><html><head><title>Misskey</title></head><body><div id="misskey_app"></div></body></html>',
    )
    res.writeHead(200, {
      'cache-control': 'public, max-age=30',
      'x-frame-options': 'DENY',
      'content-type': 'text/html; charset=utf-8',
      'content-length': String(html.length),
    })
    res.end(html)
    return true
  }
  return false
}
