// Writing responses with the exact headers the real server sends (wire/*.txt).
import type { ServerResponse } from 'node:http'
import type { Json } from './types.ts'

/** What @fastify/cors and Misskey's onRequest hook put on every /api response. */
export const API_HEADERS: Record<string, string> = {
  'access-control-allow-origin': '*',
  'cache-control': 'private, max-age=0, must-revalidate',
}

export const JSON_TYPE = 'application/json; charset=utf-8'

export function sendJson(
  res: ServerResponse,
  status: number,
  body: Json,
  headers: Record<string, string> = {},
  contentType: string = JSON_TYPE,
): void {
  const text = Buffer.from(JSON.stringify(body))
  res.writeHead(status, {
    ...headers,
    'content-type': contentType,
    'content-length': String(text.length),
  })
  res.end(text)
}

/** An empty body: a 204 carries no length header, other statuses say `content-length: 0`. */
export function sendEmpty(
  res: ServerResponse,
  status: number,
  headers: Record<string, string>,
): void {
  res.writeHead(status, status === 204 ? headers : { ...headers, 'content-length': '0' })
  res.end()
}

/** Fastify's own not-found reply: no CORS or cache headers (wire/unknown-post.txt). */
export function sendRouteNotFound(res: ServerResponse, method: string, url: string): void {
  sendJson(res, 404, {
    message: `Route ${method}:${url} not found`,
    error: 'Not Found',
    statusCode: 404,
  })
}
