import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { unzipSync } from 'fflate'
import type { Page } from '@playwright/test'
import { loadSqlJs } from '../../src/main/interchange/apkg'
import { annotateArticle } from '../support/annotated-library'
import { servicesOn } from '../support/services'
import { annotationCollectionModel } from '../support/web-annotation-model'
import { test, expect } from './support/lectern'
import { paintedTexts } from './support/text-helpers'

const documentId = 'europol-warns-about-e2ee'

/** Chooses a format in the export dialog, exports, and returns the downloaded file. */
async function exportAs(page: Page, format: RegExp, folder: string) {
  const dialog = page.getByRole('dialog', { name: 'Export, import and back up' })
  await dialog.getByRole('radio', { name: format }).check()
  const download = page.waitForEvent('download')
  await dialog.getByRole('button', { name: 'Export', exact: true }).click()
  const file = await download
  const path = join(folder, file.suggestedFilename())
  await file.saveAs(path)
  await expect(dialog.getByRole('status')).toContainText(`Exported “${file.suggestedFilename()}”`)
  return { name: file.suggestedFilename(), bytes: await readFile(path) }
}

test('export each format from the window, and back up now', async ({ launch, dataDir }) => {
  const folder = await mkdtemp(join(tmpdir(), 'lectern-downloads-'))
  try {
    const page = await launch()
    await expect(page.locator('article h1')).toBeVisible()
    await page.getByRole('button', { name: 'Export' }).click()
    const dialog = page.getByRole('dialog', { name: 'Export, import and back up' })
    await expect(dialog.getByRole('radio', { name: /“Europol warns/ })).toBeChecked()

    const md = await exportAs(page, /Markdown notebook/, folder)
    expect(md.name).toMatch(/\(europol-warns-about-e2ee\)\.md$/)
    const markdown = md.bytes.toString('utf8')
    expect(markdown).toMatch(/^---\ntitle: "Europol warns/)
    // The bundled key positions are highlights: each a quote with a link back to its passage.
    expect(markdown).toMatch(
      /\[open in Lectern\]\(lectern:\/\/open\/europol-warns-about-e2ee\/[\w-]+\) \^hl-/,
    )

    const w3c = await exportAs(page, /W3C Web Annotations/, folder)
    const collection = annotationCollectionModel.parse(JSON.parse(w3c.bytes.toString('utf8')))
    expect(collection.total).toBeGreaterThan(0)

    const text = await exportAs(page, /Anki text file/, folder)
    const lines = text.bytes.toString('utf8').split('\n')
    expect(lines.slice(0, 2)).toEqual(['#separator:tab', '#html:true'])
    expect(lines.filter((line) => line && !line.startsWith('#'))).toHaveLength(14)

    const apkg = await exportAs(page, /Anki package/, folder)
    const SQL = await loadSqlJs()
    const db = new SQL.Database(unzipSync(apkg.bytes)['collection.anki2'])
    expect(db.exec('PRAGMA integrity_check')[0]!.values).toEqual([['ok']])
    expect(db.exec('SELECT count(*) FROM notes')[0]!.values).toEqual([[14]])
    db.close()

    await dialog.getByRole('radio', { name: 'The whole library' }).check()
    const library = await exportAs(page, /Markdown notebook/, folder)
    expect(library.name).toMatch(/\.md$/)

    await dialog.getByRole('button', { name: 'Back up now' }).click()
    await expect(
      page.getByRole('status').filter({ hasText: 'Backed up your library to' }),
    ).toBeVisible()
    await expect(dialog.getByRole('list', { name: 'Recent backups' })).toContainText('manual')
    const [archive] = await readdir(join(dataDir, 'archives'))
    const archiveNames = Object.keys(unzipSync(await readFile(join(dataDir, 'archives', archive!))))
    expect(archiveNames).toContain('library.json')
    await page.screenshot({ path: 'test-results/export-dialog.png' })
  } finally {
    await rm(folder, { recursive: true, force: true })
  }
})

test.describe('imports', () => {
  test.use({ studyMaterial: false })

  test('W3C annotations and Anki cards from another library come back', async ({ launch }) => {
    const sourceDir = await mkdtemp(join(tmpdir(), 'lectern-source-'))
    try {
      const source = await servicesOn(sourceDir)
      await annotateArticle(source)
      const w3c = await source.exports.export('w3c', documentId)
      const anki = await source.exports.export('anki-txt', documentId)
      if (!w3c.ok || !anki.ok) throw new Error('export failed')
      const w3cPath = join(sourceDir, 'annotations.jsonld')
      const ankiPath = join(sourceDir, 'cards.txt')
      await writeFile(w3cPath, w3c.value[0]!.bytes)
      await writeFile(ankiPath, anki.value[0]!.bytes)

      const page = await launch()
      await expect(page.locator('article h1')).toBeVisible()
      await page.keyboard.press('Control+e')
      const dialog = page.getByRole('dialog', { name: 'Export, import and back up' })
      await dialog.getByLabel(/W3C annotations/).setInputFiles(w3cPath)
      await expect(dialog.getByRole('status')).toHaveText(
        /3 highlights added, 0 updated in “Europol/,
      )
      await dialog.getByLabel(/Anki text into/).setInputFiles(ankiPath)
      await expect(dialog.getByRole('status')).toHaveText(/3 cards added, 0 updated/)
      await dialog.getByRole('button', { name: 'Close' }).click()
      await expect
        .poll(() => paintedTexts(page, 'lectern-label-evidence'))
        .toEqual(['end-to-end encryption'])
      await expect(page.getByRole('article', { name: /Highlight: Europol/ }).first()).toContainText(
        'police',
      )
    } finally {
      await rm(sourceDir, { recursive: true, force: true })
    }
  })
})

test.describe('deep links', () => {
  test.use({ studyMaterial: false })

  test('a lectern:// link opens the passage, or says it is gone', async ({ launch, running }) => {
    const page = await launch()
    await expect(page.locator('article h1')).toBeVisible()
    const services = running.services!
    const { highlights } = await annotateArticle(services)
    const target = highlights[2]!
    // From outside: the OS hands main a link; main tells the window (as the preload would).
    await page.getByRole('button', { name: 'Library' }).first().click()
    await expect(page.getByRole('heading', { name: 'Library' })).toBeVisible()
    services.links.receive(`lectern://open/${documentId}/${target.id}`)
    await page.evaluate(() => window.dispatchEvent(new Event('lectern:openLink')))
    await expect(page.locator('article h1')).toBeVisible()
    await expect
      .poll(() =>
        page.evaluate(() =>
          [...(CSS.highlights.get('lectern-flash') ?? [])].map((r) => r.toString()).join(),
        ),
      )
      .toBe('governments')

    // From a note: a link to another passage opens it here, not in the browser.
    await services.annotations.update(documentId, highlights[1]!.id, {
      note: `See [the agency](lectern://open/${documentId}/${highlights[0]!.id}).`,
    })
    await page.reload()
    await page
      .getByRole('article', { name: /Highlight: end-to-end encryption/ })
      .getByRole('link', { name: 'the agency' })
      .click()
    await expect
      .poll(() =>
        page.evaluate(() =>
          [...(CSS.highlights.get('lectern-flash') ?? [])].map((r) => r.toString()).join(),
        ),
      )
      .toBe('Europol')

    // Gone: the highlight was deleted.
    await services.annotations.remove(documentId, target.id)
    services.links.receive(`lectern://open/${documentId}/${target.id}`)
    await page.evaluate(() => window.dispatchEvent(new Event('lectern:openLink')))
    await expect(page.getByRole('alert')).toContainText(
      'The highlight this link points to was deleted',
    )
  })
})
