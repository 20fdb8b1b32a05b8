import { describe, expect, it } from 'vitest'
import { buildApi, requestNames } from '../../../../src/shared/ipc/contract'

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
