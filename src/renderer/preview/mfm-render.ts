// MFM tree → Vue VNodes, following Misskey's own MkMfm.ts: every node becomes elements and text
// nodes built here, never an HTML string, so nothing in a note can become markup or script.
import { h, type VNode, type VNodeArrayChildren, type VNodeChild } from 'vue'
import type { MfmFn, MfmNode } from 'mfm-js'
import { httpUrl, mfmColor, mfmNumber } from './safe-url.ts'

/** What rendering needs from its surroundings: custom emoji images and walking to other objects. */
export interface MfmContext {
  /** A custom emoji's image (an allowed, bounded image), or null to show `:name:`. */
  customEmoji(name: string): VNode | null
  /** Mentions, hashtags and searches prepare an endpoint; a link element for them. */
  action(kind: 'mention' | 'hashtag' | 'search', value: MfmActionValue, label: MfmLabel): VNode
}

/** A link's text: a string, or the drawn children of an MFM link. */
export type MfmLabel = string | VNodeArrayChildren

export type MfmActionValue =
  | { kind: 'mention'; username: string; host: string | null }
  | { kind: 'hashtag'; tag: string }
  | { kind: 'search'; query: string }

// mfm-js nests at most 20 deep by default; a hostile tree built by hand still stops here.
const maxDepth = 64

/** Plain text with its line breaks kept, as MkMfm does. */
export function textWithBreaks(text: string): VNodeChild[] {
  const lines = text.split('\n')
  const out: VNodeChild[] = []
  lines.forEach((line, index) => {
    if (index > 0) out.push(h('br'))
    if (line) out.push(line)
  })
  return out
}

export function renderMfm(nodes: MfmNode[], context: MfmContext): VNodeChild[] {
  return renderNodes(nodes, context, 0)
}

function renderNodes(
  nodes: MfmNode[] | undefined,
  context: MfmContext,
  depth: number,
): VNodeChild[] {
  if (!nodes) return []
  return nodes.flatMap((node) => renderNode(node, context, depth + 1))
}

function plainOf(node: MfmNode): string {
  if (node.type === 'text') return node.props.text
  return (node.children ?? []).map((child) => plainOf(child as MfmNode)).join('')
}

function renderNode(node: MfmNode, context: MfmContext, depth: number): VNodeChild[] {
  if (depth > maxDepth) return [plainOf(node)]
  const children = () => renderNodes(node.children as MfmNode[] | undefined, context, depth)
  switch (node.type) {
    case 'text':
      return textWithBreaks(node.props.text)
    case 'bold':
      return [h('b', children())]
    case 'strike':
      return [h('del', children())]
    case 'italic':
      return [h('i', { class: 'mfm-italic' }, children())]
    case 'small':
      return [h('small', { class: 'mfm-small' }, children())]
    case 'center':
      return [h('div', { class: 'mfm-center' }, children())]
    case 'quote':
      return [h('blockquote', { class: 'mfm-quote' }, children())]
    case 'plain':
      return [h('span', children())]
    case 'inlineCode':
      return [h('code', { class: 'mfm-inline-code' }, node.props.code)]
    case 'blockCode':
      return [
        h('pre', { class: 'mfm-code-block', 'data-lang': node.props.lang ?? undefined }, [
          h('code', node.props.code),
        ]),
      ]
    case 'mathInline':
      return [h('code', { class: 'mfm-math' }, node.props.formula)]
    case 'mathBlock':
      return [h('pre', { class: 'mfm-math' }, node.props.formula)]
    case 'unicodeEmoji':
      return [h('span', { class: 'mfm-emoji' }, node.props.emoji)]
    case 'emojiCode':
      return [context.customEmoji(node.props.name) ?? `:${node.props.name}:`]
    case 'mention': {
      const { username, host, acct } = node.props
      return [context.action('mention', { kind: 'mention', username, host }, acct)]
    }
    case 'hashtag':
      return [
        context.action(
          'hashtag',
          { kind: 'hashtag', tag: node.props.hashtag },
          `#${node.props.hashtag}`,
        ),
      ]
    case 'search':
      return [
        h('span', { class: 'mfm-search' }, [
          context.action('search', { kind: 'search', query: node.props.query }, node.props.content),
        ]),
      ]
    case 'url':
      return [externalLink(node.props.url, node.props.url)]
    case 'link':
      return [externalLink(node.props.url, children(), node.props.url)]
    case 'fn':
      return renderFunction(node, children, depth)
    default:
      return [plainOf(node)]
  }
}

