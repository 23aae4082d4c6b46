import { fail, type Result } from '../../shared/result.ts'

/** The errno code Node puts on a failed file-system call, if any. */
export function errorCode(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' ? code : null
}

/**
 * Turns a failed disk operation into the typed error the UI can explain: a full disk and a
 * read-only or forbidden folder need different actions from the user, anything else is reported
 * with its errno so a bug report says what happened.
 */
export function storageFailure<T = never>(error: unknown, action: string, path: string): Result<T> {
  const code = errorCode(error)
  const reason = error instanceof Error ? error.message : String(error)
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return fail('STORAGE_FULL', `The disk is full: could not ${action} ${path}.`, { path, action })
  }
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return fail('STORAGE_NOT_WRITABLE', `No permission to ${action} ${path} (${code}).`, {
      path,
      action,
      cause: code,
    })
  }
  return fail('STORAGE_FAILED', `Could not ${action} ${path}: ${reason}`, {
    path,
    action,
    cause: code,
  })
}
