import { describe, expect, it } from 'vitest'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import {
  buildApi,
  eventNames,
  requestDefinitions,
  requestNames,
} from '../../../../src/shared/ipc/contract'
import { alignmentRequests } from '../../../../src/shared/alignment/requests'
import { highlightRequests } from '../../../../src/shared/highlights/requests'
import { interchangeRequests } from '../../../../src/shared/interchange/requests'
import { libraryRequests } from '../../../../src/shared/library/requests'
import { linkRequests } from '../../../../src/shared/links/requests'
import { positionRequests } from '../../../../src/shared/positions/requests'
import { settingsRequests } from '../../../../src/shared/settings/requests'
import { studyRequests } from '../../../../src/shared/study/requests'

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

describe('requestDefinitions', () => {
  const features = {
    alignmentRequests,
    highlightRequests,
    interchangeRequests,
    libraryRequests,
    linkRequests,
    positionRequests,
    settingsRequests,
    studyRequests,
  }

  // The contract spreads the features' modules into one object, where a name two features both
  // define would silently keep only the later one.
  it('names each request of every feature once, and nothing else', () => {
    const defined = Object.values(features).flatMap((requests) => Object.keys(requests))
    expect([...requestNames].sort()).toEqual([...defined].sort())
  })

  it('takes each request definition from its feature as it is', () => {
    for (const requests of Object.values(features))
      for (const [name, definition] of Object.entries(requests))
        expect(requestDefinitions[name as keyof typeof requestDefinitions]).toBe(definition)
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
