import { strToU8, zipSync } from 'fflate'

/** A 1×1 PNG, the smallest real picture. */
export const tinyPng = Uint8Array.from(
  atob(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  ),
  (c) => c.charCodeAt(0),
)

const container = `<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>`
const opf = `<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>A Small Book</dc:title><dc:language>en</dc:language></metadata>
<manifest><item id="c2" href="Text/two.xhtml" media-type="application/xhtml+xml"/><item id="c1" href="Text/one.xhtml" media-type="application/xhtml+xml"/><item id="nav" href="nav.xhtml" properties="nav" media-type="application/xhtml+xml"/></manifest>
<spine><itemref idref="c1"/><itemref idref="c2"/></spine></package>`
const chapter = (title: string, body: string) =>
  `<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml"><head><title>${title}</title><script>globalThis.__pwned = 1</script></head><body><h1>${title}</h1>${body}</body></html>`

const nav = `<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"><body><nav epub:type="toc"><ol><li><a href="Text/one.xhtml">1. The River</a></li><li><a href="Text/two.xhtml#start">2. The Sea</a></li></ol></nav></body></html>`

/** A real EPUB 3 made for tests: container, package document, navigation, two chapters, a PNG and an SVG. */
export function makeEpub(): Uint8Array {
  return zipSync({
    mimetype: strToU8('application/epub+zip'),
    'META-INF/container.xml': strToU8(container),
    'OEBPS/content.opf': strToU8(opf),
    'OEBPS/nav.xhtml': strToU8(nav),
    'OEBPS/Images/heron.png': tinyPng,
    'OEBPS/Images/evil.svg': strToU8('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'),
    'OEBPS/Text/one.xhtml': strToU8(
      chapter(
        'Chapter One',
        '<p>The first chapter begins by the river.</p><img src="../Images/heron.png" alt="A heron"/><img src="../Images/evil.svg" alt="A drawing"/>',
      ),
    ),
    'OEBPS/Text/two.xhtml': strToU8(
      chapter(
        'Chapter Two',
        '<p onclick="globalThis.__pwned=1">The second chapter ends at the sea.</p>',
      ),
    ),
  })
}

/**
 * An EPUB whose chapters carry the active content a hostile book could: scripts, handlers,
 * SVG with script, remote pictures, styles and frames, javascript: links, a meta refresh.
 * `remote` is an address that counts requests, so a fetch would be seen.
 */
export function makeHostileEpub(remote: string): Uint8Array {
  const hostileBody = [
    '<p>A hostile book keeps only its words.</p>',
    `<img src="${remote}/pixel.png" alt="remote picture" onerror="globalThis.__pwned='img'"/>`,
    `<svg xmlns="http://www.w3.org/2000/svg"><script>globalThis.__pwned='svg'</script><image href="${remote}/svg.png"/></svg>`,
    `<iframe src="${remote}/frame.html"></iframe><object data="${remote}/object.swf"></object>`,
    `<link rel="stylesheet" href="${remote}/style.css"/><style>@import url("${remote}/import.css"); p { background: url("${remote}/bg.png") }</style>`,
    '<a href="javascript:globalThis.__pwned=\'link\'">a javascript link</a>',
    `<meta http-equiv="refresh" content="0;url=${remote}/refresh"/>`,
    `<form action="${remote}/form"><input name="q"/><button>Send</button></form>`,
    '<p onmouseover="globalThis.__pwned=\'hover\'">The end of the hostile chapter.</p>',
  ].join('')
  const hostileOpf = opf.replace(
    '<dc:title>A Small Book</dc:title>',
    '<dc:title>A Hostile Book</dc:title>',
  )
  return zipSync({
    mimetype: strToU8('application/epub+zip'),
    'META-INF/container.xml': strToU8(container),
    'OEBPS/content.opf': strToU8(hostileOpf),
    'OEBPS/nav.xhtml': strToU8(nav),
    'OEBPS/Text/one.xhtml': strToU8(chapter('The Hostile Chapter', hostileBody)),
    'OEBPS/Text/two.xhtml': strToU8(chapter('Chapter Two', '<p>Quiet words.</p>')),
    'OEBPS/Images/evil.svg': strToU8(
      '<svg xmlns="http://www.w3.org/2000/svg" onload="globalThis.__pwned=\'svg-file\'"/>',
    ),
  })
}

/** What a made-to-measure EPUB holds: its chapters, table of contents and spine. */
export interface EpubShape {
  readonly title?: string
  /** Chapter bodies (XHTML inside <body>), one file each. */
  readonly chapters: readonly string[]
  /** Table of contents labels, each pointing to a chapter (round robin); default one a chapter. */
  readonly tocLabels?: readonly string[]
  /** Indexes into `chapters`, in reading order; default each chapter once. */
  readonly spine?: readonly number[]
}

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

