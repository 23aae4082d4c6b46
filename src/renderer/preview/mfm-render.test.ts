import { parse, type MfmNode } from 'mfm-js'
import { createSSRApp, h } from 'vue'
import { renderToString } from 'vue/server-renderer'
import { describe, expect, it } from 'vitest'
import { renderMfm, type MfmContext } from './mfm-render.ts'

// What a note's text becomes in the page, read back as the markup Vue would build.
const context: MfmContext = {
  customEmoji: (name) =>
    h('img', { class: 'emoji', alt: `:${name}:`, src: `https://x.test/${name}` }),
  action: (kind, _value, label) => h('a', { class: `action-${kind}`, href: '#' }, label),
}

async function draw(text: string): Promise<string> {
  const app = createSSRApp({ render: () => h('div', renderMfm(parse(text), context)) })
  return renderToString(app)
}

describe('MFM drawn as Misskey draws it', () => {
  it('draws the markup of a note as elements', async () => {
    const html = await draw(
      'Hi **bold** <i>it</i> <small>s</small> ~~gone~~\n<center>c</center>\n> q\n`code`\n```js\nx<1\n```\n@alice@remote.test #tag :party: 🍮\nweather search',
    )
    expect(html).toContain('<b>bold</b>')
    expect(html).toContain('<i class="mfm-italic">it</i>')
    expect(html).toContain('<small class="mfm-small">s</small>')
    expect(html).toContain('<del>gone</del>')
    expect(html).toContain('<div class="mfm-center">c</div>')
    expect(html).toContain('<blockquote class="mfm-quote">q</blockquote>')
    expect(html).toContain('<code class="mfm-inline-code">code</code>')
    expect(html).toContain('<pre class="mfm-code-block" data-lang="js"><code>x&lt;1</code></pre>')
    expect(html).toContain('<a class="action-mention" href="#">@alice@remote.test</a>')
    expect(html).toContain('<a class="action-hashtag" href="#">#tag</a>')
    expect(html).toContain('alt=":party:"')
    expect(html).toContain('<span class="mfm-emoji">🍮</span>')
    expect(html).toContain(
      '<span class="mfm-search"><a class="action-search" href="#">weather search</a></span>',
    )
  })

  it('draws the $[…] functions Misskey supports and shows the others as written', async () => {
    const html = await draw(
      '$[x2 big] $[flip.h,v both] $[fg.color=f00 red] $[bg.color=zz fallback] $[rotate.deg=45 r] $[ruby 漢字 かんじ] $[nosuch kept]',
    )
    expect(html).toMatch(/<span class="mfm-fn mfm-fn-x2" style="font-size:200%;">big<\/span>/)
    expect(html).toContain('transform:scale(-1, -1)')
    expect(html).toContain('color:#f00')
    // A colour that is not hex never reaches the style: Misskey's default instead.
    expect(html).toContain('background-color:#f00')
    expect(html).not.toContain('zz')
    expect(html).toContain('rotate(45deg)')
    expect(html).toContain('<ruby>漢字<rt>かんじ</rt></ruby>')
    expect(html).toContain('<span>$[nosuch kept]</span>')
  })

  it('never turns text into markup, and links leave only for http(s)', async () => {
    const html = await draw(
      '<img src=x onerror=alert(1)> <script>alert(2)</script> [js](javascript:alert(3)) [ok](https://misskey.test/a) https://misskey.test/b',
    )
    expect(html).not.toMatch(/<img|<script|href="javascript/)
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;')
    expect(html).toContain('&lt;script&gt;alert(2)&lt;/script&gt;')
    expect(html).toMatch(
      /<a class="mfm-link" href="https:\/\/misskey.test\/a"[^>]*target="_blank" rel="noopener noreferrer nofollow"/,
    )
    expect(html).toContain('href="https://misskey.test/b"')
  })

  it('refuses a hostile tree’s javascript: and data: links even when a parser let them through', async () => {
    const tree: MfmNode[] = [
      {
        type: 'link',
        props: { silent: false, url: 'javascript:alert(1)' },
        children: [{ type: 'text', props: { text: 'js' } }],
      },
      { type: 'url', props: { url: 'data:text/html,<script>alert(1)</script>' } },
      { type: 'url', props: { url: 'file:///etc/passwd' } },
    ]
    const html = await renderToString(
      createSSRApp({ render: () => h('div', renderMfm(tree, context)) }),
    )
    expect(html).not.toContain('href=')
    expect(html).toContain(
      '<span class="mfm-link mfm-link--refused" title="javascript:alert(1)">js</span>',
    )
    expect(html).toContain('&lt;script&gt;')
  })

  it('bounds nesting: 200 levels of MFM draw without deep recursion', async () => {
    const nested = `${'$[x2 '.repeat(200)}deep${']'.repeat(200)}`
    const html = await draw(nested)
    const depth = html.split('<span class="mfm-fn').length - 1
    expect(depth).toBeGreaterThan(0)
    expect(depth).toBeLessThanOrEqual(64)
    expect(html).toContain('deep')
  })
})
