// 日本語: 本文エディターのスキーマ検査（Monaco の JSON ワーカーの英語メッセージ）の訳。
import type { schemaMessages as english } from './en-schema.ts'
import type { Translation } from './translation.ts'

export const schemaMessages: Translation<typeof english> = {
  schema: {
    missingProperty: 'プロパティ "{0}" がありません。',
    incorrectType: '型が違います。"{0}" が必要です。',
    incorrectTypes: '型が違います。{0} のいずれかが必要です。',
    notAllowed: 'プロパティ {0} は使えません。',
    notAccepted: 'この値は受け付けられません。使える値: {0}。',
    mustBe: '値は {0} でなければなりません。',
    tooShort: '文字列が最小の長さ {0} より短いです。',
    tooLong: '文字列が最大の長さ {0} より長いです。',
    pattern: '文字列がパターン "{0}" に一致しません。',
    belowMinimum: '値が最小値 {0} より小さいです。',
    aboveMaximum: '値が最大値 {0} より大きいです。',
    tooFewItems: '配列の要素が少なすぎます。{0} 個以上必要です。',
    tooManyItems: '配列の要素が多すぎます。{0} 個以下にしてください。',
    duplicateItems: '配列に重複した要素があります。',
    dependency: 'プロパティ {1} があるときは、プロパティ {0} が必要です。',
    noRuleMatches: '要素が配列のどの検証ルールにも一致しません。',
    deprecated: 'この値は非推奨です',
    trailingComma: '末尾にカンマがあります',
    valueExpected: '値がありません',
    propertyExpected: 'プロパティがありません',
    colonExpected: 'コロンがありません',
    commaExpected: 'カンマがありません',
    endOfFileExpected: 'ファイルの終わりが必要です。',
  },
}
