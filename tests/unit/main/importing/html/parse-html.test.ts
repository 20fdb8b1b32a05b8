import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { JSDOM } from 'jsdom'
import { parseHtml } from '../../../../../src/main/importing/html/parse-html'
import { blocksOfHtml } from '../../../../../src/main/importing/html/blocks-of-html'

const fixture = (name: string) =>
  readFileSync(resolve(__dirname, '../../../../fixtures/html', name), 'utf8')

describe('parseHtml on a saved article', () => {
  const parsed = parseHtml(fixture('article.html'), 'herons.html')
  const kinds = parsed.content.segments.map((s) => [
    s.kind,
    parsed.content.text.slice(s.start, s.end),
  ])

  it('keeps the article and drops the page around it', () => {
    expect(parsed.title).toBe('Herons of the river')
    expect(parsed.content.text).toContain('Grey herons wait by the river')
    expect(parsed.content.text).not.toMatch(/Subscribe|Privacy|Home/)
  })

  it('reads headings, quotes, list items and figures as blocks', () => {
    expect(kinds).toContainEqual(['heading', 'Where they nest'])
    expect(kinds).toContainEqual(['quote', "Patience is the heron's whole method."])
    expect(kinds).toContainEqual(['list-item', 'Purple heron'])
    expect(kinds).toContainEqual(['figure-alt', 'A grey heron standing in shallow water'])
    expect(kinds).toContainEqual(['figure-caption', 'A heron at dawn.'])
  })

  it('knows where the page came from and its language', () => {
    expect(parsed).toMatchObject({
      siteName: 'Field Notes',
      url: 'https://fieldnotes.example/herons',
      language: 'en',
    })
  })
})

describe('parseHtml on a hostile page', () => {
  let requests = 0
  let port = 0
  const server = createServer((_request, response) => {
    requests++
    response.end('x')
  })
  beforeAll(async () => {
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
    port = (server.address() as { port: number }).port
  })
  afterAll(() => new Promise<void>((done) => server.close(() => done())))

  it('runs no script, fetches nothing, and keeps no active content', async () => {
    const html = fixture('xss-vectors.html').replaceAll('PORT', String(port))
    const parsed = parseHtml(html, 'hostile.html')
    await new Promise((done) => setTimeout(done, 100))
    expect((globalThis as { __pwned?: unknown }).__pwned).toBeUndefined()
    expect(requests).toBe(0)
    expect(parsed.content.text).toContain('ordinary text that explains nothing')
    expect(parsed.content.text).not.toMatch(
      /__pwned|javascript:|onerror|onload|<script|<iframe|<object|<embed|<form|127\.0\.0\.1/i,
    )
  })
})

describe('parseHtml on deeply nested markup', () => {
  const paragraph = '<p>The grey heron waits by the river for the fish that come with the tide.</p>'
  const deepPage = (depth: number) =>
    `<html lang="en"><head><title>Deep</title></head><body>${'<div>'.repeat(depth)}${paragraph.repeat(3)}${'</div>'.repeat(depth)}</body></html>`

  // Before: 2,500 levels ran for minutes (Readability) and 10,000 overflowed the stack.
  it.each([2_500, 10_000])('reads a page nested %i levels deep, keeping its words', (depth) => {
    const parsed = parseHtml(deepPage(depth), 'deep.html')
    expect(parsed.title).toBe('Deep')
    expect(parsed.content.text.split('\n\n')).toEqual([
      'Deep',
      ...Array(3).fill('The grey heron waits by the river for the fish that come with the tide.'),
    ])
  })

  it('reads a shallow page with all its blocks', () => {
    const shallow = parseHtml(deepPage(3), 'deep.html')
    expect(shallow.content.segments.map((s) => s.kind)).toEqual([
      'title',
      'paragraph',
      'paragraph',
      'paragraph',
    ])
  })
})

describe('blocksOfHtml on words outside any paragraph', () => {
  it('keeps words right inside a container as paragraphs, with their inline markup', () => {
    const { document } = new JSDOM(
      '<body>Words right in the body <em>with emphasis</em>,<br>a break. <p>A paragraph.</p> Tail words.<div><p>Only blocks here.</p></div></body>',
    ).window
    expect(blocksOfHtml(document.body).map((b) => [b.kind, b.text])).toEqual([
      ['paragraph', 'Words right in the body with emphasis, a break.'],
      ['paragraph', 'A paragraph.'],
      ['paragraph', 'Tail words.'],
      ['paragraph', 'Only blocks here.'],
    ])
  })

  // A page nested past Readability's depth is read as it is: its bare words must still count.
  it('keeps the words of a deep page whose text sits in bare <div>s', () => {
    const parsed = parseHtml(
      `<html><head><title>Deep</title></head><body>${'<div>'.repeat(100)}<div>The grey heron waits.</div><div>The river runs.</div>${'</div>'.repeat(100)}</body></html>`,
      'deep.html',
    )
    expect(parsed.content.text).toBe('Deep\n\nThe grey heron waits.\n\nThe river runs.')
  })
})
