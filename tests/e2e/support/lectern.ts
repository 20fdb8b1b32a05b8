import { test as base, expect, type Page } from '@playwright/test'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createServices, type Services } from '../../../src/main/services/create-services'
import { bridgePage, type Bridge } from '../../support/bridge-page'
import { readInProcess } from '../../support/read-in-process'
import { serveDirectory } from '../../support/static-server'

const repoRoot = resolve(__dirname, '../../..')

/** Starts Lectern in a page: the real services over `dataDir`, bridged through the contract. */
export type LaunchLectern = (options?: { now?: () => Date }) => Promise<Page>

interface Fixtures {
  /** Whether the bundled positions and starter deck are set up (true, as on a real first start). */
  studyMaterial: boolean
  /** Console errors a test provokes on purpose (CSP refusals); any other error fails the test. */
  expectedConsoleErrors: RegExp | null
  /** A fresh data dir per test; a test may launch Lectern on it several times (restarts). */
  dataDir: string
  launch: LaunchLectern
  /** Links the app asked the system browser to open. */
  openedLinks: string[]
  /** The services of the latest launch, for tests that play the OS (a deep link arriving). */
  running: { services: Services | null }
}

interface WorkerFixtures {
  appUrl: string
}

/**
 * The e2e fixture of guide §7: the built renderer in Chromium, the real main-process services
 * and files; only Electron's IPC transport is replaced by `page.exposeFunction`.
 */
export const test = base.extend<Fixtures, WorkerFixtures>({
  appUrl: [
    // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their deps first
    async ({}, use) => {
      const server = await serveDirectory(
        process.env['LECTERN_RENDERER_OUT'] ?? join(repoRoot, 'out/renderer'),
      )
      await use(server.url)
      await server.close()
    },
    { scope: 'worker' },
  ],
  // eslint-disable-next-line no-empty-pattern -- as above
  dataDir: async ({}, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'lectern-e2e-'))
    await use(dir)
    // Every launch's services are closed by now (`launch` is torn down first). A folder the
    // machine is slow to let go of is retried; one left behind in /tmp fails no test.
    await rm(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 }).catch(
      (error: unknown) => console.warn(`left the test's data folder ${dir}: ${String(error)}`),
    )
  },
  studyMaterial: [true, { option: true }],
  expectedConsoleErrors: [null, { option: true }],
  // eslint-disable-next-line no-empty-pattern -- as above
  openedLinks: async ({}, use) => use([]),
  // eslint-disable-next-line no-empty-pattern -- as above
  running: async ({}, use) => use({ services: null }),
  launch: async (
    { context, dataDir, appUrl, openedLinks, studyMaterial, running, expectedConsoleErrors },
    use,
  ) => {
    const problems: string[] = []
    const launches: { page: Page; bridge: Bridge; services: Services }[] = []
    await use(async (options = {}) => {
      const services = await createServices({
        dataDir,
        resourcesDir: join(repoRoot, 'resources'),
        seedStudyMaterial: studyMaterial,
        readDocument: readInProcess,
        ...(options.now ? { now: options.now } : {}),
      })
      running.services = services
      const page = await context.newPage()
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`))
      page.on('console', (message) => {
        if (message.type() !== 'error') return
        if (expectedConsoleErrors?.test(message.text())) return
        problems.push(`console error: ${message.text()}`)
      })
      const bridge = await bridgePage(page, services, async (url) => void openedLinks.push(url))
      launches.push({ page, bridge, services })
      await page.goto(appUrl)
      return page
    })
    // Done with the data folder before it is removed: no page asks for more, every request
    // already made has been answered (its writes are durable then), and the lock is let go.
    for (const { page, bridge, services } of launches) {
      await page.close()
      await bridge.settled()
      await services.store.close()
    }
    expect(problems, 'the page logged no errors (CSP violations included)').toEqual([])
  },
})

export { expect }
