// 日本語: アカウント、サインイン、トークンの送り方。用語は Misskey の日本語 UI に合わせる。
import type { accountMessages as english } from './en-accounts.ts'
import type { Translation } from './translation.ts'

export const accountMessages: Translation<typeof english> = {
  accounts: {
    switcherNone: 'アカウントなし',
    switcherTitle: 'このサーバーのアカウント',
    dialogTitle: '{host} のアカウント',
    close: '閉じる',
    empty:
      'このサーバーのアカウントはまだありません。下から追加できます。トークンなしでもリクエストは送れます。',
    active: '使用中',
    use: '使う',
    rename: '名前を変更',
    save: '保存',
    remove: '削除',
    confirmRemove: '{label} を削除しますか？ トークンはキーチェーンから消去されます。',
    source: {
      pasted: '貼り付けたトークン',
      miauth: 'MiAuth',
      oauth: 'OAuth 2',
    },
    permissionsAll: 'すべての権限（ログイントークン）',
    permissionsUnknown: '権限は不明',
    permissionsCount: '権限なし | 権限 1 件 | 権限 {count} 件',
    tail: 'トークン {tail}',
    orphans: {
      title: 'キーチェーンに残っているトークン',
      why: 'これらのトークンは、アプリがもう把握していないアカウントのものです。アカウントの一覧を読み込めなかったため、一覧は別の場所に移しました。アプリはこれらのトークンを使えません。手作業で復元するつもりがなければ、キーチェーンから削除してください。',
      setAside: '移したファイル: {files}',
      delete: 'キーチェーンから削除',
      confirmDelete: 'トークン …{tail} をキーチェーンから削除しますか？元に戻せません。',
    },
    addTitle: 'アカウントを追加',
    tabs: {
      token: 'トークンを貼り付け',
      miauth: 'MiAuth',
      oauth: 'OAuth 2',
    },
    labelLabel: 'ラベル（任意）',
    labelPlaceholder: '例: bot、読み取り専用',
    tokenLabel: 'アクセストークン',
    tokenHint:
      'サーバーの「設定 › API」で発行できます。サーバーで確認したうえで、システムのキーチェーンにだけ保存します。',
    addToken: '確認して保存',
    miauthHint: 'サーバーの認可ページがブラウザーで開きます。求める権限を選んでください:',
    presets: {
      readAll: 'すべて読み取り',
      all: 'すべて',
      custom: 'カスタム',
    },
    selectedCount: '{count} 件選択',
    openBrowser: 'ブラウザーを開く',
    oauthUnsupported:
      'このサーバーは OAuth 2 に対応していません（/.well-known/oauth-authorization-server がありません）。MiAuth かトークンを使ってください。',
    oauthChecking: 'このサーバーが OAuth 2 に対応しているか確認しています…',
    clientIdLabel: 'client_id（クライアントページの https の URL）',
    redirectUriLabel:
      'リダイレクト URI（そのページに記載のもの。ポート付きのループバックアドレス）',
    oauthHint:
      'Misskey は、リダイレクト URI を記載したページで OAuth クライアントを識別します。アプリはリダイレクト URI のポートで応答を待ち受けます。',
    waiting: 'ブラウザーでの承認を待っています…',
    waitingUrl: 'ブラウザーが開かない場合は、こちらを開いてください:',
    cancel: 'キャンセル',
    completed: '{label} としてサインインしました。',
    cancelled: 'サインインをキャンセルしました。',
    failed: 'サインインに失敗しました: {message}',
    dismiss: 'OK',
  },
  auth: {
    modeLabel: 'トークン',
    body: '本文の "i"',
    header: 'ヘッダー',
    none: 'なし',
    noAccount: 'このサーバーのアカウントがないため、トークンなしで送ります。',
    as: '{label} として',
    warnings: {
      CREDENTIAL_NEEDED:
        'このエンドポイントにはトークンが必要です。トークンなしではサーバーが CREDENTIAL_REQUIRED を返します。',
      PERMISSION_NOT_GRANTED:
        '{account} には {permission} の権限がありません。PERMISSION_DENIED が返るはずです。',
      BODY_I_REPLACED: '本文の "i" はアカウントのトークンに置き換えられます。',
      BODY_I_IGNORED:
        'サーバーはヘッダーのトークンを使います。本文の "i" は送られますが無視されます。',
      BODY_I_SENT: '本文の "i" は入力どおりに送られます。このリクエストは匿名ではありません。',
    },
    notString:
      '送信しません: 本文の "i" は文字列でなければなりません。それ以外では Misskey サーバーは応答しません。',
  },
}
