// Child process of the crash test (bundled by it with esbuild, so it starts fast): writes through the real store and services in a loop and
// prints an acknowledgement after each write resolves, until it is killed. Each round writes a
// test journal entry, the library's settings, a highlight, its note, a card and a review.
import { createServices } from '../../src/main/services/create-services'
import { Backups } from '../../src/main/store/backups'
import { openStoredFile } from '../../src/main/store/open-stored-file'
import { realFs } from '../../src/main/store/store-fs'
import { crashDocumentId, fontSizeForEntry, journalSpec, passageForEntry } from './journal-file'

async function writeUntilKilled(): Promise<never> {
  const [dataDir, resourcesDir] = process.argv.slice(2)
  if (!dataDir || !resourcesDir) throw new Error('usage: crash-writer <dataDir> <resourcesDir>')
  const now = () => new Date().toISOString()
  const services = await createServices({ dataDir, resourcesDir, seedStudyMaterial: false })
  const { store } = services
  const journal = await openStoredFile(journalSpec, {
    dataDir,
    fs: realFs,
    backups: new Backups(dataDir, realFs),
    now,
    report: () => undefined,
  })
  if (!journal) throw new Error('journal has defaults')
  const acknowledge = (line: string) => process.stdout.write(`${line}\n`)
  const check = <T extends { ok: boolean }>(result: T, what: string): T & { ok: true } => {
    if (!result.ok) throw new Error(`${what} failed: ${JSON.stringify(result)}`)
    return result as T & { ok: true }
  }
  let next = (journal.data.entries.at(-1) ?? 0) + 1
  for (;;) {
    const entry = next++
    await journal.update((data) => {
      data.entries.push(entry)
    })
    acknowledge(`journal ${entry}`)
    const fontSize = fontSizeForEntry(entry)
    await store.library.update((library) => {
      library.settings = { ...library.settings, fontSize }
    })
    acknowledge(`library ${entry}`)
    const passage = passageForEntry(entry)
    const highlight = check(
      await services.annotations.create({
        documentId: crashDocumentId,
        ...passage,
        labelId: 'evidence',
      }),
      'highlight',
    ).value
    acknowledge(`highlight ${entry} ${highlight.id}`)
    check(
      await services.annotations.update(crashDocumentId, highlight.id, { note: `note ${entry}` }),
      'note',
    )
    acknowledge(`note ${entry} ${highlight.id}`)
    const card = check(
      await services.cards.create(crashDocumentId, highlight.id, {
        kind: 'basic',
        front: `question ${entry}`,
        back: `answer ${entry}`,
        isReversible: false,
      }),
      'card',
    ).value
    acknowledge(`card ${entry} ${card.id}`)
    check(await services.reviews.grade(crashDocumentId, card.id, 'forward', 'good'), 'review')
    acknowledge(`review ${entry} ${card.id}`)
  }
}

void writeUntilKilled()
