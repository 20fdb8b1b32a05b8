import { createHash } from 'node:crypto'
import { strFromU8, unzipSync } from 'fflate'
import { JSDOM } from 'jsdom'
import { fail, ok, type Result } from '../../../shared/ipc/result'
import { formatMegabytes, maxTextFileBytes } from '../decode-text'
import { guessLanguage, normaliseLanguageTag, primaryLanguageOf } from '../guess-language'
import { descendantsNamed, firstDescendantNamed } from '../html/descendants-named'
import { flattenDeepMarkup } from '../html/flatten-deep-markup'
import { blocksOfHtml } from '../html/blocks-of-html'
import { assembleText, type Block } from '../plain-text/assemble-text'
import { titleFromFileName, type ParsedText } from '../plain-text/parse-plain-text'

/** Why an EPUB could not be read. */
export type EpubFailure = 'broken-epub' | 'too-large'

/** Largest picture kept from a book; bigger ones keep only their alt text. */
const maxPictureBytes = 10 * 1024 * 1024

/** Largest total of uncompressed files Lectern will unpack from one book (a zip-bomb guard). */
const maxUnpackedBytes = 200 * 1024 * 1024

/**
 * Reads an EPUB 2 or 3 book: the container names the package document, whose spine gives the
 * chapters in reading order; each chapter's XHTML is parsed without scripts and kept as text
 * blocks. Raster pictures (PNG, JPEG, GIF, WebP) are kept as assets beside their alt text.
 */
export function parseEpub(
  bytes: Uint8Array,
  fileName: string,
  maxTextLength = maxTextFileBytes,
): Result<ParsedText, EpubFailure> {
  const name = `“${fileName}”`
  let files: Record<string, Uint8Array>
  let total = 0
  try {
    files = unzipSync(bytes, {
      // Sizes as the archive declares them, summed before anything is inflated; inflating
      // never writes past a file's declared size (fflate's output buffer is that size).
      filter: (file) => {
        total += file.originalSize
        if (total > maxUnpackedBytes) throw new Error('too large')
        return true
      },
    })
  } catch {
    if (total > maxUnpackedBytes)
      return fail(
        'too-large',
        `${name} would unpack to more than ${formatMegabytes(maxUnpackedBytes)}; Lectern unpacks books of up to that size.`,
      )
    return fail('broken-epub', `${name} is not a readable EPUB: its zip archive is damaged.`)
  }
  const text = (path: string) => (files[path] ? strFromU8(files[path]!) : null)
  const container = text('META-INF/container.xml')
  const packagePath = container ? /full-path="([^"]+)"/.exec(container)?.[1] : undefined
  const packageXml = packagePath ? text(packagePath) : null
  if (!packagePath || !packageXml)
    return fail('broken-epub', `${name} is not a readable EPUB: it has no package document.`)

  const xml = new JSDOM(flattenDeepMarkup(packageXml, 'xml').markup, {
    contentType: 'application/xml',
  }).window.document
  const base = packagePath.includes('/')
    ? packagePath.slice(0, packagePath.lastIndexOf('/') + 1)
    : ''
  const manifest = new Map(
    [...descendantsNamed(xml, 'item')].map((item) => [
      item.getAttribute('id') ?? '',
      item.getAttribute('href') ?? '',
    ]),
  )
  const spine = [...descendantsNamed(xml, 'itemref')].flatMap(
    (ref) => manifest.get(ref.getAttribute('idref') ?? '') ?? [],
  )
  if (spine.length === 0)
    return fail('broken-epub', `${name} is not a readable EPUB: its package lists no chapters.`)

  const blocks: Block[] = []
  const assets = new Map<string, Uint8Array>()
  /** Where each chapter file's blocks start, for the table of contents. */
  const chapterStarts = new Map<string, number>()
  let textLength = 0
  /** Tables are numbered through the whole book, not per chapter. */
  const counters = { tables: 0 }
  /** A chapter's references to notes in another chapter (a notes chapter at the end). */
  const sharedNotes = { labelOfTarget: new Map<string, string>(), refIds: new Set<string>() }
  for (const href of spine) {
    const chapterPath = resolvePath(base, decodePath(href.split('#')[0]!))
    // A chapter listed twice is read once: a 1 KB book listing one chapter 4,000 times would
    // otherwise unfold into 40 MB of text.
    if (chapterStarts.has(chapterPath)) continue
    chapterStarts.set(chapterPath, blocks.length)
    const chapter = text(chapterPath)
    if (!chapter) continue
    const isXml = chapter.trimStart().startsWith('<?xml')
    const document = new JSDOM(flattenDeepMarkup(chapter, isXml ? 'xml' : 'html').markup, {
      contentType: isXml ? 'application/xhtml+xml' : 'text/html',
    }).window.document
    const folder = chapterPath.includes('/')
      ? chapterPath.slice(0, chapterPath.lastIndexOf('/') + 1)
      : ''
    const isPictureInDocument = (src: string) =>
      !/^[a-z][a-z0-9+.-]*:/i.test(src) && files[resolvePath(folder, decodePath(src))] !== undefined
    const assetOf = (src: string) => {
      const extension = /\.(png|jpe?g|gif|webp)$/i.exec(src)?.[1]?.toLowerCase()
      const bytes = /^[a-z][a-z0-9+.-]*:/i.test(src)
        ? undefined
        : files[resolvePath(folder, decodePath(src))]
      if (!extension || !bytes || bytes.length > maxPictureBytes) return null
      const name = `${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}.${extension}`
      assets.set(name, bytes)
      return name
    }
    const root = document.body ?? document.documentElement
    for (const block of blocksOfHtml(root, {
      assetOf,
      isPictureInDocument,
      counters,
      sharedNotes,
    })) {
      blocks.push(block)
      textLength += block.text.length
    }
    // The same bound as a text file's: a book is refused once its text passes it, not after.
    if (textLength > maxTextLength)
      return fail(
        'too-large',
        `${name} holds more than ${formatMegabytes(maxTextLength)} of text; Lectern imports books of up to that much text.`,
      )
  }
  const title =
    xml.getElementsByTagName('dc:title')[0]?.textContent?.trim() ||
    (titleFromFileName(fileName) ?? 'Untitled')
  const dropped = blocks[0]?.kind === 'heading' && blocks[0].text === title ? 1 : 0
  const content = assembleText([{ kind: 'title', text: title }, ...blocks.slice(dropped)])
  // Block b of the chapters is segment b + 1 − dropped (the title comes first).
  const toc = readToc(xml, base, text).flatMap(({ label, path }) => {
    const start = chapterStarts.get(path)
    return start === undefined ? [] : [{ label, segmentIndex: Math.max(1, start + 1 - dropped) }]
  })
  const tag = normaliseLanguageTag(xml.getElementsByTagName('dc:language')[0]?.textContent ?? '')
  const declared = tag ? primaryLanguageOf(tag) : null
  const creators = [...xml.getElementsByTagName('dc:creator')]
    .map((element) => element.textContent?.replace(/\s+/g, ' ').trim() ?? '')
    .filter(Boolean)
  return ok({
    title,
    ...(creators.length > 0 ? { author: creators.join(', ') } : {}),
    ...(assets.size > 0 ? { assets } : {}),
    ...(toc.length > 0 ? { toc } : {}),
    language: declared || guessLanguage(content.text.slice(0, 20_000)) || 'und',
    content,
    wordCount: (content.text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? []).length,
  })
}

