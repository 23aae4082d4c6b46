import { describe, expect, it } from 'vitest'
import { catalogEndpointsOf, readRealSpec } from '../../test-kit/support/real-spec.ts'
import { createEndpointIndex } from './endpoint-search.ts'

// What a person types who knows what they want to do but not the endpoint's name, on the real
// catalog of Misskey 2025.5.0 (417 endpoints, almost none with a description). Each query's
// expected endpoint must be among the first three results. The queries were written from what
// people do in Misskey's own UI, before the scorer was tuned, not picked to fit it.
const english: Array<[query: string, expected: string]> = [
  ['post a note', 'notes/create'],
  ['home timeline', 'notes/timeline'],
  ['my profile', 'i'],
  ['update profile', 'i/update'],
  ['upload a file', 'drive/files/create'],
  ['delete a note', 'notes/delete'],
  ['follow a user', 'following/create'],
  ['unfollow', 'following/delete'],
  ['add a reaction', 'notes/reactions/create'],
  ['my notifications', 'i/notifications'],
  ['undo renote', 'notes/unrenote'],
  ['vote in a poll', 'notes/polls/vote'],
  ['search notes', 'notes/search'],
  ['mute a user', 'mute/create'],
  ['block user', 'blocking/create'],
  ['pin a note to my profile', 'i/pin'],
  ['local timeline', 'notes/local-timeline'],
  ['create an antenna', 'antennas/create'],
  ['send a chat message to a user', 'chat/messages/create-to-user'],
  ['list my drive files', 'drive/files'],
  ['trending hashtags', 'hashtags/trend'],
  ['show a user', 'users/show'],
  ['create a clip', 'clips/create'],
  ['new drive folder', 'drive/folders/create'],
  ['favorite a note', 'notes/favorites/create'],
  ['followers of a user', 'users/followers'],
  ['mark all notifications as read', 'notifications/mark-all-as-read'],
  ['custom emojis', 'emojis'],
  ['report a user', 'users/report-abuse'],
  ['edit my account', 'i/update'],
]

const japanese: Array<[query: string, expected: string]> = [
  ['ノートを投稿', 'notes/create'],
  ['ノートを削除', 'notes/delete'],
  ['フォロー', 'following/create'],
  ['フォロー解除', 'following/delete'],
  ['リアクション', 'notes/reactions/create'],
  ['通知', 'i/notifications'],
  ['ホームタイムライン', 'notes/timeline'],
  ['ローカルタイムライン', 'notes/local-timeline'],
  ['プロフィールを更新', 'i/update'],
  ['自分のアカウント', 'i'],
  ['ファイルをアップロード', 'drive/files/create'],
  ['ドライブのファイル一覧', 'drive/files'],
  ['ノートを検索', 'notes/search'],
  ['ユーザーを検索', 'users/search'],
  ['ユーザーをミュート', 'mute/create'],
  ['ブロックする', 'blocking/create'],
  ['ピン留め', 'i/pin'],
  ['投票', 'notes/polls/vote'],
  ['チャットを送信', 'chat/messages/create-to-user'],
  ['アンテナを作成', 'antennas/create'],
  ['クリップを作成', 'clips/create'],
  ['お気に入りに追加', 'notes/favorites/create'],
  ['リノートを取り消す', 'notes/unrenote'],
  ['トレンドのハッシュタグ', 'hashtags/trend'],
  ['フォロワー一覧', 'users/followers'],
  ['絵文字一覧', 'emojis'],
  ['フォルダを作成', 'drive/folders/create'],
  ['ユーザーを通報', 'users/report-abuse'],
  ['ユーザー情報', 'users/show'],
  ['すべての通知を既読にする', 'notifications/mark-all-as-read'],
]

const document = readRealSpec()
const reason = 'the real api.json (../shared/fixtures/misskey) is not present in this checkout'

describe.skipIf(!document)(
  `intent search on the real catalog${document ? '' : ` (skipped: ${reason})`}`,
  () => {
    const index = createEndpointIndex(catalogEndpointsOf(document))
    const topThree = (query: string) =>
      index
        .search(query)
        .slice(0, 3)
        .map((endpoint) => endpoint.name)

    it('has as many English as Japanese queries, forty at least', () => {
      expect(english.length).toBe(japanese.length)
      expect(english.length + japanese.length).toBeGreaterThanOrEqual(40)
    })

    it.each([...english, ...japanese])('“%s” finds %s in the top three', (query, expected) => {
      expect(topThree(query)).toContain(expected)
    })
  },
)
