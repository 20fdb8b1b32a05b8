import { decodeEntities } from '../../../shared/text/html-entities'
import { Lexer, type Token, type Tokens } from 'marked'
import { guessLanguage } from '../guess-language'
import { flattenDeepMarkdown } from './flatten-deep-markdown'
import { assembleText, type Block } from '../plain-text/assemble-text'
import { titleFromFileName, type ParsedText } from '../plain-text/parse-plain-text'

/** YAML front matter at the very start: `---` lines around `key: value` pairs. */
const frontMatter = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/

/**
 * Reads a Markdown file as a document: headings, paragraphs, quotes, list items and image alt
 * texts become blocks of plain text. Markup is never kept: raw HTML contributes only its text, so
 * nothing active can reach the reader. The first level-1 heading (or a front-matter title, or
 * the file name) is the title.
 */
export function parseMarkdown(source: string, fileName: string): ParsedText {
  const matter = frontMatter.exec(source)
  // Nesting beyond what notes need is flattened first: the lexer recurses once per level.
  const body = flattenDeepMarkdown(matter ? source.slice(matter[0].length) : source)
  const declaredTitle = matter ? /^title:\s*["']?(.+?)["']?\s*$/m.exec(matter[1]!)?.[1] : undefined
  const author = matter ? /^author:\s*["']?(.+?)["']?\s*$/m.exec(matter[1]!)?.[1] : undefined
  const blocks: Block[] = []
  for (const token of Lexer.lex(body, { gfm: true })) blocks.push(...blocksOf(token))

  let title = declaredTitle
  const firstHeading = blocks.findIndex((b) => b.kind === 'heading')
  if (
    !title &&
    firstHeading === 0 &&
    (Lexer.lex(body)[0] as Tokens.Heading | undefined)?.depth === 1
  ) {
    title = blocks[0]!.text
    blocks.shift()
  }
  title ??= titleFromFileName(fileName) ?? 'Untitled'
  const withTitle: Block[] = [
    { kind: 'title', text: title },
    ...blocks.filter((b) => b.text.length > 0),
  ]
  const content = assembleText(withTitle)
  const language =
    guessLanguage(
      blocks
        .filter((b) => b.kind === 'paragraph')
        .map((b) => b.text)
        .join(' '),
    ) ?? 'und'
  return {
    title,
    ...(author ? { author } : {}),
    language,
    content,
    wordCount: (content.text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? []).length,
  }
}

function blocksOf(token: Token): Block[] {
  switch (token.type) {
    case 'heading':
      return [{ kind: 'heading', text: inlineText((token as Tokens.Heading).tokens) }]
    case 'paragraph': {
      const paragraph = token as Tokens.Paragraph
      const images = paragraph.tokens.filter((t): t is Tokens.Image => t.type === 'image')
      const text = inlineText(paragraph.tokens.filter((t) => t.type !== 'image'))
      return [
        ...images.map((image): Block => ({ kind: 'figure-alt', text: clean(image.text) })),
        { kind: 'paragraph', text },
      ]
    }
    case 'blockquote':
      return [
        {
          kind: 'quote',
          text: (token as Tokens.Blockquote).tokens
            .flatMap(blocksOf)
            .map((b) => b.text)
            .join(' '),
        },
      ]
    case 'list':
      return (token as Tokens.List).items.map((item) => ({
        kind: 'list-item',
        text: item.tokens
          .flatMap(blocksOf)
          .map((b) => b.text)
          .join(' '),
      }))
    case 'text':
      return [
        {
          kind: 'paragraph',
          text: 'tokens' in token && token.tokens ? inlineText(token.tokens) : clean(token.text),
        },
      ]
    case 'code':
      return [{ kind: 'paragraph', text: clean((token as Tokens.Code).text) }]
    case 'html':
      return [{ kind: 'paragraph', text: textOfHtml((token as Tokens.HTML).text) }]
    case 'table': {
      const table = token as Tokens.Table
      const rows = [table.header, ...table.rows].map((row) =>
        row.map((cell) => inlineText(cell.tokens)).join(' · '),
      )
      return rows.map((text) => ({ kind: 'paragraph', text }))
    }
    default:
      return []
  }
}

/** The visible text of inline tokens: emphasis, links and code keep their words only. */
function inlineText(tokens: readonly Token[]): string {
  return clean(
    tokens
      .map((token) => {
        if (token.type === 'html') return textOfHtml(token.text)
        if (token.type === 'br') return ' '
        if (token.type === 'image') return (token as Tokens.Image).text
        if ('tokens' in token && token.tokens) return inlineText(token.tokens)
        return 'text' in token ? decodeEntities(String(token.text)) : ''
      })
      .join(''),
  )
}

/** Text of an HTML fragment: tags dropped, scripts and styles dropped whole, entities decoded. */
function textOfHtml(html: string): string {
  return clean(
    decodeEntities(
      html.replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ' ').replace(/<[^>]*>/g, ' '),
    ),
  )
}

function clean(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}
