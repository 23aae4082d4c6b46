// What each channel's `connect` accepts as params (Misskey's stream/channels/*.ts), as small JSON
// Schemas for the params editor, and a starting text per channel.
import { streamingChannelNames } from '../../shared/streaming.ts'

type Schema = Record<string, unknown>

const flag = (description: string): Schema => ({ type: 'boolean', description })
const timeline: Schema = {
  type: 'object',
  properties: {
    withRenotes: flag('Include renotes (default true).'),
    withReplies: flag('Include replies to other users (default false).'),
    withFiles: flag('Only notes with files (default false).'),
  },
  additionalProperties: false,
}
const idOf = (key: string, description: string): Schema => ({
  type: 'object',
  properties: { [key]: { type: 'string', minLength: 1, description } },
  required: [key],
  additionalProperties: false,
})
const none: Schema = { type: 'object', properties: {}, additionalProperties: false }

export const channelParamSchemas: Record<string, Schema> = {
  main: none,
  homeTimeline: timeline,
  localTimeline: timeline,
  hybridTimeline: timeline,
  globalTimeline: timeline,
  userList: {
    ...idOf('listId', 'The id of one of your lists (users/lists/list).'),
    properties: {
      listId: { type: 'string', minLength: 1, description: 'The id of one of your lists.' },
      withFiles: flag('Only notes with files (default false).'),
      withRenotes: flag('Include renotes (default true).'),
    },
  },
  hashtag: {
    type: 'object',
    properties: {
      q: {
        type: 'array',
        description:
          'Groups of tags, without #: a note matches when it has every tag of at least one group.',
        items: { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1 },
        minItems: 1,
      },
    },
    required: ['q'],
    additionalProperties: false,
  },
  antenna: idOf('antennaId', 'The id of one of your antennas (antennas/list).'),
  channel: idOf('channelId', 'The id of a note channel (channels/show).'),
  roleTimeline: idOf('roleId', 'The id of a public role (roles/list).'),
  drive: none,
  serverStats: none,
  queueStats: none,
  admin: none,
}

const starts: Record<string, unknown> = {
  hashtag: { q: [['misskey']] },
  userList: { listId: '' },
  antenna: { antennaId: '' },
  channel: { channelId: '' },
  roleTimeline: { roleId: '' },
  homeTimeline: { withRenotes: true },
  localTimeline: { withRenotes: true, withReplies: false },
  hybridTimeline: { withRenotes: true, withReplies: false },
  globalTimeline: { withRenotes: true },
}

/** The text the params editor starts with for a channel. */
export function initialParamsText(channel: string): string {
  const start = starts[channel]
  return start ? `${JSON.stringify(start, null, 2)}\n` : '{}\n'
}

export const knownChannels: readonly string[] = streamingChannelNames
