// images.* — avatars, emoji and thumbnails of the Preview, fetched by main so that no image
// request carries a cookie or a token, each is bounded in bytes, and the page's CSP can refuse
// every image host (img-src 'self' blob: data:). Answered by services.images.
import * as v from 'valibot'
import type { Result } from '../result.ts'
import { addressSchema, originSchema, type ArgumentSchemasFor } from './common-schemas.ts'

/** Why an image was not handed over; the preview shows a quiet placeholder for each. */
export type ImageRefusal =
  | 'not-http'
  | 'too-large'
  | 'not-an-image'
  | 'redirected-elsewhere'
  | 'too-many-redirects'
  | 'http-error'
  | 'unreachable'

export type ImageAnswer =
  | { kind: 'image'; contentType: string; bytes: Uint8Array }
  /** On a host other than the server and its media proxy, and the user has not allowed those. */
  | { kind: 'host-hidden'; host: string }
  | { kind: 'refused'; reason: ImageRefusal }

export interface ImagePolicy {
  serverOrigin: string
  /** Whether images from hosts other than the server and its media proxy are shown. */
  otherHostsAllowed: boolean
}

export interface ImageMethods {
  /** The image at `url` as the preview of `serverOrigin` may show it (see ImageAnswer). */
  'images.fetch'(serverOrigin: string, url: string): Promise<Result<ImageAnswer>>
  'images.getPolicy'(serverOrigin: string): Promise<Result<ImagePolicy>>
  /** The user's per-server choice to show (or hide again) images from other hosts. */
  'images.setOtherHostsAllowed'(
    serverOrigin: string,
    allowed: boolean,
  ): Promise<Result<ImagePolicy>>
}

export const imageArgumentSchemas = {
  'images.fetch': v.strictTuple([originSchema, addressSchema]),
  'images.getPolicy': v.strictTuple([originSchema]),
  'images.setOtherHostsAllowed': v.strictTuple([originSchema, v.boolean()]),
} satisfies ArgumentSchemasFor<ImageMethods>
