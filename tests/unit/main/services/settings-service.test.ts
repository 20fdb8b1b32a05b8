import { describe, expect, it } from 'vitest'
import { defaultSettings } from '../../../../src/shared/model'
import { servicesOn } from '../../../support/services'
import { tempDirs } from '../../../support/temp-dir'

describe('SettingsService', () => {
  const makeDir = tempDirs()

  it('starts with the defaults and keeps changes across restarts', async () => {
    const dataDir = await makeDir()
    const first = await servicesOn(dataDir)
    expect(first.settings.get()).toEqual(defaultSettings)
    expect(await first.settings.update({ theme: 'sepia', fontSize: 22 })).toMatchObject({
      ok: true,
      value: { theme: 'sepia', fontSize: 22, sidePaneWidth: defaultSettings.sidePaneWidth },
    })
    const second = await servicesOn(dataDir)
    expect(second.settings.get()).toMatchObject({ theme: 'sepia', fontSize: 22 })
  })
})
