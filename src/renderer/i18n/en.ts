// English UI strings. Every string the UI shows comes from here (Japanese follows as ja.ts with
// the same shape). vue-i18n named interpolation: {name}.
export const en = {
  app: {
    title: 'Misskey API Explorer',
  },
  server: {
    addressLabel: 'Server',
    addressPlaceholder: 'misskey.example or http://127.0.0.1:3000',
    open: 'Open',
    opening: 'Opening…',
    summary: '{host} · Misskey {version} · {count} endpoints',
    summaryNoVersion: '{host} · {count} endpoints',
    offline: 'Offline: showing the catalog saved {time}. ({reason})',
    namesOnly:
      'This server has no usable API description, so only endpoint names are listed. ({reason})',
  },
  welcome: {
    title: 'Explore a Misskey server’s API',
    body: 'Type a server address above and press Enter. The explorer reads the server’s own API description, so you see exactly the endpoints that server has.',
    examples: 'For example: {examples}',
  },
  picker: {
    filterLabel: 'Filter endpoints',
    filterPlaceholder: 'Filter endpoints (Ctrl+K)',
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
    sending: 'Sending… {seconds} s',
    cancel: 'Cancel',
    invalidJson: 'Will not send: the body is not valid JSON. {reason}',
    notObject: 'Will not send: Misskey expects a JSON object as the body, not {found}.',
    schemaProblems:
      'No problems | 1 problem with the schema (sent anyway) | {count} problems with the schema (sent anyway)',
    anonymous: 'Sent without a token.',
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
    KEYCHAIN_UNAVAILABLE: 'The system keychain cannot be used, so tokens cannot be read or saved.',
    bridgeMissing: 'The app’s bridge to its main process is missing, so nothing can be sent.',
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
