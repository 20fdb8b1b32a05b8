// Child process of the crash test: writes through the real store in a loop and prints an
// acknowledgement after each write resolves, until it is killed.
import { DataStore } from '../../src/main/store/data-store'
import { Backups } from '../../src/main/store/backups'
import { openStoredFile } from '../../src/main/store/open-stored-file'
import { realFs } from '../../src/main/store/store-fs'
import { fontSizeForEntry, journalSpec } from './journal-file'

async function writeUntilKilled(): Promise<never> {
  const dataDir = process.argv[2]
  if (!dataDir) throw new Error('usage: crash-writer <dataDir>')
  const now = () => new Date().toISOString()
  const store = await DataStore.open({ dataDir, now })
  const journal = await openStoredFile(journalSpec, {
    dataDir,
    fs: realFs,
    backups: new Backups(dataDir, realFs),
    now,
    report: () => undefined,
  })
  if (!journal) throw new Error('journal has defaults')
  let next = (journal.data.entries.at(-1) ?? 0) + 1
  for (;;) {
    const entry = next++
    await journal.update((data) => {
      data.entries.push(entry)
    })
    process.stdout.write(`journal ${entry}\n`)
    const fontSize = fontSizeForEntry(entry)
    await store.library.update((library) => {
      library.settings = { ...library.settings, fontSize }
    })
    process.stdout.write(`library ${entry}\n`)
  }
}

void writeUntilKilled()
