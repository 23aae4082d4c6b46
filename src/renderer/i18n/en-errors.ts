// English messages for every error code main can answer with (en.test.ts checks that none is
// missing). Named values come from the error's detail; {message} is main's own English.
import { streamingErrors } from './en-streaming.ts'

export const errorMessages = {
  INVALID_ARGUMENT: 'The app sent its main process a malformed call ({path}: {reason}).',
  UNTRUSTED_SENDER: 'This page may not use the app’s functions.',
  INTERNAL: 'Something went wrong inside the app ({method}); the details are in the log.',
  INVALID_SERVER_ADDRESS: {
    empty: 'Enter a server address, such as misskey.io.',
    scheme: 'Only http and https servers are supported, not {scheme}:.',
    credentials:
      'Remove the user name and password from the address; sign in with a token instead.',
    unparsable: '“{input}” is not a server address.',
  },
  SERVER_UNREACHABLE: {
    refused: '{host} refused the connection. Is the server running?',
    dns: 'The name {host} could not be found. Check the spelling and your connection.',
    tls: '{host} presented a certificate that {problem} ({cause}). The connection was not used.',
    'reset-mid-body':
      '{host} closed the connection in the middle of its answer; what came is incomplete and was not shown.',
    reset: '{host} closed the connection before answering.',
    other: '{host} could not be reached ({cause}).',
  },
  NOT_MISSKEY: '{host} does not look like a Misskey server: {specProblem}; {endpointsProblem}.',
  CATALOG_NOT_LOADED: 'Open the server first.',
  UNKNOWN_ENDPOINT: '{origin} does not list an endpoint called {endpoint}.',
  BODY_NOT_JSON: 'The body is not valid JSON: {reason}',
  BODY_NOT_OBJECT: 'Misskey expects a JSON object as the body, not {found}.',
  TIMEOUT: '{host} did not answer within {seconds} s.',
  CANCELLED: 'The request was cancelled.',
  RESPONSE_TOO_LARGE:
    'The response is larger than {limitBytes} bytes (counted after decompression), so it was cut off.',
  KEYCHAIN_UNAVAILABLE:
    'The system keychain cannot be used ({reason}). Tokens are kept only there, so none was read or saved; requests without a token still work.',
  TOKEN_REFUSED: 'The server refused the token: {serverCode} ({serverMessage}).',
  UNKNOWN_ACCOUNT: 'That account is no longer there; pick another or send without a token.',
  ACCOUNT_SERVER_MISMATCH:
    'That account belongs to {accountHost}, not {host}; its token is never sent elsewhere.',
  BODY_TOKEN_NOT_STRING:
    '"i" in the body is {found}, not a string; a Misskey server never answers such a request, so it was not sent.',
  SIGN_IN_FAILED: '{message}',
  OAUTH_UNSUPPORTED: '{host} does not offer OAuth 2. Use MiAuth or a token.',
  FILE_UNREADABLE: '{name} cannot be read ({reason}).',
  FILE_EMPTY: '{name} is empty (0 bytes); a Misskey server refuses empty uploads.',
  UNKNOWN_FILE: 'Choose the file again: the app no longer knows that one.',
  UNKNOWN_RESPONSE: 'That response is no longer kept; send the request again.',
  FILE_UNWRITABLE: '{path} cannot be written ({reason}); nothing was saved.',
  INVALID_REDIRECT_URI:
    'The redirect URI must be a loopback address with a port, such as http://127.0.0.1:38080/callback.',
  STORAGE_FULL:
    'The disk is full: could not {action} {path}. Nothing that was saved before is lost.',
  STORAGE_NOT_WRITABLE: 'No permission to {action} {path} ({cause}).',
  STORAGE_FAILED: '{message}',
  STORAGE_LOCKED: '{message}',
  HISTORY_CLOSED: 'The history is closed.',
  HISTORY_ENTRY_NOT_FOUND: 'That history entry is gone: it may have been deleted.',
  COLLECTION_NOT_FOUND: 'The collection folder {directory} is gone.',
  COLLECTION_NOT_OPEN: 'Choose a collection folder first.',
  COLLECTION_ITEM_NOT_FOUND: '{path} is not in the collection (any more).',
  COLLECTION_ITEM_INVALID: '{message}',
  CAPTURED_VALUE_OTHER_SERVER:
    'The value of {variable} was captured from {capturedFrom}; it is not sent to {sentTo} unless you allow it (or type the value yourself).',
  COLLECTION_NAME_INVALID: '{message}',
  COLLECTION_NAME_TAKEN: 'There is already an item called {name} there.',
  COLLECTION_FOLDER_NOT_EMPTY: '{message}',
  CURL_NOT_RECOGNIZED: '{message}',
  ZIP_INVALID: '{message}',
  IMPORT_TARGET_NOT_EMPTY: '{directory} is not empty; pick an empty or new folder.',
  bridgeMissing: 'The app’s bridge to its main process is missing, so nothing can be sent.',
  ...streamingErrors,
}
