import { mkdir, readFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import * as v from 'valibot'
import { languagePreferences, type LanguagePreference } from '../../shared/contract/settings.ts'
import { writeFileAtomic } from '../storage/write-file-atomic.ts'

/** What the app remembers between sessions that is not a secret and not the user's data. */
export interface AppSettings {
  /** The collection folder opened last, reopened at start. */
  collectionDirectory: string | null
  /** The active environment, per collection folder. */
  activeEnvironments: Record<string, string>
  /** The interface language: the system's until the user picks English or Japanese. */
  language: LanguagePreference
  /**
   * Per collection folder, hashes of the requests the app wrote or the user approved to run
   * (collections/run-approval.ts): a request not among them was changed outside the app.
   */
  trustedRequests: Record<string, string[]>
  /** Servers (origins) whose Preview shows images from hosts other than its own and its proxy. */
  imagesFromOtherHosts: string[]
}

export interface SettingsFile {
  read(): Promise<AppSettings>
  update(change: (settings: AppSettings) => AppSettings): Promise<void>
}

const settingsSchema = v.object({
  collectionDirectory: v.optional(v.nullable(v.string()), null),
  activeEnvironments: v.optional(v.record(v.string(), v.string()), {}),
  // A value this version does not know (from a newer one) falls back to the system's.
  language: v.fallback(v.optional(v.picklist(languagePreferences), 'system'), 'system'),
  trustedRequests: v.optional(v.record(v.string(), v.array(v.string())), {}),
  imagesFromOtherHosts: v.optional(v.array(v.string()), []),
})

const defaults = (): AppSettings => ({
  collectionDirectory: null,
  activeEnvironments: {},
  language: 'system',
  trustedRequests: {},
  imagesFromOtherHosts: [],
})

/**
 * `settings.json` in the storage folder. Losing it costs only a folder to pick again, so a file
 * that does not parse is replaced by the defaults (and logged) instead of stopping anything, and
 * a write that fails is logged, never shown as an error of the action that caused it.
 */
export function createSettingsFile(path: string, log: (message: string) => void): SettingsFile {
  let cached: AppSettings | null = null
  let writing: Promise<void> = Promise.resolve()

  async function read(): Promise<AppSettings> {
    if (cached) return cached
    try {
      const parsed = v.safeParse(settingsSchema, JSON.parse(await readFile(path, 'utf8')))
      if (!parsed.success) throw new Error(parsed.issues[0].message)
      cached = parsed.output
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
        log(`settings: ${path} could not be read (${(error as Error).message}); using defaults`)
      }
      cached = defaults()
    }
    return cached
  }

  return {
    read,
    update(change) {
      const run = writing.then(async () => {
        const next = change(await read())
        cached = next
        try {
          await mkdir(dirname(path), { recursive: true })
          await writeFileAtomic(path, `${JSON.stringify(next, null, 2)}\n`)
        } catch (error) {
          log(`settings: could not save ${path}: ${(error as Error).message}`)
        }
      })
      writing = run.catch(() => undefined)
      return run
    },
  }
}