/** A link that leaves the app (the system browser, through main) only when it is http(s). */
function externalLink(url: string, label: MfmLabel, title?: string): VNode {
  const safe = httpUrl(url)
  if (!safe) return h('span', { class: 'mfm-link mfm-link--refused', title: url }, label)
  return h(
    'a',
    {
      class: 'mfm-link',
      href: safe,
      title: title ?? safe,
      target: '_blank',
      rel: 'noopener noreferrer nofollow',
      referrerpolicy: 'no-referrer',
    },
    label,
  )
}

const fontFamilies: Record<string, string> = {
  serif: 'serif',
  monospace: 'monospace',
  cursive: 'cursive',
  fantasy: 'fantasy',
  emoji: 'emoji',
  math: 'math',
}

/**
 * The `$[…]` functions Misskey draws. Animations (tada, spin, jelly…) are drawn still, as
 * Misskey does with animated MFM turned off; unknown ones show as the text they were written as.
 */
function renderFunction(node: MfmFn, children: () => VNodeChild[], depth: number): VNodeChild[] {
  const { name, args } = node.props
  const styled = (style: Record<string, string>, className = `mfm-fn-${name}`) => [
    h('span', { class: ['mfm-fn', className], style }, children()),
  ]
  switch (name) {
    case 'x2':
    case 'x3':
    case 'x4':
      return styled({ fontSize: { x2: '200%', x3: '400%', x4: '600%' }[name] })
    case 'flip': {
      const transform = args.h && args.v ? 'scale(-1, -1)' : args.v ? 'scaleY(-1)' : 'scaleX(-1)'
      return styled({ transform, display: 'inline-block' })
    }
    case 'font': {
      const family = Object.keys(args).find((key) => key in fontFamilies)
      return styled(family ? { fontFamily: fontFamilies[family] as string } : {})
    }
    case 'blur':
      return styled({}, 'mfm-fn-blur')
    case 'rotate':
      return styled({
        transform: `rotate(${mfmNumber(args.deg, 90, -360, 360)}deg)`,
        transformOrigin: 'center center',
        display: 'inline-block',
      })
    case 'position':
      return styled({
        transform: `translateX(${mfmNumber(args.x, 0, -5, 5)}em) translateY(${mfmNumber(args.y, 0, -5, 5)}em)`,
        display: 'inline-block',
      })
    case 'scale':
      return styled({
        transform: `scale(${mfmNumber(args.x, 1, -5, 5)}, ${mfmNumber(args.y, 1, -5, 5)})`,
        display: 'inline-block',
      })
    case 'fg':
      return styled({ color: mfmColor(args.color) ?? '#f00', overflowWrap: 'anywhere' })
    case 'bg':
      return styled({ backgroundColor: mfmColor(args.color) ?? '#f00', overflowWrap: 'anywhere' })
    case 'border': {
      const color = mfmColor(args.color) ?? 'var(--text)'
      const width = mfmNumber(args.width, 1, 0, 10)
      const radius = mfmNumber(args.radius, 0, 0, 100)
      const style =
        typeof args.style === 'string' && /^(solid|dashed|dotted|double)$/.test(args.style)
          ? args.style
          : 'solid'
      return styled({
        border: `${width}px ${style} ${color}`,
        borderRadius: `${radius}px`,
        overflow: args.noclip ? 'visible' : 'clip',
        display: 'inline-block',
      })
    }
    case 'tada':
      return styled({ fontSize: '150%', display: 'inline-block' })
    case 'jelly':
    case 'twitch':
    case 'shake':
    case 'spin':
    case 'jump':
    case 'bounce':
    case 'rainbow':
    case 'sparkle':
      return styled({ display: 'inline-block' })
    case 'ruby': {
      const text = plainOf(node).trim()
      const space = text.indexOf(' ')
      if (space < 0) return [text]
      return [h('ruby', [text.slice(0, space), h('rt', text.slice(space + 1))])]
    }
    case 'unixtime': {
      const seconds = Number.parseInt(plainOf(node), 10)
      const date = Number.isFinite(seconds) ? new Date(seconds * 1000) : null
      return [
        h(
          'time',
          { class: 'mfm-unixtime' },
          date && !Number.isNaN(date.getTime()) ? date.toLocaleString() : plainOf(node),
        ),
      ]
    }
    default:
      void depth
      return [h('span', ['$[', name, ' ', ...children(), ']'])]
  }
}
