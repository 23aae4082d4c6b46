// Every bridge call answers with a Result instead of throwing: Electron flattens thrown errors
// into one string ("Error invoking remote method …"), which the UI could not explain or translate.

export const appErrorCodes = [
  'INVALID_ARGUMENT',
  'UNTRUSTED_SENDER',
  'INTERNAL',
  'INVALID_SERVER_ADDRESS',
  'SERVER_UNREACHABLE',
  'NOT_MISSKEY',
  'CATALOG_NOT_LOADED',
  'UNKNOWN_ENDPOINT',
  'BODY_NOT_JSON',
  'BODY_NOT_OBJECT',
  'TIMEOUT',
  'CANCELLED',
  'RESPONSE_TOO_LARGE',
  'KEYCHAIN_UNAVAILABLE',
  'TOKEN_REFUSED',
  'UNKNOWN_ACCOUNT',
  'ACCOUNT_SERVER_MISMATCH',
  'BODY_TOKEN_NOT_STRING',
  'SIGN_IN_FAILED',
  'OAUTH_UNSUPPORTED',
  'INVALID_REDIRECT_URI',
  'FILE_UNREADABLE',
  'FILE_EMPTY',
  'UNKNOWN_FILE',
  'UNKNOWN_RESPONSE',
  'FILE_UNWRITABLE',
  // Disk, shared by the history and the collections.
  'STORAGE_FULL',
  'STORAGE_NOT_WRITABLE',
  'STORAGE_FAILED',
  'STORAGE_LOCKED',
  // History.
  'HISTORY_CLOSED',
  'HISTORY_ENTRY_NOT_FOUND',
  // Collections.
  'COLLECTION_NOT_FOUND',
  'COLLECTION_NOT_OPEN',
  'COLLECTION_ITEM_NOT_FOUND',
  'COLLECTION_ITEM_INVALID',
  'COLLECTION_NAME_INVALID',
  'COLLECTION_NAME_TAKEN',
  'COLLECTION_FOLDER_NOT_EMPTY',
  'CURL_NOT_RECOGNIZED',
  'CAPTURED_VALUE_OTHER_SERVER',
  'ZIP_INVALID',
  'IMPORT_TARGET_NOT_EMPTY',
  'STREAM_NOT_CONNECTED',
  'STREAM_UPGRADE_REFUSED',
  'STREAM_CLOSED',
  'STREAM_MESSAGE_NOT_JSON',
  'UNKNOWN_STREAM_CHANNEL',
  'STREAM_LOG_EXPORT_FAILED',
] as const

export type AppErrorCode = (typeof appErrorCodes)[number]

/** Values the UI interpolates into the translated message for `code`. */
export type AppErrorDetail = Record<string, string | number | boolean | null>

export interface AppError {
  code: AppErrorCode
  /** English fallback for logs and for codes the UI has no translation of yet. */
  message: string
  detail?: AppErrorDetail
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError }

export function ok<T>(value: T): Result<T> {
  return { ok: true, value }
}

export function fail<T = never>(
  code: AppErrorCode,
  message: string,
  detail?: AppErrorDetail,
): Result<T> {
  return detail
    ? { ok: false, error: { code, message, detail } }
    : { ok: false, error: { code, message } }
}
