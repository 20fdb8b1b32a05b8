import { createHash } from 'node:crypto'
import { strFromU8, unzipSync } from 'fflate'
import { JSDOM } from 'jsdom'
import { fail, ok, type Result } from '../../../shared/ipc/result'
import { guessLanguage } from '../guess-language'
import { blocksOfHtml } from '../html/parse-html'
import { assembleText, type Block } from '../plain-text/assemble-text'
import { titleFromFileName, type ParsedText } from '../plain-text/parse-plain-text'

/** Why an EPUB could not be read. */
export type EpubFailure = 'broken-epub'

/** Largest picture kept from a book; bigger ones keep only their alt text. */
const maxPictureBytes = 10 * 1024 * 1024

/** Largest total of uncompressed files Lectern will unpack from one book (a zip-bomb guard). */
const maxUnpackedBytes = 200 * 1024 * 1024

/**
 * Reads an EPUB 2 or 3 book: the container names the package document, whose spine gives the
 * chapters in reading order; each chapter's XHTML is parsed without scripts and kept as text
 * blocks. Raster pictures (PNG, JPEG, GIF, WebP) are kept as assets beside their alt text.
 */
export function parseEpub(bytes: Uint8Array, fileName: string): Result<ParsedText, EpubFailure> {
  const name = `“${fileName}”`
  let files: Record<string, Uint8Array>
  try {
    let total = 0
    files = unzipSync(bytes, {
      filter: (file) => {
        total += file.originalSize
        if (total > maxUnpackedBytes) throw new Error('too large')
        return true
      },
    })
  } catch {
    return fail(
      'broken-epub',
      `${name} is not a readable EPUB: its zip archive is damaged or too large to unpack.`,
    )
  }
  const text = (path: string) => (files[path] ? strFromU8(files[path]!) : null)
  const container = text('META-INF/container.xml')
  const packagePath = container ? /full-path="([^"]+)"/.exec(container)?.[1] : undefined
  const packageXml = packagePath ? text(packagePath) : null
  if (!packagePath || !packageXml)
    return fail('broken-epub', `${name} is not a readable EPUB: it has no package document.`)

  const xml = new JSDOM(packageXml, { contentType: 'application/xml' }).window.document
  const base = packagePath.includes('/')
    ? packagePath.slice(0, packagePath.lastIndexOf('/') + 1)
    : ''
  const manifest = new Map(
    [...xml.getElementsByTagName('item')].map((item) => [
      item.getAttribute('id') ?? '',
      item.getAttribute('href') ?? '',
    ]),
  )
  const spine = [...xml.getElementsByTagName('itemref')].flatMap(
    (ref) => manifest.get(ref.getAttribute('idref') ?? '') ?? [],
  )
  if (spine.length === 0)
    return fail('broken-epub', `${name} is not a readable EPUB: its package lists no chapters.`)

  const blocks: Block[] = []
  const assets = new Map<string, Uint8Array>()
  for (const href of spine) {
    const chapterPath = resolvePath(base, decodeURIComponent(href.split('#')[0]!))
    const chapter = text(chapterPath)
    if (!chapter) continue
    const document = new JSDOM(chapter, {
      contentType: chapter.trimStart().startsWith('<?xml') ? 'application/xhtml+xml' : 'text/html',
    }).window.document
    const folder = chapterPath.includes('/')
      ? chapterPath.slice(0, chapterPath.lastIndexOf('/') + 1)
      : ''
    const assetOf = (src: string) => {
      const extension = /\.(png|jpe?g|gif|webp)$/i.exec(src)?.[1]?.toLowerCase()
      const bytes = files[resolvePath(folder, decodeURIComponent(src))]
      if (!extension || !bytes || bytes.length > maxPictureBytes) return null
      const name = `${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}.${extension}`
      assets.set(name, bytes)
      return name
    }
    blocks.push(...blocksOfHtml(document.body ?? document.documentElement, assetOf))
  }
  const title =
    xml.getElementsByTagName('dc:title')[0]?.textContent?.trim() ||
    (titleFromFileName(fileName) ?? 'Untitled')
  const body = blocks[0]?.kind === 'heading' && blocks[0].text === title ? blocks.slice(1) : blocks
  const content = assembleText([{ kind: 'title', text: title }, ...body])
  const declared = xml.getElementsByTagName('dc:language')[0]?.textContent?.trim().split('-')[0]
  return ok({
    title,
    ...(assets.size > 0 ? { assets } : {}),
    language: declared || guessLanguage(content.text.slice(0, 20_000)) || 'und',
    content,
    wordCount: (content.text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? []).length,
  })
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
