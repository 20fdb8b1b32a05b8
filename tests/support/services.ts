import { resolve } from 'node:path'
import { createServices } from '../../src/main/services/create-services'

/** The repository's resources folder, with the bundled article. */
export const resourcesDir = resolve(__dirname, '../../resources')

/** The real services over `dataDir`, on a fixed clock that advances a second per reading. */
export function servicesOn(dataDir: string, start = '2026-11-28T09:00:00.000Z') {
  let time = Date.parse(start)
  return createServices({
    dataDir,
    resourcesDir,
    now: () => {
      const now = new Date(time)
      time += 1000
      return now
    },
  })
}
