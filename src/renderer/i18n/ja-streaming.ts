// 日本語: ストリーミング画面。チャンネル名（homeTimeline など）は Misskey の API の名前のまま。
import type {
  streamingErrors as englishErrors,
  streamingMessages as englishMessages,
  viewMessages as englishViews,
} from './en-streaming.ts'
import type { Translation } from './translation.ts'

export const viewMessages: Translation<typeof englishViews> = {
  label: '表示',
  requests: 'リクエスト',
  streaming: 'ストリーミング',
  streamingLive: 'ストリーミング接続中',
}

export const streamingMessages: Translation<typeof englishMessages> = {
  connection: {
    heading: '接続',
    identityLabel: '接続方法',
    asAccount: '{label} として',
    anonymous: '匿名で',
    noAccount:
      'このサーバーのアカウントがないため、匿名で接続します。応答するのは公開チャンネルだけです。',
    connect: '接続',
    connectAgain: '再接続',
    disconnect: '切断',
    phase: {
      idle: '未接続',
      connecting: '接続中…',
      open: '接続済み',
      reconnecting: '再接続中',
      closed: '切断済み',
      failed: '未接続',
    },
    to: '{host} に {who}',
    openSince: '{time} から',
    retryIn: '{seconds} 秒後に {attempt} 回目を試行',
    retrying: '{attempt} 回目を試行中',
    reconnects:
      'まだ再接続していません | 切断後に 1 回再接続しました | 切断後に {count} 回再接続しました',
    otherServer: 'この接続は {host} へのもので、上で開いているサーバーではありません。',
    idle: '接続すると、このサーバーのイベントをリアルタイムで見られます。接続前に参加したチャンネルには、接続したときに参加します。',
  },
  join: {
    heading: 'チャンネルに参加',
    channelLabel: 'チャンネル',
    other: 'その他…',
    otherLabel: 'チャンネル名',
    otherPlaceholder: '例: reversi',
    paramsLabel: 'パラメーター（JSON）',
    join: '参加',
    invalidJson: '参加しません: パラメーターが正しい JSON ではありません。{reason}',
    notObject: '参加しません: パラメーターは JSON オブジェクトでなければなりません。',
    badName: 'チャンネル名は homeTimeline のように英数字で書きます。',
    schemaProblems:
      '問題なし | パラメーターのスキーマに問題が 1 件あります（そのまま参加しました） | パラメーターのスキーマに問題が {count} 件あります（そのまま参加しました）',
    needsAccount:
      'このチャンネルにはアカウントが必要です。匿名の接続では、サーバーは参加を無視します。',
  },
  channels: {
    heading: '参加中のチャンネル',
    empty: '参加しているチャンネルはありません。',
    status: {
      pending: '待機中',
      confirmed: '確認済み',
      unconfirmed: '未確認',
    },
    statusTitle: {
      pending: 'サーバーが参加を確認するのを待っています（接続済み）。',
      confirmed: 'サーバーが参加を確認しました。',
      unconfirmed:
        '確認がありません。Misskey サーバーは、存在しないチャンネル、この接続にないアカウントや権限が必要なチャンネル、接続ごとに 1 つしか存在しないチャンネルへの 2 回目の参加を、何も言わずに無視します。',
    },
    unconfirmedHint:
      '未確認: サーバーは、存在しないチャンネル、この接続にないアカウントや権限が必要なチャンネル、main・drive・admin・統計チャンネルへの 2 回目の参加を無視します。',
    leave: '退出',
    leaveLabel: '{channel}（{id}）から退出',
  },
  notes: {
    heading: 'キャプチャ中のノート',
    hint: 'キャプチャしたノートでは noteUpdated イベント（リアクション、投票、削除）が届きます。',
    idLabel: 'ノート ID',
    idPlaceholder: '例: au22prduhj5z000n',
    capture: 'キャプチャ',
    release: '解除',
    empty: 'キャプチャ中のノートはありません。',
  },
  raw: {
    heading: 'メッセージを直接送信',
    label: 'メッセージ（JSON）',
    send: '送信',
    invalid: 'JSON ではありません: {reason}',
    sent: '送信しました。',
  },
  log: {
    heading: 'メッセージ',
    channelFilter: 'チャンネル',
    typeFilter: '種類',
    allChannels: 'すべてのチャンネル',
    noChannel: 'チャンネル外',
    allTypes: 'すべての種類',
    pause: '一時停止',
    resume: '再開',
    pausedNew: '一時停止中 · 新着 {count} 件',
    clear: 'クリア',
    cap: '保持する件数',
    export: 'エクスポート…',
    exportTitle: '表示中のメッセージを JSON Lines で保存',
    exported: '{count} 件のメッセージを {path} に保存しました。',
    received: '受信 {count} 件',
    sent: '送信 {count} 件',
    dropped: '古いもの {count} 件を破棄（上限）',
    shown: '{kept} 件中 {shown} 件を表示',
    empty: 'メッセージはまだありません。チャンネルに参加すると、ここにイベントが表示されます。',
    emptyFiltered: 'フィルターに一致するメッセージはありません。',
    listLabel: 'ストリーミングのメッセージ',
    columns: {
      time: '時刻',
      channel: 'チャンネル',
      type: '種類',
      summary: '概要',
    },
    in: '受信',
    out: '送信',
  },
  detail: {
    empty: 'メッセージを選ぶと JSON が表示されます。矢印キーで一覧を移動できます。',
    capture: 'このノートをキャプチャ',
    release: 'このノートのキャプチャを解除',
    label: 'メッセージの JSON',
    facts: '{direction} {time} · {size}',
  },
  summary: {
    note: '{user}: {text}',
    renote: '{user} が {target} をリノート',
    connected: '参加を確認',
    noteUpdated: {
      reacted: 'リアクション {detail}',
      unreacted: 'リアクション {detail} を解除',
      deleted: '削除',
      pollVoted: '投票 {detail}',
      other: '{event} {detail}',
    },
  },
}

