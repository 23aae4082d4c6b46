// English strings of the streaming explorer, merged into en.ts (kept apart so the shared file
// grows by a few lines). vue-i18n syntax: {name} interpolates, | separates plural forms.
export const viewMessages = {
  label: 'View',
  requests: 'Requests',
  streaming: 'Streaming',
  streamingLive: 'A streaming connection is open',
}

export const streamingMessages = {
  connection: {
    heading: 'Connection',
    identityLabel: 'Connect',
    asAccount: 'as {label}',
    anonymous: 'anonymously',
    noAccount:
      'No account on this server: the connection is anonymous, so only public channels answer.',
    connect: 'Connect',
    connectAgain: 'Connect again',
    disconnect: 'Disconnect',
    phase: {
      idle: 'Not connected',
      connecting: 'Connecting…',
      open: 'Connected',
      reconnecting: 'Reconnecting',
      closed: 'Disconnected',
      failed: 'Not connected',
    },
    to: 'to {host} {who}',
    openSince: 'since {time}',
    retryIn: 'attempt {attempt} in {seconds} s',
    retrying: 'attempt {attempt} under way',
    reconnects:
      'Not reconnected yet | Reconnected once after a drop | Reconnected {count} times after drops',
    otherServer: 'This connection is to {host}, not to the server open above.',
    idle: 'Connect to watch this server’s live events. Channels joined before the socket opens are joined as soon as it does.',
  },
  join: {
    heading: 'Join a channel',
    channelLabel: 'Channel',
    other: 'Other…',
    otherLabel: 'Channel name',
    otherPlaceholder: 'e.g. reversi',
    paramsLabel: 'Params (JSON)',
    join: 'Join',
    invalidJson: 'Will not join: the params are not valid JSON. {reason}',
    notObject: 'Will not join: the params must be a JSON object.',
    badName: 'A channel name is letters and digits, such as homeTimeline.',
    schemaProblems:
      'No problems | 1 problem with the params schema (joined anyway) | {count} problems with the params schema (joined anyway)',
    needsAccount:
      'This channel needs an account: on an anonymous connection the server ignores the join.',
  },
  channels: {
    heading: 'Joined channels',
    empty: 'No channel joined.',
    status: {
      pending: 'waiting',
      confirmed: 'confirmed',
      unconfirmed: 'unconfirmed',
    },
    statusTitle: {
      pending: 'Waiting for the server to acknowledge the join (connected).',
      confirmed: 'The server acknowledged the join.',
      unconfirmed:
        'No acknowledgement. A Misskey server silently ignores an unknown channel, a channel that needs an account or a permission this connection lacks, and a second join of a channel that exists once per connection.',
    },
    unconfirmedHint:
      'Unconfirmed: the server ignores unknown channels, channels needing an account or permission this connection lacks, and second joins of main, drive, admin and the stats channels.',
    leave: 'Leave',
    leaveLabel: 'Leave {channel} ({id})',
  },
  notes: {
    heading: 'Captured notes',
    hint: 'A captured note sends noteUpdated events: reactions, poll votes, deletion.',
    idLabel: 'Note id',
    idPlaceholder: 'e.g. au22prduhj5z000n',
    capture: 'Capture',
    release: 'Release',
    empty: 'No note captured.',
  },
  raw: {
    heading: 'Send a raw message',
    label: 'Message (JSON)',
    send: 'Send',
    invalid: 'Not JSON: {reason}',
    sent: 'Sent.',
  },
  log: {
    heading: 'Messages',
    channelFilter: 'Channel',
    typeFilter: 'Type',
    allChannels: 'All channels',
    noChannel: 'Outside channels',
    allTypes: 'All types',
    pause: 'Pause',
    resume: 'Resume',
    pausedNew: 'Paused · {count} new',
    clear: 'Clear',
    cap: 'Keep the last',
    export: 'Export…',
    exportTitle: 'Save the messages shown as JSON lines',
    exported: 'Saved {count} messages to {path}.',
    received: '{count} received',
    sent: '{count} sent',
    dropped: '{count} oldest dropped (cap)',
    shown: '{shown} of {kept} shown',
    empty: 'No messages yet. Join a channel to see its events here.',
    emptyFiltered: 'No message matches the filters.',
    listLabel: 'Streaming messages',
    columns: {
      time: 'Time',
      channel: 'Channel',
      type: 'Type',
      summary: 'Summary',
    },
    in: 'received',
    out: 'sent',
  },
  detail: {
    empty: 'Select a message to see its JSON. Arrow keys move through the list.',
    capture: 'Capture this note',
    release: 'Release this note',
    label: 'Message JSON',
    facts: '{direction} {time} · {size}',
  },
  summary: {
    note: '{user}: {text}',
    renote: '{user} renoted {target}',
    connected: 'join acknowledged',
    noteUpdated: {
      reacted: 'reacted {detail}',
      unreacted: 'reaction {detail} removed',
      deleted: 'deleted',
      pollVoted: 'poll vote {detail}',
      other: '{event} {detail}',
    },
  },
}

export const streamingErrors = {
  STREAM_NOT_CONNECTED: 'There is no open streaming connection: connect first.',
  STREAM_UPGRADE_REFUSED: {
    unauthorized:
      '{host} refused the token (401 on the WebSocket upgrade): it is wrong or revoked, or it is an app token without the read:account permission, which streaming needs.',
    unauthorizedAnonymous: '{host} refused the connection (401 on the WebSocket upgrade).',
    suspended: '{host} refused the connection (403): the account is suspended.',
    status:
      '{host} answered {status} instead of opening a WebSocket: it may not offer streaming, or a proxy in front of it does not pass WebSockets on.',
  },
  STREAM_CLOSED: {
    dropped:
      'The connection to {host} dropped without a closing handshake (network trouble, or the server went away).',
    goingAway: '{host} closed the socket because it is going away (code 1001: {text}).',
    silent:
      '{host} sent nothing for {seconds} s, not even its pings, so the connection was presumed dead (after a sleep, or a network change).',
    closed: '{host} closed the socket (code {code}: {text}).',
    tooLarge:
      '{host} sent a message larger than {limit} (a Misskey message is a few KiB), so the connection was closed; connect again to retry.',
  },
  STREAM_MESSAGE_NOT_JSON: 'Not sent: the message is not JSON ({reason}).',
  UNKNOWN_STREAM_CHANNEL: 'That channel is not joined any more.',
  STREAM_LOG_EXPORT_FAILED: 'The log could not be saved: {reason}',
}
