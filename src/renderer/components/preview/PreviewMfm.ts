import { useI18n } from 'vue-i18n'
import { defineComponent, h, onBeforeUnmount, shallowRef, watch, type PropType } from 'vue'
import type { MfmNode } from 'mfm-js'
import {
  renderMfm,
  textWithBreaks,
  type MfmActionValue,
  type MfmContext,
} from '../../preview/mfm-render.ts'
import { mfmParser, maxMfmLength } from '../../preview/mfm-parser.ts'
import {
  usePreviewContext,
  wantsSendNow,
  type PreviewDestination,
} from '../../preview/preview-context.ts'
import PreviewImage from './PreviewImage.vue'
import '../../styles/mfm.css'

// Past this, text is not even drawn whole: a 1 MB note shows its start and how much is left out.
const maxShownLength = 100_000

function destinationOf(value: MfmActionValue): PreviewDestination {
  if (value.kind === 'mention')
    return { endpoint: 'users/show', body: { username: value.username, host: value.host } }
  if (value.kind === 'hashtag') return { endpoint: 'notes/search-by-tag', body: { tag: value.tag } }
  return { endpoint: 'notes/search', body: { query: value.query } }
}

/**
 * Text in MFM, drawn as Misskey draws it. The plain text shows at once; the parsed tree (from a
 * worker, see mfm-parser.ts) replaces it when ready, so a long timeline never waits on the parser.
 */
export default defineComponent({
  name: 'PreviewMfm',
  props: {
    text: { type: String, required: true },
    /** Names: only emoji, no markup (Misskey's parseSimple). */
    simple: { type: Boolean, default: false },
    /** Custom emoji of a remote note or user: name → URL. Local ones are under the server. */
    emojis: { type: Object as PropType<Record<string, unknown> | null>, default: null },
  },
  setup(props) {
    const preview = usePreviewContext()
    const { t } = useI18n()
    const parser = mfmParser()
    const tree = shallowRef<MfmNode[] | null | undefined>(undefined)
    let cancel: (() => void) | null = null

    watch(
      () => [props.text, props.simple] as const,
      ([text, simple]) => {
        cancel?.()
        cancel = null
        tree.value = parser.cached(text, simple)
        if (tree.value !== undefined) return
        const job = parser.parse(text, simple)
        cancel = job.cancel
        void job.result.then((nodes) => {
          if (props.text === text) tree.value = nodes
        })
      },
      { immediate: true },
    )
    onBeforeUnmount(() => cancel?.())

    const context: MfmContext = {
      customEmoji(name) {
        const own = props.emojis?.[name]
        const origin = preview.serverOrigin
        const src =
          typeof own === 'string'
            ? own
            : origin
              ? `${origin}/emoji/${encodeURIComponent(name)}.webp`
              : null
        return src ? h(PreviewImage, { src, alt: `:${name}:`, variant: 'emoji' }) : null
      },
      action(kind, value, label) {
        const destination = destinationOf(value)
        if (!preview.has(destination.endpoint)) return h('span', { class: `mfm-${kind}` }, label)
        return h(
          'a',
          {
            class: ['mfm-action', `mfm-${kind}`],
            href: '#',
            'data-testid': `mfm-${kind}`,
            onClick: (event: MouseEvent) => {
              event.preventDefault()
              event.stopPropagation()
              preview.go(destination, wantsSendNow(event))
            },
          },
          label,
        )
      },
    }

    return () => {
      const text = props.text
      const nodes = tree.value
      if (nodes) return h('span', { class: 'mfm', 'data-mfm': 'drawn' }, renderMfm(nodes, context))
      const shown = text.length > maxShownLength ? text.slice(0, maxShownLength) : text
      const children = textWithBreaks(shown)
      if (text.length > maxMfmLength)
        children.push(
          h(
            'span',
            { class: 'mfm-cut', 'data-testid': 'mfm-too-long' },
            text.length > maxShownLength
              ? t('preview.mfm.cut', { shown: maxShownLength, count: text.length })
              : t('preview.mfm.tooLong'),
          ),
        )
      return h('span', { class: 'mfm', 'data-mfm': nodes === null ? 'plain' : 'pending' }, children)
    }
  },
})
