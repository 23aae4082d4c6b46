import { fail, ok, type Result } from '../../shared/result.ts'
import { describeNetworkError } from '../http/network-error.ts'
import { decodedNote, formatLimit, readBodyWithLimit } from '../http/read-body.ts'
import { isOpenApiDocument, type OpenApiDocument } from './openapi-document.ts'

export type FetchedSpec =
  | { kind: 'spec'; text: string; document: OpenApiDocument }
  /** No usable /api.json, but /api/endpoints listed the names. `reason` says what /api.json did. */
  | { kind: 'names'; names: string[]; reason: string }

export interface SpecFetchOptions {
  fetch: typeof fetch
  timeoutMs: number
  /** A real Misskey spec is about 1.2 MB; anything far bigger is not one. */
  maxBytes?: number
}

/**
 * Gets a server's own description of its API: `GET /api.json`, or when that is missing or not an
 * OpenAPI document, the bare names from `POST /api/endpoints` (present on every Misskey version).
 */
export async function fetchServerSpec(
  origin: string,
  options: SpecFetchOptions,
): Promise<Result<FetchedSpec>> {
  const specUrl = `${origin}/api.json`
  const spec = await getText(
    specUrl,
    { method: 'GET', headers: { accept: 'application/json' } },
    options,
  )
  if (!spec.ok) return spec
  let reason: string
  if (spec.value.status === 200) {
    try {
      const document: unknown = JSON.parse(spec.value.text)
      if (isOpenApiDocument(document)) return ok({ kind: 'spec', text: spec.value.text, document })
      reason = '/api.json is JSON but not an OpenAPI document'
    } catch (error) {
      reason = `/api.json is not valid JSON (${spec.value.contentType ?? 'no content type'}): ${(error as Error).message}`
    }
  } else {
    reason = `/api.json answered ${spec.value.status} ${spec.value.statusText}`.trim()
  }

  const endpointsUrl = `${origin}/api/endpoints`
  const listing = await getText(
    endpointsUrl,
    { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' },
    options,
  )
  if (listing.ok && listing.value.status === 200) {
    const names = parseNames(listing.value.text)
    if (names) return ok({ kind: 'names', names, reason })
  }
  const listingSummary = listing.ok
    ? `/api/endpoints answered ${listing.value.status} ${listing.value.contentType ?? ''}`.trim()
    : listing.error.message
  return fail(
    'NOT_MISSKEY',
    `${new URL(origin).host} does not look like a Misskey server: ${reason}; ${listingSummary}.`,
    {
      host: new URL(origin).host,
      specProblem: reason,
      endpointsProblem: listingSummary,
    },
  )
}

function parseNames(text: string): string[] | null {
  try {
    const value: unknown = JSON.parse(text)
    return Array.isArray(value) &&
      value.length > 0 &&
      value.every((name) => typeof name === 'string')
      ? (value as string[])
      : null
  } catch {
    return null
  }
}

interface TextResponse {
  status: number
  statusText: string
  contentType: string | null
  text: string
}

async function getText(
  url: string,
  init: RequestInit,
  options: SpecFetchOptions,
): Promise<Result<TextResponse>> {
  const signal = AbortSignal.timeout(options.timeoutMs)
  try {
    const response = await options.fetch(url, { ...init, redirect: 'manual', signal })
    const limit = options.maxBytes ?? 32 * 1024 * 1024
    const body = await readBodyWithLimit(response, limit)
    if (body.kind === 'too-large') {
      return fail(
        'NOT_MISSKEY',
        `${url} is larger than any Misskey spec (over ${formatLimit(limit)}${decodedNote(body.encoding)}); the read was cut off.`,
        {
          host: new URL(url).host,
          specProblem: 'too large',
          endpointsProblem: '',
        },
      )
    }
    return ok({
      status: response.status,
      statusText: response.statusText,
      contentType: response.headers.get('content-type'),
      text: new TextDecoder().decode(body.bytes),
    })
  } catch (error) {
    if (signal.aborted) {
      return fail(
        'TIMEOUT',
        `${new URL(url).host} did not answer within ${options.timeoutMs / 1000} s.`,
        {
          host: new URL(url).host,
          seconds: options.timeoutMs / 1000,
        },
      )
    }
    return describeNetworkError(error, url)
  }
}
