import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'

/**
 * Real Misskey material (its api.json, a large timeline) lives outside the repository, in
 * ../shared/fixtures/misskey next to the checkout, or where MISSKEY_FIXTURES points. Tests and
 * benchmarks that use it run only when it is present; a fresh clone tests without it.
 */
export const sharedFixturesDirectory = process.env.MISSKEY_FIXTURES
  ? resolve(process.env.MISSKEY_FIXTURES)
  : resolve(import.meta.dirname, '../../../shared/fixtures/misskey')

export function sharedFixture(name: string): string | null {
  const path = resolve(sharedFixturesDirectory, name)
  return existsSync(path) ? path : null
}

/** A shared fixture's text as the server sent it; null when it is absent (the caller skips). */
export function readSharedText(name: string): string | null {
  const path = sharedFixture(name)
  return path ? readFileSync(path, 'utf8') : null
}

/** A shared fixture parsed as JSON; null when it is absent (the caller skips, saying why). */
export function readSharedJson(name: string): unknown {
  const text = readSharedText(name)
  return text === null ? null : JSON.parse(text)
}
