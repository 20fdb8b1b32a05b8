import { readFile, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { makeHostileEpub } from '../support/epub-fixture'
import { dropFiles } from './support/drop-files'
import { test, expect } from './support/lectern'

// Hostile documents through every door of the real renderer: Markdown, EPUB and SVG files, a
// note's links, and script injected into the page. A sentinel global proves no script ran.

test.use({ studyMaterial: false })

/** The port of the discard service: a fetch from it would show as a request, and fail. */
const remote = 'http://127.0.0.1:9'

const hostileMarkdown = [
  '# A hostile Markdown file',
  'Plain words survive.',
  '<script>globalThis.__pwned = "script"</script>',
  `<img src="${remote}/x.png" onerror="globalThis.__pwned = 'img'">`,
  '<svg onload="globalThis.__pwned = \'svg\'"><circle r="4"/></svg>',
  `<iframe src="${remote}/frame"></iframe>`,
  '[a javascript link](javascript:globalThis.__pwned=1) and [data](data:text/html,<script>1</script>)',
  `![remote picture](${remote}/picture.png)`,
  `<a href="${remote}/x" onclick="globalThis.__pwned = 'click'">click me</a>`,
  '[ref]: javascript:globalThis.__pwned=2',
  'The last paragraph.',
].join('\n\n')

const hostileSvg = `<svg xmlns="http://www.w3.org/2000/svg"><script>globalThis.__pwned='svg-file'</script><image href="${remote}/svg.png"/></svg>`

const activeContent = 'script, iframe, object, embed, form, input, img, svg, style, link, meta'

/** Records every request that leaves the app's own origin. */
function foreignRequests(page: Page): string[] {
  const appOrigin = new URL(page.url()).origin
  const foreign: string[] = []
  page.on('request', (request) => {
    const url = request.url()
    if (!url.startsWith(appOrigin) && !url.startsWith('data:')) foreign.push(url)
  })
  return foreign
}

const sentinel = (page: Page) => page.evaluate(() => (globalThis as { __pwned?: unknown }).__pwned)

test('hostile Markdown, EPUB and SVG files run nothing, fetch nothing and keep no active content', async ({
  launch,
  dataDir,
}) => {
  const page = await launch()
  await expect(page.locator('article h1')).toBeVisible()
  const foreign = foreignRequests(page)

  await dropFiles(page, [{ name: 'hostile.md', content: hostileMarkdown, type: 'text/markdown' }])
  const article = page.locator('article.article')
  await expect(article.locator('h1')).toHaveText('A hostile Markdown file')
  await expect(article).toContainText('The last paragraph.')
  expect(await article.locator(activeContent).count()).toBe(0)
  expect(await article.locator('a[href^="javascript:"], [onclick], [onerror]').count()).toBe(0)

  const epub = makeHostileEpub(remote)
  await dropFiles(page, [
    { name: 'hostile.epub', content: Array.from(epub), type: 'application/epub+zip' },
  ])
  await expect(article.locator('h1').first()).toHaveText('A Hostile Book')
  await expect(article).toContainText('The Hostile Chapter')
  await expect(article).toContainText('A hostile book keeps only its words.')
  await expect(article).toContainText('The end of the hostile chapter.')
  expect(await article.locator(activeContent).count()).toBe(0)

  await dropFiles(page, [{ name: 'drawing.svg', content: hostileSvg, type: 'image/svg+xml' }])
  await expect(page.getByRole('alert')).toContainText('“drawing.svg” is')

  await page.waitForTimeout(300)
  expect(await sentinel(page)).toBeUndefined()
  expect(foreign).toEqual([])
  for (const folder of await readdir(join(dataDir, 'documents'))) {
    const stored = await readFile(join(dataDir, 'documents', folder, 'content.json'), 'utf8')
    expect(stored).not.toMatch(
      /__pwned|javascript:|onerror|onload|onclick|<script|<iframe|<object|<svg|<form|127\.0\.0\.1:9/i,
    )
  }
})

test.describe('markup injected into the page', () => {
  test.use({ expectedConsoleErrors: /Content Security Policy/ })

  test('is stopped by a strict CSP: no inline script, handler or javascript: URL runs', async ({
    launch,
  }) => {
    const page = await launch()
    await expect(page.locator('article h1')).toBeVisible()
    const policy = await page
      .locator('meta[http-equiv="Content-Security-Policy"]')
      .getAttribute('content')
    expect(policy).toContain("default-src 'none'")
    expect(policy).toContain("script-src 'self'")
    expect(policy).not.toContain('unsafe-inline')
    expect(policy).not.toContain('unsafe-eval')
    const violations: string[] = []
    page.on('console', (message) => {
      if (/Content Security Policy/.test(message.text())) violations.push(message.text())
    })
    // Play a page that got markup in somehow (eval cannot be tested from here: the test's own
    // evaluation bypasses the CSP, so the policy's lack of 'unsafe-eval' is checked above): each of these would set the sentinel if it ran.
    await page.evaluate(async () => {
      const inline = document.createElement('script')
      inline.textContent = 'globalThis.__pwned = "inline"'
      document.body.append(inline)
      const handler = document.createElement('img')
      handler.setAttribute('src', 'data:image/gif;base64,R0lGODlhAQABAAAAACw=')
      handler.setAttribute('onload', 'globalThis.__pwned = "handler"')
      document.body.append(handler)
      const link = document.createElement('a')
      link.href = 'javascript:globalThis.__pwned="link"'
      document.body.append(link)
      link.click()
      await new Promise((resolve) => setTimeout(resolve, 200))
      inline.remove()
      handler.remove()
      link.remove()
    })
    expect(await sentinel(page)).toBeUndefined()
    expect(violations.length).toBeGreaterThanOrEqual(3)
  })
})

test('links in a note: only https and mailto reach the system browser; the page never navigates or opens a window', async ({
  launch,
  running,
  openedLinks,
  context,
}) => {
  const page = await launch()
  await expect(page.locator('article h1')).toBeVisible()
  const services = running.services!
  const documentId = 'europol-warns-about-e2ee'
  const highlight = await services.annotations.create({
    documentId,
    start: 0,
    end: 40,
    labelId: 'evidence',
  })
  if (!highlight.ok) throw new Error('highlight')
  const links = [
    '[safe](https://example.org/page)',
    '[mail](mailto:reader@example.org)',
    '[local](file:///etc/passwd)',
    '[script](javascript:alert(1))',
    '[plain](http://example.org/)',
    '[data](data:text/html,hi)',
    '[app](lectern://settings)',
    '<a href="https://example.org/new" target="_blank">new window</a>',
  ]
  await services.annotations.update(documentId, highlight.value.id, { note: links.join(' ') })
  await page.reload()
  const startUrl = page.url()
  const anchors = page.locator('.note-card .markdown a')
  await expect(anchors.first()).toBeVisible()
  for (let i = 0; i < (await anchors.count()); i++) {
    await anchors.nth(i).click()
    await anchors.nth(i).click({ button: 'middle' })
    await anchors.nth(i).focus()
    await page.keyboard.press('Enter')
  }
  await page.waitForTimeout(300)
  expect(page.url()).toBe(startUrl)
  expect(context.pages()).toHaveLength(1)
  // Unsafe links are kept as their words only; raw HTML in a note is shown as text.
  await expect(anchors).toHaveCount(2)
  await expect(page.locator('.note-card .markdown')).toContainText('target="_blank">new window')
  expect(new Set(openedLinks)).toEqual(
    new Set(['https://example.org/page', 'mailto:reader@example.org']),
  )
  expect(openedLinks.length).toBeGreaterThanOrEqual(4)
})
