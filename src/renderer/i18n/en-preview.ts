// English strings of the visual explorer (Preview tab, id links and the trail, the API map),
// merged into en.ts. vue-i18n syntax: {name} interpolates, | separates plural forms.
export const previewViewMessages = {
  map: 'Map',
}

export const previewMessages = {
  tab: 'Preview',
  none: 'Nothing to preview in this answer: see Body.',
  list: {
    notes: '{count} notes',
    users: '{count} users',
    files: '{count} files',
    notifications: '{count} notifications',
    emojis: '{count} emoji',
  },
  mfm: {
    tooLong: ' (too long to format: shown as plain text)',
    cut: ' … the first {shown} of {count} characters are shown, as plain text',
  },
  jsonLink: {
    hint: 'Open {endpoint} with this id (Ctrl/Cmd+click: send at once)',
    follow: 'Open the object this id names',
    followAndSend: 'Open the object this id names and send',
  },
  image: {
    sensitive: 'Sensitive: click to show',
    hidden: 'Image from {host}: hidden',
    hiddenHint:
      'Images from hosts other than this server and its media proxy are hidden until you show them for this server: loading one tells that host you looked.',
    blockedEmoji: 'Emoji from {host}: hidden until images from other hosts are shown',
    otherHostsHidden: 'Images from other hosts are hidden: {hosts}',
    otherHostsHint:
      'Loading an image from another host tells that host you looked. Your choice is kept for this server.',
    showOtherHosts: 'Show',
    otherHostsShown: 'Images from other hosts are shown for this server',
    hideOtherHosts: 'Hide them',
    hideOtherHostsHint:
      'Hide images from hosts other than this server and its media proxy again. Your choice is kept for this server.',
    choiceFailed: {
      read: 'Could not read whether images from other hosts are shown: {reason}',
      save: 'Could not save your choice about images from other hosts: {reason}',
    },
  },
  note: {
    renoted: 'renoted',
    showMore: 'Show content',
    hide: 'Hide',
    localOnly: 'local only',
    visibility: {
      public: 'public',
      home: 'home',
      followers: 'followers',
      specified: 'direct',
    },
  },
  poll: {
    votes: 'no votes | 1 vote | {count} votes',
    total: 'no votes yet | 1 vote in all | {count} votes in all',
    multiple: 'several choices allowed',
    ends: 'ends {time}',
  },
  user: {
    notesCount: 'notes',
    followingCount: 'following',
    followersCount: 'followers',
    isBot: 'bot',
    isCat: 'cat',
    isLocked: 'locked',
    isSilenced: 'silenced',
    isSuspended: 'suspended',
  },
  file: {
    show: 'drive/files/show',
  },
  related: {
    notes: 'Notes',
    followers: 'Followers',
    following: 'Following',
    replies: 'Replies ({count})',
    renotes: 'Renotes ({count})',
    reactions: 'Reactions ({count})',
    attachedNotes: 'Notes with this file',
  },
  follow: {
    hint: 'Open {endpoint} with this id (Ctrl+click sends it at once)',
  },
  notification: {
    follow: 'followed you',
    mention: 'mentioned you',
    reply: 'replied',
    renote: 'renoted',
    quote: 'quoted',
    reaction: 'reacted',
    pollEnded: 'poll ended',
    receiveFollowRequest: 'follow request',
    followRequestAccepted: 'follow request accepted',
    roleAssigned: 'role assigned',
    achievementEarned: 'achievement earned',
    app: 'from an app',
    note: 'new note',
    other: '{type}',
  },
  table: {
    label: 'Rows',
    items: 'empty list | 1 item | {count} items',
  },
  trail: {
    label: 'Where you came from',
    back: 'Back (Alt+←)',
    forward: 'Forward (Alt+→)',
  },
}

export const mapMessages = {
  title: 'API map',
  filter: 'Highlight endpoints',
  filterPlaceholder: 'Type to highlight, e.g. notes or follow',
  account: 'Dimmed: what {label}’s token cannot call',
  noAccount: 'No account on this server: only public endpoints can be called',
  fullAccess: '{label}’s token can call everything here (a pasted token’s grant is not known)',
  matches: 'no matches | 1 match | {count} matches',
  untagged: 'other',
  legend: 'Marks',
  access: {
    public: 'public',
    token: 'needs a token',
    permission: 'needs {permission}',
    anyPermission: 'needs a permission',
    admin: 'admin',
    internal: 'internal',
  },
  denied: 'The active token cannot call this',
}
