// 日本語: main が返すエラーコードごとの説明。{message} は main の英語のメッセージそのもの
// （詳細が main の言葉でしか書けないエラー）なので、日本語の説明で包んで示す。
import type { errorMessages as english } from './en-errors.ts'
import { streamingErrors } from './ja-streaming.ts'
import type { Translation } from './translation.ts'

export const errorMessages: Translation<typeof english> = {
  INVALID_ARGUMENT: 'アプリがメインプロセスに不正な呼び出しをしました（{path}: {reason}）。',
  UNTRUSTED_SENDER: 'このページはアプリの機能を使えません。',
  INTERNAL: 'アプリの内部で問題が起きました（{method}）。詳細はログにあります。',
  INVALID_SERVER_ADDRESS: {
    empty: 'misskey.io のようなサーバーのアドレスを入力してください。',
    scheme: '対応しているのは http と https のサーバーだけです（{scheme}: は使えません）。',
    credentials:
      'アドレスからユーザー名とパスワードを取り除いてください。サインインにはトークンを使います。',
    unparsable: '「{input}」はサーバーのアドレスではありません。',
  },
  SERVER_UNREACHABLE: {
    refused: '{host} が接続を拒否しました。サーバーは動いていますか？',
    dns: '{host} という名前が見つかりません。綴りと接続を確認してください。',
    tls: '{host} の証明書に問題があります: {problem}（{cause}）。この接続は使いませんでした。',
    'reset-mid-body':
      '{host} が応答の途中で接続を閉じました。届いた分は不完全なので表示していません。',
    reset: '{host} が応答する前に接続を閉じました。',
    other: '{host} に接続できませんでした（{cause}）。',
  },
  NOT_MISSKEY: '{host} は Misskey サーバーではないようです: {specProblem}。{endpointsProblem}。',
  CATALOG_NOT_LOADED: '先にサーバーを開いてください。',
  UNKNOWN_ENDPOINT: '{origin} には {endpoint} というエンドポイントがありません。',
  BODY_NOT_JSON: '本文が正しい JSON ではありません: {reason}',
  BODY_NOT_OBJECT: 'Misskey は本文に JSON オブジェクトを求めます（{found} ではなく）。',
  TIMEOUT: '{host} が {seconds} 秒以内に応答しませんでした。',
  CANCELLED: 'リクエストをキャンセルしました。',
  RESPONSE_TOO_LARGE:
    'レスポンスが {limitBytes} バイト（展開後のサイズ）を超えたため、途中で打ち切りました。',
  KEYCHAIN_UNAVAILABLE:
    'システムのキーチェーンが使えません（{reason}）。トークンはそこにしか保存しないため、読み込みも保存もしていません。トークンなしのリクエストは使えます。',
  TOKEN_REFUSED: 'サーバーがトークンを拒否しました: {serverCode}（{serverMessage}）。',
  UNKNOWN_ACCOUNT:
    'そのアカウントはもうありません。別のアカウントを選ぶか、トークンなしで送ってください。',
  ACCOUNT_SERVER_MISMATCH:
    'そのアカウントは {host} ではなく {accountHost} のものです。トークンを他のサーバーに送ることはありません。',
  BODY_TOKEN_NOT_STRING:
    '本文の "i" が文字列ではなく {found} です。Misskey サーバーはこのようなリクエストに応答しないため、送信しませんでした。',
  SIGN_IN_FAILED: 'サインインできませんでした: {message}',
  OAUTH_UNSUPPORTED: '{host} は OAuth 2 に対応していません。MiAuth かトークンを使ってください。',
  FILE_UNREADABLE: '{name} を読み込めません（{reason}）。',
  FILE_EMPTY:
    '{name} は空（0 バイト）です。Misskey サーバーは空のファイルのアップロードを拒否します。',
  UNKNOWN_FILE: 'ファイルを選び直してください。アプリはそのファイルをもう覚えていません。',
  UNKNOWN_RESPONSE: 'そのレスポンスはもう保持していません。リクエストを送り直してください。',
  FILE_UNWRITABLE: '{path} に書き込めません（{reason}）。何も保存していません。',
  INVALID_REDIRECT_URI:
    'リダイレクト URI は、http://127.0.0.1:38080/callback のようなポート付きのループバックアドレスでなければなりません。',
  STORAGE_FULL:
    'ディスクがいっぱいです: {path} への操作（{action}）ができませんでした。これまでに保存したものは失われていません。',
  STORAGE_NOT_WRITABLE: '{path} への操作（{action}）の権限がありません（{cause}）。',
  STORAGE_FAILED: '保存に失敗しました: {message}',
  STORAGE_LOCKED: '保存先が使用中です: {message}',
  HISTORY_CLOSED: '履歴は閉じています。',
  HISTORY_ENTRY_NOT_FOUND: 'その履歴はもうありません。削除された可能性があります。',
  COLLECTION_NOT_FOUND: 'コレクションのフォルダー {directory} がありません。',
  COLLECTION_NOT_OPEN: '先にコレクションのフォルダーを選んでください。',
  COLLECTION_ITEM_NOT_FOUND: '{path} は（もう）コレクションにありません。',
  COLLECTION_ITEM_INVALID: 'コレクションの項目を読み込めません: {message}',
  CAPTURED_VALUE_OTHER_SERVER:
    '{variable} の値は {capturedFrom} の応答から取り込んだものです。許可なく {sentTo} には送信しません（値を直接入力することもできます）。',
  COLLECTION_NAME_INVALID: 'その名前は使えません: {message}',
  COLLECTION_NAME_TAKEN: 'そこには {name} という項目がすでにあります。',
  COLLECTION_FOLDER_NOT_EMPTY: 'フォルダーが空ではありません: {message}',
  CURL_NOT_RECOGNIZED: 'curl コマンドとして読み取れませんでした: {message}',
  ZIP_INVALID: 'zip ファイルを読み込めません: {message}',
  IMPORT_TARGET_NOT_EMPTY:
    '{directory} は空ではありません。空のフォルダーか新しいフォルダーを選んでください。',
  bridgeMissing: 'アプリのメインプロセスとの連絡路がないため、何も送信できません。',
  ...streamingErrors,
}
