import { describe, expect, it } from 'vitest'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { buildApi, eventNames, requestNames } from '../../../../src/shared/ipc/contract'

describe('buildApi', () => {
  it('makes one method per request that sends its name and argument', async () => {
    const sent: [string, unknown][] = []
    const api = buildApi(async (name, args) => {
      sent.push([name, args])
      return { ok: true, value: null }
    })
    expect(Object.keys(api).sort()).toEqual([...requestNames].sort())
    await api.openDocument({ documentId: 'doc-1' })
    await api.listDocuments()
    expect(sent).toEqual([
      ['openDocument', { documentId: 'doc-1' }],
      ['listDocuments', undefined],
    ])
  })

  it('lists every request name once', () => {
    expect(new Set(requestNames).size).toBe(requestNames.length)
  })
})

describe('eventNames', () => {
  // Regression: File → Open… sent 'openFiles', which the preload did not forward.
  it('includes every event main sends to the window', async () => {
    const app = await readFile(join(__dirname, '../../../../src/main/app.ts'), 'utf8')
    const sent = [...app.matchAll(/send\('([a-zA-Z]+)'\)/g)].map((match) => match[1])
    expect(sent).toEqual(expect.arrayContaining(['openFiles', 'showShortcuts', 'openLink']))
    for (const name of sent) expect(eventNames).toContain(name)
  })
})
