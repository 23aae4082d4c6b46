// Ids and secrets in the shapes Misskey uses: aidx ids and alphanumeric tokens.
import { randomInt } from 'node:crypto'

const TIME2000 = Date.UTC(2000, 0, 1)
const BASE36 = '0123456789abcdefghijklmnopqrstuvwxyz'
const ALNUM = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'

export function randomString(length: number, alphabet: string = ALNUM): string {
  let out = ''
  for (let i = 0; i < length; i++) out += alphabet[randomInt(alphabet.length)]
  return out
}

/**
 * Misskey's aidx: 8 base36 chars of ms since 2000, a 4-char node id, a 4-char counter.
 * 16 lowercase alphanumerics that sort by creation time, like `au22p4a1hj5z0004`.
 */
export function createIdGenerator(): (time?: number) => string {
  const nodeId = randomString(4, BASE36)
  let counter = randomInt(36 ** 3)
  return (time = Date.now()) => {
    counter = (counter + 1) % 36 ** 4
    const elapsed = Math.max(time - TIME2000, 0)
      .toString(36)
      .padStart(8, '0')
      .slice(-8)
    return elapsed + nodeId + counter.toString(36).padStart(4, '0')
  }
}

/** A native (login) token `i`: 16 characters. */
export const nativeToken = (): string => randomString(16)

/** A MiAuth / app access token: 32 characters. */
export const appToken = (): string => randomString(32)
