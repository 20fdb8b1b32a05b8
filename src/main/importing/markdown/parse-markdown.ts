import { decodeEntities } from '../../../shared/text/html-entities'
import { parseHTML } from 'linkedom'
import { Lexer, type Token, type Tokens } from 'marked'
import { guessLanguage } from '../guess-language'
import { blocksOfHtml, safeHref, shapeLimits } from '../html/blocks-of-html'
import { flattenDeepMarkup } from '../html/flatten-deep-markup'
import { flattenDeepMarkdown } from './flatten-deep-markdown'
import {
  footnoteReference,
  takeFootnoteDefinitions,
  type FootnoteDefinition,
} from './gfm-footnotes'
import { assembleText, type Block } from '../plain-text/assemble-text'
import { InlineText } from '../plain-text/inline-text'
import { titleFromFileName, type ParsedText } from '../plain-text/parse-plain-text'

/** YAML front matter at the very start: `---` lines around `key: value` pairs. */
const frontMatter = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/

/**
 * Reads a Markdown file as a document with its shape: headings with their level, paragraphs,
 * quotes, ordered lists with their numbers and nesting, tables as cells, code blocks exactly as
 * written, GitHub footnotes; emphasis, strong, code, https/mailto links and footnote references
 * as marks. Markup is never kept: raw HTML contributes only its text, so nothing active can
 * reach the reader. The first level-1 heading (or a front-matter title, or the file name) is the
 * title.
 */
