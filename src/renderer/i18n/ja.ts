// 日本語の UI 文字列。en.ts と同じ形（ja.test.ts がキーとプレースホルダーの一致を確かめる）。
// 用語は Misskey 自身の日本語 UI（locales/ja-JP.yml）に合わせる: ノート、リノート、
// リアクション、ドライブ、アクセストークン、権限、サーバー…。エンドポイント名、エラーコード、
// HTTP の用語（GET、multipart など）は API の名前なので訳さない。
import type { en } from './en.ts'
import { accountMessages } from './ja-accounts.ts'
import { checkMessages } from './ja-checks.ts'
import { errorMessages } from './ja-errors.ts'
import { schemaMessages } from './ja-schema.ts'
import { settingsMessages } from './ja-settings.ts'
import { storageMessages } from './ja-storage.ts'
import { streamingMessages, viewMessages } from './ja-streaming.ts'
import { mapMessages, previewMessages, previewViewMessages } from './ja-preview.ts'
import type { Translation } from './translation.ts'

export const ja: Translation<typeof en> = {
  app: {
    title: 'Misskey API Explorer',
  },
  views: { ...viewMessages, ...previewViewMessages },
  preview: previewMessages,
  map: mapMessages,
  streaming: streamingMessages,
  server: {
    addressLabel: 'サーバー',
    addressPlaceholder: 'misskey.example または http://127.0.0.1:3000',
    open: '開く',
    opening: '開いています…',
    loading: '{address} の API 定義を読み込んでいます…',
    summary: '{host} · Misskey {version} · エンドポイント {count} 件',
    summaryNoVersion: '{host} · エンドポイント {count} 件',
    offline: 'オフライン: {time} に保存したカタログを表示しています。（{reason}）',
    namesOnly:
      'このサーバーには使える API 定義がないため、エンドポイント名だけを表示しています。（{reason}）',
  },
  ...accountMessages,
  welcome: {
    title: 'Misskey サーバーの API を探索',
    body: '上にサーバーのアドレスを入力して Enter を押してください。サーバー自身の API 定義を読み込むので、そのサーバーにあるエンドポイントがそのまま表示されます。',
    examples: '例: {examples}',
  },
  picker: {
    filterLabel: 'エンドポイントを絞り込む',
    filterPlaceholder: 'エンドポイントを絞り込む（{shortcut} で移動）',
    count: 'エンドポイントなし | エンドポイント 1 件 | エンドポイント {count} 件',
    countFiltered: '{total} 件中 {shown} 件',
    noMatch: '「{query}」に一致するエンドポイントはありません。',
    listLabel: 'エンドポイント',
  },
  palette: {
    label: 'エンドポイントへ移動',
    placeholder: 'エンドポイントへ移動: 名前、タグ、やりたいこと（例: ノートを投稿）',
    recent: '最近使ったもの',
    untagged: 'その他',
  },
  badges: {
    credential: '要トークン',
    credentialTitle: 'トークンが必要です',
    noCredential: '公開',
    noCredentialTitle: 'トークンなしで使えます',
    permissionTitle: 'トークンにこの権限が必要です',
    get: 'GET',
    getTitle: 'GET にも応答します',
    multipart: 'multipart',
    multipartTitle: '本文は multipart/form-data です（ファイルのアップロード）',
    deprecated: '非推奨',
    deprecatedTitle: 'サーバーはこのエンドポイントを非推奨としています',
    internal: '内部用',
    internalTitle:
      'サーバー自身の Web クライアント用で、外部からの利用は想定されていません。アプリのトークンでは ACCESS_DENIED になります',
  },
  endpoint: {
    noneSelected: '左からエンドポイントを選ぶと、リクエストを書けます。',
    noDescription: 'サーバーはこのエンドポイントの説明を提供していません。',
    source: 'ソース',
    schemaLoading: '本文のスキーマを読み込んでいます…',
    schemaNone: "サーバーはこのエンドポイントの本文を定義していません。{'{}'} を送ります。",
    multipart:
      'このエンドポイントはファイルのアップロード（multipart/form-data）を受け付けます。ファイルを選び、ほかの項目を入力してください。',
  },
  docs: {
    bodyTab: '本文',
    docsTab: 'ドキュメント',
    internal:
      '内部用エンドポイント: サーバー自身の Web クライアント用で、外部からの利用は想定されていません。MiAuth、OAuth、「設定 › API」で発行したトークンではここで ACCESS_DENIED になります。',
    parameters: 'パラメーター',
    noParameters: 'このエンドポイントはパラメーターを取りません。',
    name: '名前',
    type: '型',
    details: '詳細',
    required: '必須',
    conditional: '場合により必須（下記参照）',
    default: '既定値',
    oneOf: 'いずれか',
    length: '長さ',
    items: '要素',
    unique: '重複なし',
    ruleConditional: '{when} によっては {then} が必須です。',
    ruleAnyOf: '少なくとも 1 つ: {sets}。',
    ruleOneOf: 'ちょうど 1 つ: {sets}。',
    response: 'レスポンス',
    noBody: '本文なし',
    mayBeEmpty: '本文なしの 204 を返すことがあります',
    errors: 'エラー',
    status: 'ステータス',
    code: 'コード',
    message: 'メッセージ',
    noOwnErrors: '共通のもの以外に固有のエラーはありません。',
    commonErrors: 'すべてのエンドポイントに共通:',
    source: 'ソースコード',
    loading: 'ドキュメントを読み込んでいます…',
    none: 'このサーバーはエンドポイントのドキュメントを提供していません。',
  },
  copy: {
    title: 'コピー ▾',
    kinds: {
      curl: 'curl',
      fetch: 'JavaScript fetch',
      'misskey-js': 'misskey-js',
    },
    includeToken: 'トークンを含める（クリップボードに直接入れ、画面には表示しません）',
    copied: '{kind} としてコピーしました（トークンはプレースホルダー）。',
    copiedWithToken:
      '本物のトークン付きで {kind} としてコピーしました。取り扱いに注意してください。',
  },
  upload: {
    choose: 'ファイルを選ぶ…',
    noFile: 'ファイルが選ばれていません。サーバーはファイルを必要とします。',
    needFile: '送信しません: 先にアップロードするファイルを選んでください。',
  },
  request: {
    bodyLabel: '本文（JSON）',
    send: '送信',
    sendShortcut: 'Ctrl+Enter',
    sendShortcutMac: '⌘↵',
    sending: '送信中… {seconds} 秒',
    cancel: 'キャンセル',
    timeout: 'タイムアウト',
    timeoutUnit: '秒',
    timeoutTitle: '応答をあきらめるまで待つ時間',
    invalidJson: '送信しません: 本文が正しい JSON ではありません。{reason}',
    invalidJsonAt:
      '送信しません: 本文の {line} 行 {column} 列目が正しい JSON ではありません: {reason}。',
    json5: 'JSON5（コメント、末尾のカンマなど）: 通常の JSON として送ります',
    insertRequired: '必須項目',
    insertRequiredTitle: 'エンドポイントの必須項目を挿入します（入力済みの内容は残ります）',
    insertDefaults: '既定値のある項目すべて',
    insertDefaultsTitle: '既定値のある項目をすべて挿入します（入力済みの内容は残ります）',
    format: '整形',
    cannotInsert: '項目を挿入できません: {reason}',
    notObject: '送信しません: Misskey は本文に JSON オブジェクトを求めます（{found} ではなく）。',
    schemaProblems:
      '問題なし | スキーマとの不一致が 1 件（そのまま送信します） | スキーマとの不一致が {count} 件（そのまま送信します）',
    anonymous: 'トークンなしで送信しました。',
    withAccount: '{label} として {mode} で送信しました。',
  },
  response: {
    title: 'レスポンス',
    empty: 'リクエストを送ると、ここに応答が表示されます。',
    status: 'ステータス',
    duration: '時間',
    size: 'サイズ',
    bodyTab: '本文',
    headersTab: 'ヘッダー',
    rawTab: '生データ',
    large: {
      notice: '大きなレスポンス（{size}）: 先頭を表示しています。',
      openFully: 'すべて開く',
      opening: '開いています…',
      save: 'ファイルに保存…',
      saved: '{path} に保存しました。',
    },
    noContent:
      '内容なし: サーバーは空の本文で {status} を返しました。Misskey ではこれが「完了」の意味です。',
    emptyBody: 'サーバーは本文を送りませんでした。',
    textBody: '本文は JSON ではありません（{contentType}）。',
    invalidJson: 'サーバーは本文が JSON（{contentType}）だとしていますが、解析できません。',
    unknownType: 'Content-Type なし',
    headerName: 'ヘッダー',
    headerValue: '値',
    waiting: 'サーバーの応答を待っています…',
    progress: '受信中… {total} 中 {bytes}',
    progressOpenEnded: '受信中… {bytes}',
    uploading: 'アップロード中… {total} 中 {bytes}',
    nextPage: '次のページ（{cursor}）→',
    noNextPage: {
      NOT_PAGINATED: 'このエンドポイントはページ送りをしません。',
      NOT_A_LIST: '応答がリストではないため、次のページは作れません。',
      EMPTY: '応答が空なので、次のページはありません。',
      LAST_PAGE: 'limit より少ない件数が返ったので、これが最後のページです。',
      NO_CURSOR: '続きを取得するための id が項目にありません。',
    },
  },
  problem: {
    misskeyTitle: 'Misskey のエラー {code}',
    fastifyTitle: 'サーバーのエラー {statusCode} {error}',
    fastifyNote:
      'このエラーは Misskey の下にある Web フレームワークからのもので、エンドポイントが動く前に起きています。',
    redirectTitle: '{location} へのリダイレクト',
    redirectNote:
      'リダイレクトはたどらないので、リクエスト（とトークン）が別のアドレスに送られることはありません。',
    redirectUnknown: '不明なアドレス',
    httpTitle: 'HTTP {status} {statusText}',
    httpNote: 'サーバーはこのステータスとともに Misskey のエラーを送りませんでした。',
    id: 'id',
    code: 'コード',
    kind: '種類',
    info: '情報',
    param: 'パラメーター',
    reason: '理由',
    hints: {
      INVALID_PARAM: 'パラメーターがエンドポイントのスキーマに合っていません。',
      CREDENTIAL_REQUIRED: 'このエンドポイントにはトークンが必要です。',
      AUTHENTICATION_FAILED:
        'トークンが拒否されました。失効しているか、別のサーバーのトークンかもしれません。',
      PERMISSION_DENIED: 'トークンに、このエンドポイントに必要な権限がありません。',
      ROLE_PERMISSION_DENIED:
        'アカウントのロールでは、このエンドポイントを使えません（例: 管理者ではない）。',
      RATE_LIMIT_EXCEEDED:
        '呼び出しが多すぎます。サーバーは少し待ってから再試行するよう求めています。',
      INTERNAL_ERROR:
        'サーバーが処理中に失敗しました。id はサーバーのログでこの障害を特定するためのものです。',
      ACCESS_DENIED: 'このエンドポイントは、この種類のトークンには開かれていません。',
    },
    retryAfter: '{seconds} 秒後に再試行してください。',
    incident: '障害 ID',
    missingField: '本文に "{field}" がありません。追加してください（「必須項目」で挿入できます）。',
    showField: '本文の "{field}" を表示',
  },
  sidebar: {
    label: 'サイドバー',
    endpoints: 'エンドポイント',
    history: '履歴',
    collections: 'コレクション',
    noServer:
      'サーバーを開くとエンドポイントが一覧表示されます。履歴とコレクションはサーバーなしでも使えます。',
  },
  open: {
    serverFailed: '{origin} を開けなかったため、リクエストをエディターに入れませんでした。',
    noServer: '先にサーバーを開いてください。このリクエストにはサーバーの指定がありません。',
    unknownEndpoint: '{host} には {endpoint} というエンドポイントがありません。',
  },
  ...storageMessages,
  ...settingsMessages,
  ...schemaMessages,
  ...checkMessages,
  errors: errorMessages,
  units: {
    bytes: '{value} B',
    kilobytes: '{value} KB',
    megabytes: '{value} MB',
    milliseconds: '{value} ミリ秒',
    seconds: '{value} 秒',
  },
}
