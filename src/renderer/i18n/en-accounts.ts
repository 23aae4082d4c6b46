// English messages of accounts, sign-in and how the token travels.
export const accountMessages = {
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
    orphans: {
      title: 'Tokens left in the keychain',
      why: 'These tokens belong to accounts the app no longer knows: their list could not be read and was set aside. The app cannot use them; delete them from the keychain unless you mean to recover them by hand.',
      setAside: 'Set aside: {files}',
      delete: 'Delete from the keychain',
      confirmDelete: 'Delete the token …{tail} from the keychain? This cannot be undone.',
    },
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
}