/** An EPUB 3 shaped as asked: a huge table of contents, a spine that repeats a chapter, … */
export function makeShapedEpub(shape: EpubShape): Uint8Array {
  const title = shape.title ?? 'A Shaped Book'
  const spine = shape.spine ?? shape.chapters.map((_, index) => index)
  const labels = shape.tocLabels ?? shape.chapters.map((_, index) => `Chapter ${index + 1}`)
  const manifest = shape.chapters
    .map((_, i) => `<item id="c${i}" href="Text/c${i}.xhtml" media-type="application/xhtml+xml"/>`)
    .join('')
  const packageDocument = `<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>${escapeXml(title)}</dc:title><dc:language>en</dc:language></metadata>
<manifest>${manifest}<item id="nav" href="nav.xhtml" properties="nav" media-type="application/xhtml+xml"/></manifest>
<spine>${spine.map((index) => `<itemref idref="c${index}"/>`).join('')}</spine></package>`
  const toc = labels
    .map(
      (label, i) =>
        `<li><a href="Text/c${i % shape.chapters.length}.xhtml">${escapeXml(label)}</a></li>`,
    )
    .join('')
  const navigation = `<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"><body><nav epub:type="toc"><ol>${toc}</ol></nav></body></html>`
  const files: Record<string, Uint8Array> = {
    mimetype: strToU8('application/epub+zip'),
    'META-INF/container.xml': strToU8(container),
    'OEBPS/content.opf': strToU8(packageDocument),
    'OEBPS/nav.xhtml': strToU8(navigation),
  }
  shape.chapters.forEach((body, i) => {
    files[`OEBPS/Text/c${i}.xhtml`] = strToU8(chapter(`Chapter ${i + 1}`, body))
  })
  return zipSync(files)
}

const shapedChapter = (title: string, body: string) =>
  `<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"><head><title>${title}</title></head><body><h1>${title}</h1>${body}</body></html>`

/**
 * An EPUB 3 that keeps a book's shape: a figure with its picture, alt text and one caption,
 * footnotes marked three ways (epub:type, ARIA roles, a bare `<sup><a href="#…">`), an ordered
 * list starting at 3 with a nested list, a table with header cells, a code block, a block quote
 * and inline emphasis, strong, code and links. For the importers' tests and e2e screenshots.
 */
export function makeShapeEpub(): Uint8Array {
  const one = [
    '<p>The heron stands <em>perfectly still</em> at the edge of the water, and <strong>waits</strong>.',
    '<a epub:type="noteref" href="#note-1" id="ref-1">1</a></p>',
    '<figure><img src="../Images/heron.png" alt="A grey heron standing in shallow water"/>',
    '<figcaption>The grey heron at dawn.</figcaption></figure>',
    '<p>Its year, in order:</p>',
    '<ol start="3"><li>Nesting in <em>February</em>.</li><li>Fledging in May:<ol><li>the first flight;</li><li>the first catch.</li></ol></li><li>Dispersal in autumn.</li></ol>',
    '<blockquote><p>Patience is the heron’s only tool.</p></blockquote>',
    '<aside epub:type="footnote" id="note-1"><p>Herons may stand still for over an hour.</p></aside>',
  ].join('')
  const two = [
    '<p>Counts from the survey, see <a href="https://birds.example.org/survey">the survey site</a>',
    ' and <code>survey.csv</code>.<a role="doc-noteref" href="#note-2">2</a></p>',
    '<table><thead><tr><th>Year</th><th>Nests</th></tr></thead><tbody><tr><td>2024</td><td>41</td></tr><tr><td>2025</td><td>47</td></tr></tbody></table>',
    '<pre><code>year,nests\n2024,41\n  2025,47</code></pre>',
    '<p>A late count came in.<sup><a href="#fn3" id="r3">3</a></sup></p>',
    '<section role="doc-endnotes"><ol>',
    '<li role="doc-footnote" id="note-2"><p>Counted from the boats.</p></li>',
    '</ol></section>',
    '<p id="fn3">The 2025 count was finished in March.</p>',
  ].join('')
  const shapeOpf = opf.replace(
    '<dc:title>A Small Book</dc:title>',
    '<dc:title>A Book with Shape</dc:title>',
  )
  return zipSync({
    mimetype: strToU8('application/epub+zip'),
    'META-INF/container.xml': strToU8(container),
    'OEBPS/content.opf': strToU8(shapeOpf),
    'OEBPS/nav.xhtml': strToU8(nav),
    'OEBPS/Images/heron.png': tinyPng,
    'OEBPS/Text/one.xhtml': strToU8(shapedChapter('The River', one)),
    'OEBPS/Text/two.xhtml': strToU8(shapedChapter('The Sea', two)),
  })
}
