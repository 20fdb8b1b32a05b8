import { test, expect } from './support/lectern'
import { clickText, dragSelect, highlightWithKey } from './support/text-helpers'

// These flows start from the article alone, as a reader who removed its bundled positions.
test.use({ studyMaterial: false })

const hostileNote = [
  '<script>window.__pwned = "script"</script>',
  '<img src="x" onerror="window.__pwned = \'img\'">',
  '<svg onload="window.__pwned = \'svg\'"><circle r="4"/></svg>',
  '<iframe src="https://evil.example/"></iframe>',
  '<a href="javascript:window.__pwned=1">js link</a>',
  '<form action="https://evil.example"><button>go</button></form>',
  '**still bold**',
].join('\n\n')

test('a hostile note runs no script, loads nothing and keeps no active content', async ({
  launch,
}) => {
  const page = await launch()
  await expect(page.locator('article h1')).toBeVisible()
  const requests: string[] = []
  page.on('request', (request) => {
    if (!request.url().startsWith('http://127.0.0.1')) requests.push(request.url())
  })
  await dragSelect(page, 'Absolutism is not useful on either side.')
  await highlightWithKey(page, 'Absolutism is not useful on either side.')
  await clickText(page, 'Absolutism')
  await page.getByRole('button', { name: 'Add note' }).click()
  await page.getByRole('textbox', { name: /Note on/ }).fill(hostileNote)
  await page.getByRole('button', { name: 'Done' }).click()

  const note = page.locator('.note-card .markdown')
  await expect(note.locator('strong')).toHaveText('still bold')
  expect(
    await note.locator('script, img, svg, iframe, form, button, [onerror], [onload]').count(),
  ).toBe(0)
  expect(await note.locator('a[href^="javascript:"]').count()).toBe(0)
  expect(
    await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned),
  ).toBeUndefined()
  expect(requests).toEqual([])
})