export function parseMarkdown(source: string, fileName: string): ParsedText {
  const matter = frontMatter.exec(source)
  const { body: withoutNotes, definitions } = takeFootnoteDefinitions(
    matter ? source.slice(matter[0].length) : source,
  )
  // Nesting beyond what notes need is flattened first: the lexer recurses once per level.
  const body = flattenDeepMarkdown(withoutNotes)
  const declaredTitle = matter ? /^title:\s*["']?(.+?)["']?\s*$/m.exec(matter[1]!)?.[1] : undefined
  const author = matter ? /^author:\s*["']?(.+?)["']?\s*$/m.exec(matter[1]!)?.[1] : undefined
  const reader = new MarkdownReader(definitions)
  const blocks = reader.blocks(Lexer.lex(body, { gfm: true }), { quoteDepth: 0, listDepth: 0 })

  let title = declaredTitle
  if (!title && blocks[0]?.kind === 'heading' && blocks[0].level === 1) {
    title = blocks[0].text
    blocks.shift()
  }
  title ??= titleFromFileName(fileName) ?? 'Untitled'
  const withTitle = [
    { kind: 'title', text: title } satisfies Block,
    ...blocks,
    ...reader.footnotes(),
  ].filter((b) => b.text.length > 0)
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

/** Where the reading is: inside how many quotes, and the depth a list starting here gets. */
interface Context {
  readonly quoteDepth: number
  readonly listDepth: number
}

/** Marked's tokens as Lectern's blocks and marks. */
class MarkdownReader {
  /** Tables are numbered in document order, the HTML ones among them. */
  readonly #counters = { tables: 0 }
  /** One page for all the HTML blocks, each parsed into its body in turn. */
  #htmlBody: Element | null = null
  /** Footnotes by lower-case label, numbered in the order first referenced, as GitHub shows. */
  readonly #definitions = new Map<string, FootnoteDefinition>()
  readonly #numbers = new Map<string, number>()

  constructor(definitions: readonly FootnoteDefinition[]) {
    for (const definition of definitions) {
      const label = definition.label.toLowerCase()
      if (!this.#definitions.has(label)) this.#definitions.set(label, definition)
    }
  }

  blocks(tokens: readonly Token[], context: Context): Block[] {
    return tokens.flatMap((token) => this.#block(token, context))
  }

  /**
   * The footnotes, by number: those referenced in the order first referenced, as GitHub shows
   * them, then any never referenced (kept, not dropped).
   */
  footnotes(): Block[] {
    for (const label of this.#definitions.keys()) this.#numberOf(label)
    return [...this.#numbers.entries()]
      .sort((a, b) => a[1] - b[1])
      .flatMap(([label, number]) => {
        const run = new InlineText()
        for (const token of Lexer.lex(this.#definitions.get(label)!.source, { gfm: true })) {
          run.addSpace()
          if ('tokens' in token && token.tokens) this.#inline(token.tokens, run, false)
          else if ('text' in token) run.add(decodeEntities(String(token.text)))
        }
        return this.#finish(run, { kind: 'footnote', footnote: String(number) })
      })
  }

  #block(token: Token, context: Context): Block[] {
    switch (token.type) {
      case 'heading': {
        const heading = token as Tokens.Heading
        return this.#words(heading.tokens, { kind: 'heading', level: heading.depth })
      }
      case 'paragraph':
        return this.#words((token as Tokens.Paragraph).tokens, paragraphIn(context))
      case 'text': {
        const text = token as Tokens.Text
        if (text.tokens) return this.#words(text.tokens, paragraphIn(context))
        const run = new InlineText()
        this.#text(decodeEntities(text.text), run)
        return this.#finish(run, paragraphIn(context))
      }
      case 'blockquote':
        return this.blocks((token as Tokens.Blockquote).tokens, {
          ...context,
          quoteDepth: context.quoteDepth + 1,
        })
      case 'list':
        return this.#list(token as Tokens.List, context)
      case 'code': {
        // Exactly as written: only blank lines before the first line and the end are trimmed.
        const text = (token as Tokens.Code).text.replace(/^(?:[ \t]*\n)+/, '').trimEnd()
        return text ? [{ kind: 'code', text }] : []
      }
      case 'html':
        return this.#html((token as Tokens.HTML).text, context)
      case 'table':
        return this.#table(token as Tokens.Table)
      default:
        return []
    }
  }

  /**
   * A block of raw HTML (a README's centred badges, a table, `<details>`): read by the same
   * walker as a web page, so only its text and Lectern's own shape are kept; a script, a handler
   * or a `javascript:` address never is.
   */
  #html(html: string, context: Context): Block[] {
    // Tags without words (`<div align="center">`, `</details>`) make no block: not parsed at all.
    if (!textOfHtml(html)) return []
    this.#htmlBody ??= parseHTML('<!doctype html><html><head></head><body></body></html>').document
      .body as unknown as Element
    const body = this.#htmlBody
    body.innerHTML = flattenDeepMarkup(html, 'html').markup
    const blocks = blocksOfHtml(body, { counters: this.#counters })
    return context.quoteDepth > 0
      ? blocks.map((b) => (b.kind === 'paragraph' ? { ...b, ...paragraphIn(context) } : b))
      : blocks
  }

  #list(list: Tokens.List, context: Context): Block[] {
    const depth = Math.min(shapeLimits.depth, context.listDepth)
    const start = typeof list.start === 'number' ? list.start : 1
    const inner: Context = { ...context, listDepth: depth + 1 }
    return list.items.flatMap((item, index) => {
      const ordinal = list.ordered ? clampOrdinal(start + index) : undefined
      const blocks: Block[] = []
      const run = new InlineText()
      let isItemDone = false
      const finishItem = () => {
        if (isItemDone) return
        isItemDone = true
        blocks.push(
          ...this.#finish(run, {
            kind: 'list-item',
            ...(depth > 0 ? { depth } : {}),
            ...(ordinal !== undefined ? { ordinal } : {}),
          }),
        )
      }
      for (const token of item.tokens) {
        if (token.type === 'space' || token.type === 'checkbox') continue
        // The paragraphs an item starts with are its words ("3. Read the table.").
        if (!isItemDone && (token.type === 'text' || token.type === 'paragraph')) {
          run.addSpace()
          const tokens = (token as Tokens.Text).tokens
          if (tokens) this.#inline(tokens, run, false)
          else this.#text(decodeEntities((token as Tokens.Text).text), run)
          continue
        }
        finishItem()
        blocks.push(...this.#block(token, inner))
      }
      finishItem()
      return blocks
    })
  }

  /** A table's cells, the header row first; columns past the store's last join the last cell. */
  #table(table: Tokens.Table): Block[] {
    const index = this.#counters.tables++
    const blocks: Block[] = []
    let rowIndex = 0
    for (const row of [table.header, ...table.rows]) {
      const runs: InlineText[] = []
      for (const cell of row) {
        const last = runs[runs.length - 1]
        if (runs.length > shapeLimits.column && last) {
          last.addSpace()
          this.#inline(cell.tokens, last, false)
          continue
        }
        const run = new InlineText()
        this.#inline(cell.tokens, run, false)
        runs.push(run)
      }
      let isRowKept = false
      runs.forEach((run, column) => {
        const cell = { table: index, row: rowIndex, column, isHeader: row === table.header }
        const [block] = this.#finish(run, { kind: 'table-cell', cell })
        if (block) blocks.push(block)
        if (block) isRowKept = true
      })
      if (isRowKept) rowIndex++
    }
    return blocks
  }

  #words(tokens: readonly Token[], shape: Omit<Block, 'text'>): Block[] {
    const run = new InlineText()
    this.#inline(tokens, run, false)
    return this.#finish(run, shape)
  }

  #finish(run: InlineText, shape: Omit<Block, 'text'>): Block[] {
    const { text, marks } = run.finish()
    return text ? [{ ...shape, text, ...(marks.length > 0 ? { marks } : {}) }] : []
  }

  /** Inline tokens: their words, and emphasis, strong, code and links as marks. */
  #inline(tokens: readonly Token[], run: InlineText, isInLink: boolean): void {
    for (const token of tokens) {
      const start = run.position
      switch (token.type) {
        case 'strong':
        case 'em':
          this.#inline((token as Tokens.Strong).tokens, run, isInLink)
          run.mark(token.type === 'em' ? 'emphasis' : 'strong', start)
          break
        case 'codespan':
          // Code keeps its characters as typed: entities are not decoded in code.
          run.add((token as Tokens.Codespan).text)
          run.mark('code', start)
          break
        case 'link': {
          const link = token as Tokens.Link
          this.#inline(link.tokens, run, true)
          const href = safeHref(link.href)
          if (href) run.mark('link', start, { href })
          break
        }
        case 'image':
          this.#picture(token as Tokens.Image, run, isInLink)
          break
        case 'br':
          run.addSpace()
          break
        case 'html':
          run.add(textOfHtml((token as Tokens.HTML).text))
          break
        case 'checkbox':
          break
        case 'text':
          if ((token as Tokens.Text).tokens)
            this.#inline((token as Tokens.Text).tokens!, run, isInLink)
          else this.#text(decodeEntities((token as Tokens.Text).text), run)
          break
        default:
          if ('tokens' in token && token.tokens) this.#inline(token.tokens, run, isInLink)
          else if ('text' in token) this.#text(decodeEntities(String(token.text)), run)
      }
    }
  }

  /**
   * A picture in Markdown is never stored: a badge (a picture in a link, a shields.io address)
   * leaves nothing, any other keeps its alt text inline, never a block of its own.
   */
  #picture(image: Tokens.Image, run: InlineText, isInLink: boolean): void {
    const alt = clean(decodeEntities(image.text))
    if (isInLink || /shields\.io|badge/i.test(image.href) || !alt) return
    if (/\.(?:png|jpe?g|gif|svg|webp)$/i.test(alt)) return
    run.addSpace()
    run.add(alt)
    run.addSpace()
  }

  /** Words, with each `[^label]` of a defined footnote as a numbered reference. */
  #text(text: string, run: InlineText): void {
    if (this.#definitions.size === 0 || !text.includes('[^')) return run.add(text)
    let from = 0
    for (const match of text.matchAll(footnoteReference)) {
      const label = match[1]!.toLowerCase()
      if (!this.#definitions.has(label)) continue
      run.add(text.slice(from, match.index))
      const number = String(this.#numberOf(label))
      const start = run.position
      run.add(number)
      run.mark('footnote-ref', start, { footnote: number })
      from = match.index + match[0].length
    }
    run.add(text.slice(from))
  }

  #numberOf(label: string): number {
    let number = this.#numbers.get(label)
    if (number === undefined) {
      number = this.#numbers.size + 1
      this.#numbers.set(label, number)
    }
    return number
  }
}

function paragraphIn(context: Context): Omit<Block, 'text'> {
  return context.quoteDepth > 0
    ? {
        kind: 'quote',
        ...(context.quoteDepth > 1
          ? { depth: Math.min(shapeLimits.depth, context.quoteDepth - 1) }
          : {}),
      }
    : { kind: 'paragraph' }
}

function clampOrdinal(value: number): number {
  return Math.max(-shapeLimits.ordinal, Math.min(shapeLimits.ordinal, value))
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
