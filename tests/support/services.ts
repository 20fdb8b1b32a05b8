import { resolve } from 'node:path'
import { createServices } from '../../src/main/services/create-services'

/** The repository's resources folder, with the bundled article. */
export const resourcesDir = resolve(__dirname, '../../resources')

/**
 * The real services over `dataDir`, on a fixed clock that advances a second per reading; without
 * the bundled study material unless asked, so tests see only what they make.
 */
export function servicesOn(
  dataDir: string,
  start = '2026-11-28T09:00:00.000Z',
  seedStudyMaterial = false,
) {
  let time = Date.parse(start)
  return createServices({
    dataDir,
    resourcesDir,
    seedStudyMaterial,
    now: () => {
      const now = new Date(time)
      time += 1000
      return now
    },
  })
}