export const streamingErrors: Translation<typeof englishErrors> = {
  STREAM_NOT_CONNECTED: 'ストリーミング接続がありません。先に接続してください。',
  STREAM_UPGRADE_REFUSED: {
    unauthorized:
      '{host} がトークンを拒否しました（WebSocket へのアップグレードで 401）。トークンが間違っているか失効しているか、ストリーミングに必要な read:account 権限のないアプリのトークンです。',
    unauthorizedAnonymous: '{host} が接続を拒否しました（WebSocket へのアップグレードで 401）。',
    suspended: '{host} が接続を拒否しました（403）。アカウントが凍結されています。',
    status:
      '{host} は WebSocket を開かずに {status} を返しました。ストリーミングに対応していないか、前段のプロキシーが WebSocket を通していない可能性があります。',
  },
  STREAM_CLOSED: {
    dropped:
      '{host} との接続が終了手順なしに切れました（ネットワークの問題か、サーバーが停止しました）。',
    goingAway: '{host} が停止するためソケットを閉じました（コード 1001: {text}）。',
    silent:
      '{host} から {seconds} 秒間、ping も含めて何も届かなかったため、接続は切れたとみなしました（スリープ後やネットワークの切り替え後など）。',
    closed: '{host} がソケットを閉じました（コード {code}: {text}）。',
    tooLarge:
      '{host} が {limit} を超えるメッセージを送ってきたため、接続を閉じました（Misskey のメッセージは数 KiB 程度です）。再試行するには接続し直してください。',
  },
  STREAM_MESSAGE_NOT_JSON: '送信しませんでした: メッセージが JSON ではありません（{reason}）。',
  UNKNOWN_STREAM_CHANNEL: 'そのチャンネルにはもう参加していません。',
  STREAM_LOG_EXPORT_FAILED: 'ログを保存できませんでした: {reason}',
}
