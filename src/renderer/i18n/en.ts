// English UI strings. Every string the UI shows comes from here (Japanese follows as ja.ts with
// the same shape). vue-i18n named interpolation: {name}.
import { streamingErrors, streamingMessages, viewMessages } from './en-streaming.ts'

export const en = {
  app: {
    title: 'Misskey API Explorer',
  },
  views: viewMessages,
  streaming: streamingMessages,
  server: {
    addressLabel: 'Server',
    addressPlaceholder: 'misskey.example or http://127.0.0.1:3000',
    open: 'Open',
    opening: 'Opening…',
    loading: 'Reading the API description of {address}…',
    summary: '{host} · Misskey {version} · {count} endpoints',
    summaryNoVersion: '{host} · {count} endpoints',
    offline: 'Offline: showing the catalog saved {time}. ({reason})',
    namesOnly:
      'This server has no usable API description, so only endpoint names are listed. ({reason})',
  },
  accounts: {
    switcherNone: 'No account',
    switcherTitle: 'Accounts on this server',
    dialogTitle: 'Accounts on {host}',
    close: 'Close',
    empty:
      'No account on this server yet. Add one below: requests can also be sent without a token.',
    active: 'In use',
    use: 'Use',
    rename: 'Rename',
    save: 'Save',
    remove: 'Remove',
    confirmRemove: 'Remove {label}? Its token is deleted from the keychain.',
    source: {
      pasted: 'pasted token',
      miauth: 'MiAuth',
      oauth: 'OAuth 2',
    },
    permissionsAll: 'all permissions (login token)',
    permissionsUnknown: 'permissions unknown',
    permissionsCount: 'no permissions | 1 permission | {count} permissions',
    tail: 'token {tail}',
    addTitle: 'Add an account',
    tabs: {
      token: 'Paste a token',
      miauth: 'MiAuth',
      oauth: 'OAuth 2',
    },
    labelLabel: 'Label (optional)',
    labelPlaceholder: 'e.g. bot, read-only',
    tokenLabel: 'Token',
    tokenHint:
      'Create one in the server’s Settings › API. It is checked with the server, then kept in the system keychain only.',
    addToken: 'Check and save',
    miauthHint:
      'The server’s approval page opens in your browser. Pick the permissions to ask for:',
    presets: {
      readAll: 'Read everything',
      all: 'Everything',
      custom: 'Custom',
    },
    selectedCount: '{count} selected',
    openBrowser: 'Open the browser',
    oauthUnsupported:
      'This server does not offer OAuth 2 (it has no /.well-known/oauth-authorization-server). Use MiAuth or a token.',
    oauthChecking: 'Checking whether this server offers OAuth 2…',
    clientIdLabel: 'client_id (the https URL of your client page)',
    redirectUriLabel: 'Redirect URI (listed on that page; a loopback address with a port)',
    oauthHint:
      'Misskey identifies an OAuth client by a page that lists its redirect URIs. The app listens on the redirect URI’s port for the answer.',
    waiting: 'Waiting for approval in the browser…',
    waitingUrl: 'If the browser did not open, visit:',
    cancel: 'Cancel',
    completed: 'Signed in as {label}.',
    cancelled: 'The sign-in was cancelled.',
    failed: 'The sign-in failed: {message}',
    dismiss: 'OK',
  },
  auth: {
    modeLabel: 'Token',
    body: '"i" in body',
    header: 'Header',
    none: 'None',
    noAccount: 'No account for this server: sent without a token.',
    as: 'as {label}',
    warnings: {
      CREDENTIAL_NEEDED:
        'This endpoint needs a token: without one the server answers CREDENTIAL_REQUIRED.',
      PERMISSION_NOT_GRANTED: '{account} was not granted {permission}: expect PERMISSION_DENIED.',
      BODY_I_REPLACED: 'The "i" in your body is replaced by the account’s token.',
      BODY_I_IGNORED:
        'The server uses the header’s token; the "i" in your body is sent but ignored.',
      BODY_I_SENT: 'The "i" in your body is sent as typed: this request is not anonymous.',
    },
    notString:
      'Will not send: "i" in the body must be a string; a Misskey server never answers otherwise.',
  },
  welcome: {
    title: 'Explore a Misskey server’s API',
    body: 'Type a server address above and press Enter. The explorer reads the server’s own API description, so you see exactly the endpoints that server has.',
    examples: 'For example: {examples}',
  },
  picker: {
    filterLabel: 'Filter endpoints',
    filterPlaceholder: 'Filter endpoints ({shortcut})',
    count: 'No endpoints | 1 endpoint | {count} endpoints',
    countFiltered: '{shown} of {total}',
    noMatch: 'No endpoint matches “{query}”.',
    listLabel: 'Endpoints',
  },
  badges: {
    credential: 'credential',
    credentialTitle: 'Needs a token',
    noCredential: 'public',
    noCredentialTitle: 'Works without a token',
    permissionTitle: 'The token needs this permission',
    get: 'GET',
    getTitle: 'Also answers GET',
    multipart: 'multipart',
    multipartTitle: 'The body is multipart/form-data (file upload)',
    deprecated: 'deprecated',
    deprecatedTitle: 'The server marks this endpoint as deprecated',
  },
  endpoint: {
    noneSelected: 'Pick an endpoint on the left to write its request.',
    noDescription: 'The server gives no description for this endpoint.',
    source: 'Source',
    schemaLoading: 'Loading the body schema…',
    schemaNone: "The server describes no body for this endpoint; {'{}'} is sent.",
    multipartNotYet:
      'This endpoint takes a file upload (multipart/form-data). Uploading files is not available yet; the JSON body below is sent as is.',
  },
  request: {
    bodyLabel: 'Body (JSON)',
    send: 'Send',
    sendShortcut: 'Ctrl+Enter',
    sendShortcutMac: '⌘↵',
    sending: 'Sending… {seconds} s',
    cancel: 'Cancel',
    invalidJson: 'Will not send: the body is not valid JSON. {reason}',
    notObject: 'Will not send: Misskey expects a JSON object as the body, not {found}.',
    schemaProblems:
      'No problems | 1 problem with the schema (sent anyway) | {count} problems with the schema (sent anyway)',
    anonymous: 'Sent without a token.',
    withAccount: 'Sent as {label}, {mode}.',
  },
  response: {
    title: 'Response',
    empty: 'Send a request to see the answer here.',
    status: 'Status',
    duration: 'Time',
    size: 'Size',
    bodyTab: 'Body',
    headersTab: 'Headers',
    noContent:
      'No content: the server answered {status} with an empty body, which is how Misskey says “done”.',
    emptyBody: 'The server sent no body.',
    textBody: 'The body is not JSON ({contentType}).',
    invalidJson: 'The server said the body is JSON ({contentType}), but it does not parse.',
    unknownType: 'no content type',
    headerName: 'Header',
    headerValue: 'Value',
    progress: 'Received {received}',
  },
  problem: {
    misskeyTitle: 'Misskey error {code}',
    fastifyTitle: 'Server error {statusCode} {error}',
    fastifyNote:
      'This error comes from the web framework beneath Misskey, before the endpoint ran.',
    redirectTitle: 'Redirect to {location}',
    redirectNote:
      'Redirects are not followed, so a request (and its token) never goes to another address.',
    redirectUnknown: 'an unknown address',
    httpTitle: 'HTTP {status} {statusText}',
    httpNote: 'The server sent no Misskey error with this status.',
    id: 'id',
    code: 'code',
    kind: 'kind',
    info: 'info',
    param: 'Parameter',
    reason: 'Reason',
    hints: {
      INVALID_PARAM: 'A parameter does not match the endpoint’s schema.',
      CREDENTIAL_REQUIRED: 'This endpoint needs a token.',
      AUTHENTICATION_FAILED:
        'The token was refused: it may have been revoked, or it belongs to another server.',
      PERMISSION_DENIED: 'The token lacks the permission this endpoint needs.',
      ROLE_PERMISSION_DENIED:
        'The account’s roles do not allow this endpoint (for example, it is not an administrator).',
      RATE_LIMIT_EXCEEDED: 'Too many calls: the server asks to wait before trying again.',
      INTERNAL_ERROR:
        'The server failed while handling the call; the id identifies the incident in its logs.',
      ACCESS_DENIED: 'This endpoint is not open to this kind of token.',
    },
    retryAfter: 'Retry after {seconds} s.',
  },
  errors: {
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
      tls: '{host} presented a certificate that cannot be trusted ({cause}).',
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
    RESPONSE_TOO_LARGE: 'The response is larger than {limitBytes} bytes, so it was cut off.',
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
    INVALID_REDIRECT_URI:
      'The redirect URI must be a loopback address with a port, such as http://127.0.0.1:38080/callback.',
    bridgeMissing: 'The app’s bridge to its main process is missing, so nothing can be sent.',
    ...streamingErrors,
  },
  units: {
    bytes: '{value} B',
    kilobytes: '{value} KB',
    megabytes: '{value} MB',
    milliseconds: '{value} ms',
    seconds: '{value} s',
  },
}

export type MessageSchema = typeof en
