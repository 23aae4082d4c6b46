// The one table of Misskey's "show" endpoints: which endpoint shows an object of a component, and
// the body field that takes its id. Everything else about ids comes from the response schema.
export interface ShowEndpoint {
  endpoint: string
  param: string
}

const table: Array<{ components: string[]; endpoint: string; param: string }> = [
  { components: ['Note'], endpoint: 'notes/show', param: 'noteId' },
  {
    components: [
      'User',
      'UserLite',
      'UserDetailed',
      'UserDetailedNotMe',
      'MeDetailed',
      'UserDetailedNotMeOnly',
      'MeDetailedOnly',
    ],
    endpoint: 'users/show',
    param: 'userId',
  },
  { components: ['DriveFile'], endpoint: 'drive/files/show', param: 'fileId' },
  { components: ['DriveFolder'], endpoint: 'drive/folders/show', param: 'folderId' },
  { components: ['Channel'], endpoint: 'channels/show', param: 'channelId' },
  { components: ['Clip'], endpoint: 'clips/show', param: 'clipId' },
  { components: ['Antenna'], endpoint: 'antennas/show', param: 'antennaId' },
  { components: ['UserList'], endpoint: 'users/lists/show', param: 'listId' },
  { components: ['Page'], endpoint: 'pages/show', param: 'pageId' },
  { components: ['GalleryPost'], endpoint: 'gallery/posts/show', param: 'postId' },
  { components: ['Flash'], endpoint: 'flash/show', param: 'flashId' },
  { components: ['Role', 'RoleLite'], endpoint: 'roles/show', param: 'roleId' },
]

const byComponent = new Map<string, ShowEndpoint>(
  table.flatMap((row) =>
    row.components.map((name) => [name, { endpoint: row.endpoint, param: row.param }] as const),
  ),
)
/** `noteId` → Note: a field named as a show endpoint's own parameter holds that object's id. */
const byParam = new Map<string, string>(
  table.map((row) => [row.param, row.components[0] as string]),
)

export function showEndpointOf(component: string | null): ShowEndpoint | null {
  return component ? (byComponent.get(component) ?? null) : null
}

export function componentOfParam(field: string): string | null {
  return byParam.get(field) ?? null
}

/** The walks onward from an object: a user's notes and followers, a note's replies… */
export interface RelatedEndpoint {
  key: string
  endpoint: string
  param: string
}

const relatedTable: Array<{ kind: string; related: RelatedEndpoint[] }> = [
  {
    kind: 'users/show',
    related: [
      { key: 'notes', endpoint: 'users/notes', param: 'userId' },
      { key: 'followers', endpoint: 'users/followers', param: 'userId' },
      { key: 'following', endpoint: 'users/following', param: 'userId' },
    ],
  },
  {
    kind: 'notes/show',
    related: [
      { key: 'replies', endpoint: 'notes/replies', param: 'noteId' },
      { key: 'renotes', endpoint: 'notes/renotes', param: 'noteId' },
      { key: 'reactions', endpoint: 'notes/reactions', param: 'noteId' },
    ],
  },
  {
    kind: 'drive/files/show',
    related: [{ key: 'attachedNotes', endpoint: 'drive/files/attached-notes', param: 'fileId' }],
  },
]

export function relatedEndpoints(showEndpoint: string): RelatedEndpoint[] {
  return relatedTable.find((row) => row.kind === showEndpoint)?.related ?? []
}
