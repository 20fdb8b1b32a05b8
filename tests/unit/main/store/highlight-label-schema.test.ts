import { describe, expect, it } from 'vitest'
import { highlightLabelSchema, settingsSchema } from '../../../../src/main/store/schema'
import { defaultSettings } from '../../../../src/shared/model'
import { servicesOn } from '../../../support/services'
import { tempDirs } from '../../../support/temp-dir'

describe('a highlight label’s card kind', () => {
  const makeDir = tempDirs()

  it('is optional, so the labels of a library from before card kinds still read', () => {
    const old = { id: 'definition', name: 'Definition', color: '#e78fcf' }
    expect(highlightLabelSchema.parse(old)).toEqual(old)
    const settings = settingsSchema.parse({
      theme: 'light',
      fontSize: 19,
      sidePaneWidth: 340,
      isSidePaneOpen: true,
      highlightLabels: [old],
    })
    expect(settings.highlightLabels).toEqual([old])
  })

  it('keeps a kind it knows and reads one it does not know as absent', () => {
    const label = { id: 'evidence', name: 'Evidence', color: '#5cc98a' }
    expect(highlightLabelSchema.parse({ ...label, cardKind: 'question' })).toEqual({
      ...label,
      cardKind: 'question',
    })
    expect(highlightLabelSchema.parse({ ...label, cardKind: 'image-occlusion' })).toEqual(label)
  })

  it('is kept across restarts once the reader changes it', async () => {
    const dataDir = await makeDir()
    const first = await servicesOn(dataDir)
    const labels = defaultSettings.highlightLabels.map((label) =>
      label.id === 'definition' ? { ...label, cardKind: 'question' as const } : label,
    )
    expect(await first.settings.update({ highlightLabels: labels })).toMatchObject({ ok: true })
    const second = await servicesOn(dataDir)
    expect(second.settings.get().highlightLabels).toEqual(labels)
  })
})
