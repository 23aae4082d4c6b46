// 日本語: ビジュアル表示（プレビュータブ、id のリンクと履歴、API マップ）。用語は Misskey の
// 日本語 UI に合わせる（ノート、リノート、リアクション、ドライブ、フォロワー、公開範囲…）。
import type {
  mapMessages as englishMap,
  previewMessages as englishPreview,
  previewViewMessages as englishViews,
} from './en-preview.ts'
import type { Translation } from './translation.ts'

export const previewViewMessages: Translation<typeof englishViews> = {
  map: 'マップ',
}

export const previewMessages: Translation<typeof englishPreview> = {
  tab: 'プレビュー',
  none: 'このレスポンスにはプレビューできるものがありません。本文（Body）を見てください。',
  list: {
    notes: 'ノート {count} 件',
    users: 'ユーザー {count} 人',
    files: 'ファイル {count} 件',
    notifications: '通知 {count} 件',
    emojis: '絵文字 {count} 個',
  },
  mfm: {
    tooLong: '（長すぎて整形できないため、プレーンテキストで表示）',
    cut: ' … {count} 文字のうち最初の {shown} 文字をプレーンテキストで表示しています',
  },
  jsonLink: {
    hint: 'この ID で {endpoint} を開く（Ctrl/Cmd+クリックですぐに送信）',
    follow: 'この ID のオブジェクトを開く',
    followAndSend: 'この ID のオブジェクトを開いて送信',
  },
  image: {
    sensitive: 'センシティブ: クリックで表示',
    hidden: '{host} の画像: 非表示',
    hiddenHint:
      'このサーバーとそのメディアプロキシ以外のホストの画像は、このサーバーで表示を選ぶまで非表示です。読み込むと、閲覧したことがそのホストに伝わります。',
    blockedEmoji: '{host} の絵文字: 他のホストの画像を表示するまで非表示',
    otherHostsHidden: '他のホストの画像は非表示です: {hosts}',
    otherHostsHint:
      '他のホストの画像を読み込むと、閲覧したことがそのホストに伝わります。この選択はサーバーごとに保存されます。',
    showOtherHosts: '表示する',
    otherHostsShown: 'このサーバーでは他のホストの画像を表示しています',
    hideOtherHosts: '非表示に戻す',
    hideOtherHostsHint:
      'このサーバーとそのメディアプロキシ以外のホストの画像を、再び非表示にします。この選択はサーバーごとに保存されます。',
    choiceFailed: {
      read: '他のホストの画像を表示するかどうかを読み込めませんでした: {reason}',
      save: '他のホストの画像についての選択を保存できませんでした: {reason}',
    },
  },
  note: {
    renoted: 'リノート',
    showMore: 'もっと見る',
    hide: '隠す',
    localOnly: 'ローカルのみ',
    visibility: {
      public: 'パブリック',
      home: 'ホーム',
      followers: 'フォロワー',
      specified: 'ダイレクト',
    },
  },
  poll: {
    votes: '0 票 | 1 票 | {count} 票',
    total: 'まだ投票はありません | 合計 1 票 | 合計 {count} 票',
    multiple: '複数選択可',
    ends: '{time} に終了',
  },
  user: {
    notesCount: 'ノート',
    followingCount: 'フォロー',
    followersCount: 'フォロワー',
    isBot: 'ボット',
    isCat: '猫',
    isLocked: '鍵アカウント',
    isSilenced: 'サイレンス',
    isSuspended: '凍結',
  },
  file: {
    show: 'drive/files/show',
  },
  related: {
    notes: 'ノート',
    followers: 'フォロワー',
    following: 'フォロー',
    replies: '返信（{count}）',
    renotes: 'リノート（{count}）',
    reactions: 'リアクション（{count}）',
    attachedNotes: 'このファイルが添付されたノート',
  },
  follow: {
    hint: 'この id で {endpoint} を開く（Ctrl+クリックですぐに送信）',
  },
  notification: {
    follow: 'フォローされました',
    mention: 'メンションしました',
    reply: '返信しました',
    renote: 'リノートしました',
    quote: '引用しました',
    reaction: 'リアクションしました',
    pollEnded: 'アンケートが終了しました',
    receiveFollowRequest: 'フォローリクエスト',
    followRequestAccepted: 'フォローリクエストが承認されました',
    roleAssigned: 'ロールが付与されました',
    achievementEarned: '実績を獲得しました',
    app: 'アプリからの通知',
    note: '新しいノート',
    other: '{type}',
  },
  table: {
    label: '行',
    items: '空のリスト | 1 件 | {count} 件',
  },
  trail: {
    label: 'たどってきた経路',
    back: '戻る（Alt+←）',
    forward: '進む（Alt+→）',
  },
}

export const mapMessages: Translation<typeof englishMap> = {
  title: 'API マップ',
  filter: 'エンドポイントを強調表示',
  filterPlaceholder: '入力すると強調表示（例: notes、follow）',
  account: '薄い表示: {label} のトークンでは呼び出せないもの',
  noAccount: 'このサーバーのアカウントがありません: 呼び出せるのは公開エンドポイントだけです',
  fullAccess:
    '{label} のトークンはここにあるすべてを呼び出せます（貼り付けたトークンの権限は不明です）',
  matches: '一致なし | 1 件一致 | {count} 件一致',
  untagged: 'その他',
  legend: '凡例',
  access: {
    public: '公開',
    token: 'トークンが必要',
    permission: '{permission} が必要',
    anyPermission: '権限が必要',
    admin: '管理者',
    internal: '内部用',
  },
  denied: '現在のトークンではこれを呼び出せません',
}
