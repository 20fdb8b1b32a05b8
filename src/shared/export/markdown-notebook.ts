import type { DocumentMeta, Highlight, HighlightLabel } from '../model'
import { formatLecternLink } from '../links/lectern-link'

/** What a notebook is made of: one document, its highlights in reading order, the labels. */
export interface NotebookInput {
  readonly meta: DocumentMeta
  readonly highlights: readonly Highlight[]
  readonly labels: readonly HighlightLabel[]
}

/**
 * One Markdown notebook per document, friendly to Obsidian and similar tools: YAML front matter,
 * each highlight a quote with its label, note and tags, a stable block id (`^hl-…`) and a
 * `lectern://` link back to the passage. No export time goes in: the same library gives the same
 * bytes.
 */
export function markdownNotebook({ meta, highlights, labels }: NotebookInput): string {
  const labelNames = new Map(labels.map((label) => [label.id, label.name]))
  const ordered = [...highlights].sort(
    (a, b) =>
      a.selectors.position.start - b.selectors.position.start ||
      a.selectors.position.end - b.selectors.position.end ||
      a.id.localeCompare(b.id),
  )
  const frontMatter = [
    '---',
    `title: ${yamlString(meta.title)}`,
    meta.source ? `source: ${yamlString(meta.source.name)}` : null,
    meta.source?.url ? `url: ${yamlString(meta.source.url)}` : null,
    `language: ${yamlString(meta.language)}`,
    meta.translation
      ? `translated_from: ${yamlString(meta.translation.fromLanguage)}${meta.translation.isMachineTranslation ? ' # machine translation' : ''}`
      : null,
    `imported: ${yamlString(meta.importedAt)}`,
    ordered.length > 0 ? `updated: ${yamlString(latest(ordered))}` : null,
    `lectern: ${yamlString(formatLecternLink({ documentId: meta.id }))}`,
    `highlights: ${ordered.length}`,
    '---',
  ].filter((line): line is string => line !== null)
  const body = ordered.map((highlight) => highlightSection(highlight, labelNames))
  const heading = [`# ${oneLine(meta.title)}`, meta.lead ? `\n${oneLine(meta.lead)}` : ''].join('')
  return `${[frontMatter.join('\n'), heading, ...body].join('\n\n')}\n`
}

/** The block id a highlight gets in every export, so links into the notebook keep working. */
export function blockId(highlight: Pick<Highlight, 'id'>): string {
  return `hl-${highlight.id.replace(/[^A-Za-z0-9-]/g, '').slice(0, 36)}`
}

/** A file name for a document's notebook: its title, made safe, and its id to keep it unique. */
export function notebookFileName(meta: Pick<DocumentMeta, 'id' | 'title'>): string {
  const title = meta.title
    .normalize('NFKC')
    .replace(/[\\/:*?"<>|#^[\]\p{Cc}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 80)
    .trim()
  return `${title || 'Untitled'} (${meta.id}).md`
}

function highlightSection(highlight: Highlight, labelNames: Map<string, string>): string {
  const label = labelNames.get(highlight.labelId) ?? highlight.labelId
  const quote = highlight.selectors.quote.exact
    .split(/\r?\n/)
    .map((line) => `> ${line}`.trimEnd())
    .join('\n')
  const link = formatLecternLink({ documentId: highlight.documentId, highlightId: highlight.id })
  const lines = [
    `${quote}\n>\n> — *${oneLine(label)}*${highlight.status === 'orphan' ? ' (passage no longer found)' : ''} · [open in Lectern](${link}) ^${blockId(highlight)}`,
  ]
  if (highlight.note.trim() !== '') lines.push(highlight.note.trim())
  if (highlight.tags.length > 0)
    lines.push(highlight.tags.map((tag) => `#${tag.replace(/\s+/g, '-')}`).join(' '))
  return lines.join('\n\n')
}

function latest(highlights: readonly Highlight[]): string {
  return highlights.reduce((max, h) => (h.updatedAt > max ? h.updatedAt : max), '')
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

/** A YAML double-quoted scalar: safe for any title. */
function yamlString(text: string): string {
  return JSON.stringify(oneLine(text))
}
