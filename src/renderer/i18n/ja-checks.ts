// 日本語: 保存したリクエストのチェック（期待する結果）。保存ダイアログで編集する。
import type { checkMessages as english } from './en-checks.ts'
import type { Translation } from './translation.ts'

export const checkMessages: Translation<typeof english> = {
  checks: {
    legend: 'チェック',
    hint: '実行時にレスポンスについて確かめる内容です。ここでも、CI での misskey-explorer run でも使われます。ステータスもエラーコードも指定しなければ、2xx のステータスならどれでも合格です。',
    status: 'ステータス',
    errorCode: 'Misskey のエラーコード',
    errorCodePlaceholder: 'NO_SUCH_NOTE',
    durationUnder: '応答時間の上限（ミリ秒）',
    path: 'レスポンスのパス',
    pathPlaceholder: 'createdNote.text',
    kind: 'チェック内容',
    kindEquals: '等しい',
    kindExists: '存在する',
    kindMissing: '存在しない',
    kindMatches: '正規表現に一致',
    value: '値',
    valueEqualsPlaceholder: '"hello"、5、true、null など',
    valueMatchesPlaceholder: '^hel',
    add: 'レスポンスのチェックを追加',
    remove: 'このチェックを削除',
    badStatus: 'ステータスは 100 から 599 までの数値です。',
    badErrorCode: 'Misskey のエラーコードは英大文字・数字・_ からなります（例: NO_SUCH_NOTE）。',
    badDuration: '時間は 0 より大きいミリ秒単位の整数で指定してください。',
    badPath: '{path} はレスポンスのパスではありません（例: notes[0].id）。',
    badPattern: '{pattern} は正規表現ではありません。',
    failed: 'チェック失敗: {check}（{reason}）',
  },
}