/**
 * The book's table of contents: the EPUB 3 navigation document (`nav` with epub:type="toc"), or
 * else the EPUB 2 NCX. Entries point at chapter files (fragments are dropped).
 */
function readToc(
  packageDocument: Document,
  base: string,
  text: (path: string) => string | null,
): { label: string; path: string }[] {
  const items = [...descendantsNamed(packageDocument, 'item')]
  const nav = items.find((item) =>
    (item.getAttribute('properties') ?? '').split(/\s+/).includes('nav'),
  )
  const ncx = items.find((item) => item.getAttribute('media-type') === 'application/x-dtbncx+xml')
  const entries: { label: string; path: string }[] = []
  if (nav) {
    const navPath = resolvePath(base, nav.getAttribute('href') ?? '')
    const source = text(navPath)
    const folder = navPath.slice(0, navPath.lastIndexOf('/') + 1)
    const document = source
      ? new JSDOM(flattenDeepMarkup(source, 'xml').markup, { contentType: 'application/xhtml+xml' })
          .window.document
      : null
    const tocNav = [...(document ? descendantsNamed(document, 'nav') : [])].find((n) =>
      /toc/.test(n.getAttribute('epub:type') ?? n.getAttribute('type') ?? 'toc'),
    )
    for (const link of tocNav ? descendantsNamed(tocNav, 'a') : []) {
      const href = link.getAttribute('href')
      const label = link.textContent?.replace(/\s+/g, ' ').trim()
      if (href && label)
        entries.push({ label, path: resolvePath(folder, decodePath(href.split('#')[0]!)) })
    }
  } else if (ncx) {
    const ncxPath = resolvePath(base, ncx.getAttribute('href') ?? '')
    const source = text(ncxPath)
    const folder = ncxPath.slice(0, ncxPath.lastIndexOf('/') + 1)
    const document = source
      ? new JSDOM(flattenDeepMarkup(source, 'xml').markup, { contentType: 'application/xml' })
          .window.document
      : null
    for (const point of document ? descendantsNamed(document, 'navPoint') : []) {
      const label = firstDescendantNamed(point, 'text')?.textContent?.replace(/\s+/g, ' ').trim()
      const href = firstDescendantNamed(point, 'content')?.getAttribute('src')
      if (href && label)
        entries.push({ label, path: resolvePath(folder, decodePath(href.split('#')[0]!)) })
    }
  }
  return entries
}

/** A path from a link, %-escapes decoded; a malformed escape is kept as written. */
function decodePath(href: string): string {
  try {
    return decodeURIComponent(href)
  } catch {
    return href
  }
}

/** "OEBPS/" + "../Text/ch1.xhtml" → "Text/ch1.xhtml". */
function resolvePath(base: string, href: string): string {
  const parts = `${base}${href}`.split('/')
  const resolved: string[] = []
  for (const part of parts) {
    if (part === '..') resolved.pop()
    else if (part !== '.' && part !== '') resolved.push(part)
  }
  return resolved.join('/')
}
