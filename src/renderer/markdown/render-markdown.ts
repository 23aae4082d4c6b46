// Endpoint descriptions are markdown written by whoever runs the server, so the HTML made from
// them must be safe for v-html: raw HTML is shown as text (`html: false`), only http(s) links
// and images survive (markdown-it leaves any other link as the text it was written as), and links
// open outside the app (main hands target=_blank http(s) URLs to the system browser).
import MarkdownIt from 'markdown-it'

const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false })

const webUrl = /^https?:\/\//i

// markdown-it's own check only refuses javascript:, vbscript:, file: and most data: URLs; this
// one allows the web and nothing else (no relative links either: the page is app://, not the
// server).
markdown.validateLink = (url: string) => webUrl.test(url.trim())

markdown.renderer.rules.link_open = (tokens, index, options, _env, self) => {
  const token = tokens[index]!
  token.attrSet('target', '_blank')
  token.attrSet('rel', 'noopener noreferrer')
  return self.renderToken(tokens, index, options)
}

const renderImage = markdown.renderer.rules.image!
markdown.renderer.rules.image = (tokens, index, options, env, self) => {
  const token = tokens[index]!
  // A remote image should not tell its server who is reading, nor load before it is seen.
  token.attrSet('referrerpolicy', 'no-referrer')
  token.attrSet('loading', 'lazy')
  return renderImage(tokens, index, options, env, self)
}

/** HTML for server-supplied markdown, safe to insert with v-html. */
export function renderMarkdown(source: string): string {
  return markdown.render(source)
}
