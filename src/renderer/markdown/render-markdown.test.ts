import { describe, expect, it } from 'vitest'
import { renderMarkdown } from './render-markdown.ts'

/** Every tag name and attribute name in an HTML string, lower-cased. */
function tagsAndAttributes(html: string): { tags: string[]; attributes: string[] } {
  const tags: string[] = []
  const attributes: string[] = []
  for (const match of html.matchAll(/<\/?([a-zA-Z][\w-]*)([^>]*)>/g)) {
    tags.push(match[1]!.toLowerCase())
    for (const attribute of match[2]!.matchAll(
      /([^\s"'=<>/]+)\s*(?:=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?/g,
    )) {
      attributes.push(attribute[1]!.toLowerCase())
    }
  }
  return { tags, attributes }
}

const safeTags = new Set([
  'p',
  'em',
  'strong',
  'code',
  'pre',
  'ul',
  'ol',
  'li',
  'a',
  'img',
  'blockquote',
  'br',
  'hr',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  's',
])
const safeAttributes = new Set([
  'href',
  'target',
  'rel',
  'src',
  'alt',
  'title',
  'referrerpolicy',
  'loading',
  'style',
  'class',
  'start',
])

function expectSafe(html: string) {
  const { tags, attributes } = tagsAndAttributes(html)
  for (const tag of tags) expect(safeTags.has(tag), `<${tag}> in ${html}`).toBe(true)
  for (const attribute of attributes) {
    expect(safeAttributes.has(attribute), `${attribute} in ${html}`).toBe(true)
    expect(attribute.startsWith('on'), `${attribute} in ${html}`).toBe(false)
  }
  for (const match of html.matchAll(/\s(?:href|src)="([^"]*)"/g)) {
    expect(match[1], html).toMatch(/^https?:\/\//)
  }
  // Tables align cells with a style attribute; nothing else may come through one.
  for (const match of html.matchAll(/\sstyle="([^"]*)"/g)) {
    expect(match[1], html).toMatch(/^text-align:(left|right|center)$/)
  }
  expect(html).not.toMatch(/<script|<iframe|<object|<embed|<svg|<math|<style/i)
}

describe('renderMarkdown', () => {
  const attacks = [
    '<img src=x onerror=alert(1)>',
    'Text <script>alert(1)</script> more',
    '<a href="javascript:alert(1)">x</a>',
    '[click](javascript:alert(1))',
    '[click](JaVaScRiPt:alert(1))',
    '[click]( javascript:alert(1) )',
    '[click](java\tscript:alert(1))',
    '[click](&#106;avascript:alert(1))',
    '[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
    '[vb](vbscript:msgbox(1))',
    '[file](file:///etc/passwd)',
    '![img](javascript:alert(1))',
    '![img](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)',
    '<javascript:alert(1)>',
    '[ref][1]\n\n[1]: javascript:alert(1)',
    '[t](http://x.example "a\\" onmouseover=\\"alert(1)")',
    '<svg onload=alert(1)>',
    '<iframe src="https://evil.example"></iframe>',
    '``` onerror=alert(1)\ncode\n```',
    '<style>body{display:none}</style>',
    '|a|b|\n|:-|-:|\n|<b onclick=x>1</b>|[x](javascript:y)|',
    '[x](https://ok.example)<img src=x onerror=alert(1)>',
  ]

  it.each(attacks)('never makes anything executable of %j', (source) => {
    const html = renderMarkdown(source)
    expectSafe(html)
    expect(html).not.toMatch(/(?:href|src)="\s*(?:javascript|vbscript|data|file):/i)
  })

  it('shows raw HTML as text instead of dropping it', () => {
    expect(renderMarkdown('<img src=x onerror=alert(1)>')).toBe(
      '<p>&lt;img src=x onerror=alert(1)&gt;</p>\n',
    )
    expect(renderMarkdown('<script>alert(1)</script>')).toBe(
      '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n',
    )
  })

  it('leaves a link it refuses as the text it was written as', () => {
    expect(renderMarkdown('[click](javascript:alert(1))')).toBe(
      '<p>[click](javascript:alert(1))</p>\n',
    )
    expect(renderMarkdown('[api](/api/notes/create)')).toBe('<p>[api](/api/notes/create)</p>\n')
  })

  it('renders ordinary markdown: emphasis, code, lists, http(s) links opening outside', () => {
    const html = renderMarkdown(
      [
        'Create a **note**, *quickly*, with `text`.',
        '',
        '- one',
        '- two',
        '',
        '```',
        'fetch("/api/notes/create")',
        '```',
        '',
        'See [the docs](https://misskey-hub.net/docs/ "Docs") or http://example.com/x.',
      ].join('\n'),
    )
    expect(html).toContain('<strong>note</strong>')
    expect(html).toContain('<em>quickly</em>')
    expect(html).toContain('<code>text</code>')
    expect(html).toContain('<ul>\n<li>one</li>\n<li>two</li>\n</ul>')
    expect(html).toContain('<pre><code>fetch(&quot;/api/notes/create&quot;)\n</code></pre>')
    expect(html).toContain(
      '<a href="https://misskey-hub.net/docs/" title="Docs" target="_blank" rel="noopener noreferrer">the docs</a>',
    )
    expect(html).toContain(
      '<a href="http://example.com/x" target="_blank" rel="noopener noreferrer">http://example.com/x</a>',
    )
    expectSafe(html)
  })

  it('keeps https images, without a referrer and loaded lazily', () => {
    expect(renderMarkdown('![logo](https://example.com/a.png)')).toBe(
      '<p><img src="https://example.com/a.png" alt="logo" referrerpolicy="no-referrer" loading="lazy"></p>\n',
    )
  })

  it('renders a real Misskey description footer as bold and italic text', () => {
    const html = renderMarkdown('**Credential required**: *Yes* / **Permission**: *write:notes*')
    expect(html).toBe(
      '<p><strong>Credential required</strong>: <em>Yes</em> / <strong>Permission</strong>: <em>write:notes</em></p>\n',
    )
  })
})
