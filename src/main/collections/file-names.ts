import filenamify from 'filenamify'
import { fail, ok, type Result } from '../../shared/result.ts'

const maxBaseLength = 80

/**
 * A file or folder name made from what the user typed: characters no file system accepts become
 * `-`, Windows' reserved names (CON, NUL…) get a suffix, a leading dot is dropped (it would hide
 * the file), and it is cut to 80 characters. Empty names are refused.
 */
export function baseNameFor(name: string): Result<string> {
  const trimmed = name.trim()
  if (trimmed === '') return fail('COLLECTION_NAME_INVALID', 'A name cannot be empty.', { name })
  const base = filenamify(trimmed.replace(/^\.+/, ''), {
    replacement: '-',
    maxLength: maxBaseLength,
  })
  return ok(base === '' ? '-' : base)
}

/**
 * `base + suffix`, numbered (`base 2`, `base 3`…) until no sibling has it. Compared without case,
 * since macOS and Windows treat `Note` and `note` as the same file.
 */
export function uniqueName(base: string, suffix: string, siblings: Iterable<string>): string {
  const taken = new Set([...siblings].map((name) => name.toLowerCase()))
  for (let number = 1; ; number++) {
    const candidate = number === 1 ? `${base}${suffix}` : `${base} ${number}${suffix}`
    if (!taken.has(candidate.toLowerCase())) return candidate
  }
}
