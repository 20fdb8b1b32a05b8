import type { DocumentReader } from '../../src/main/importing/read-off-thread'
import { readDocument } from '../../src/main/importing/import-format'

/**
 * Reads imported files on the test's own thread, loaded up front: Playwright's TypeScript loader
 * cannot follow the app's lazy `import()` of the parsers.
 */
export const readInProcess: DocumentReader = async (bytes, fileName) =>
  readDocument(bytes, fileName)
