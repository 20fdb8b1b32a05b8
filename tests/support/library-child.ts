// A child process for the hostile-library tests (bundled by library-snapshot.ts with esbuild, so
// it starts in about 0.2 s): every library is read back by a process that did not write it, as
// the next start of the app would. Commands (argv after the script):
//   snapshot <dataDir> <resourcesDir> <seed 0|1>   prints one JSON snapshot of the library
//   cli <resourcesDir> <startAtMs> <args…>        runs `lectern <args…>`, prints {code,out,err}
//   act <dataDir> <resourcesDir>                  reads one action a line on stdin, answers each
//   hold <dataDir> <resourcesDir>                 opens the library, says "ready", waits
//   open-fault <dataDir> <resourcesDir> <stepPattern> <code> <afterPattern>
//                                                 opens the library with one step failing
import { cp, rm } from 'node:fs/promises'
import { createInterface } from 'node:readline'
import { createServices, type Services } from '../../src/main/services/create-services'
import { runCli } from '../../src/main/cli/run-cli'
import { importAnkiTextFile } from '../../src/main/interchange/import-anki-cards'
import { importWebAnnotationFile } from '../../src/main/interchange/import-annotations'
import { FaultyFs, type FaultCode } from './faulty-fs'
import { takeSnapshot, type LibraryAction } from './library-snapshot-core'

const [command, ...args] = process.argv.slice(2)

function print(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value)}\n`)
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

async function snapshot(dataDir: string, resourcesDir: string, seed: string): Promise<void> {
  let services: Services
  try {
    services = await createServices({
      dataDir,
      resourcesDir,
      seedStudyMaterial: seed === '1',
    })
  } catch (error) {
    // A library that does not open at all is a snapshot too: the tests say what went wrong.
    print({ openFailed: describeError(error) })
    return
  }
  try {
    print(await takeSnapshot(services, dataDir))
  } finally {
    await services.close()
  }
}

async function cli(resourcesDir: string, startAt: string, argv: string[]): Promise<void> {
  const wait = Number(startAt) - Date.now()
  // Children started together begin at one moment, so that they meet at the lock.
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait))
  let out = ''
  let err = ''
  let code: number
  try {
    code = await runCli(argv, {
      out: (text) => (out += text),
      err: (text) => (err += text),
      env: {},
      defaultDataDir: '/nonexistent-lectern-data-dir',
      resourcesDir,
    })
  } catch (error) {
    // What src/main/cli/index.ts prints for a command that throws.
    err += `lectern: ${describeError(error)}\n`
    code = 1
  }
  print({ code, out, err })
}

/** One action of a test, applied to the services; resolves to what was acknowledged. */
async function apply(services: Services, action: LibraryAction): Promise<unknown> {
  switch (action.kind) {
    case 'import': {
      const result = await services.library.importFile(new TextEncoder().encode(action.text), {
        fileName: action.fileName,
      })
      if (!result.ok) return { ok: false, message: result.error.message }
      const opened = await services.library.open(result.value.document.id)
      return {
        ok: true,
        documentId: result.value.document.id,
        revisionId: result.value.document.revision.id,
        textLength: opened.ok ? opened.value.content.text.length : 0,
      }
    }
    case 'highlight': {
      const made = await services.annotations.create({
        documentId: action.documentId,
        start: action.start,
        end: action.end,
        labelId: 'evidence',
      })
      if (!made.ok) return { ok: false, message: made.error.message }
      return { ok: true, id: made.value.id, exact: made.value.selectors.quote.exact }
    }
    case 'note': {
      const updated = await services.annotations.update(action.documentId, action.highlightId, {
        note: action.note,
        tags: action.tags,
      })
      return updated.ok
        ? { ok: true, note: updated.value.note, tags: updated.value.tags }
        : { ok: false, message: updated.error.message }
    }
    case 'delete-highlight': {
      const removed = await services.annotations.remove(action.documentId, action.highlightId)
      return removed.ok ? { ok: true } : { ok: false, message: removed.error.message }
    }
    case 'card': {
      const made = await services.cards.create(action.documentId, action.highlightId, {
        kind: 'basic',
        front: action.front,
        back: action.back,
        isReversible: false,
      })
      return made.ok ? { ok: true, id: made.value.id } : { ok: false, message: made.error.message }
    }
    case 'review': {
      const graded = await services.reviews.grade(
        action.documentId,
        action.cardId,
        'forward',
        'good',
      )
      return graded.ok
        ? { ok: true, reviewId: graded.value.reviewId }
        : { ok: false, message: graded.error.message }
    }
    case 'import-w3c': {
      const result = await importWebAnnotationFile(
        {
          library: services.library,
          annotations: services.annotations,
          labels: () => services.settings.get().highlightLabels,
          now: services.now,
        },
        action.json,
      )
      return result.ok
        ? { ok: true, ...result.value }
        : { ok: false, message: result.error.message }
    }
    case 'import-anki': {
      const result = await importAnkiTextFile(services.cards, action.documentId, action.text)
      return result.ok
        ? { ok: true, ...result.value }
        : { ok: false, message: result.error.message }
    }
    case 'snapshot':
      return { ok: true, snapshot: await takeSnapshot(services, action.dataDir) }
  }
}

async function act(dataDir: string, resourcesDir: string): Promise<void> {
  const services = await createServices({ dataDir, resourcesDir, seedStudyMaterial: false })
  print({
    ready: true,
    isReadOnly: services.store.isReadOnly,
    documents: services.library.list().map((d) => d.id),
  })
  const lines = createInterface({ input: process.stdin })
  for await (const line of lines) {
    if (line === 'close') break
    const action = JSON.parse(line) as LibraryAction
    try {
      print(await apply(services, action))
    } catch (error) {
      print({ ok: false, threw: describeError(error) })
    }
  }
  await services.close()
  print({ closed: true })
}

async function hold(dataDir: string, resourcesDir: string): Promise<void> {
  const services = await createServices({ dataDir, resourcesDir, seedStudyMaterial: false })
  print({ ready: true, isReadOnly: services.store.isReadOnly })
  // Held until killed: the lock stays as a crashed Lectern leaves it.
  setInterval(() => undefined, 60_000)
}

/**
 * Opens the library with one step failing: a first pass on a copy lists the steps, then the
 * first step matching `stepPattern` after one matching `afterPattern` fails with `code`.
 */
async function openFault(
  dataDir: string,
  resourcesDir: string,
  stepPattern: string,
  code: string,
  afterPattern: string,
  occurrence: string,
): Promise<void> {
  const dry = `${dataDir}-dry-run`
  await cp(dataDir, dry, { recursive: true })
  const tracer = new FaultyFs(dry)
  tracer.arm(-1)
  try {
    const services = await createServices({
      dataDir: dry,
      resourcesDir,
      seedStudyMaterial: false,
      fs: tracer.fs,
    })
    await services.close()
  } finally {
    await rm(dry, { recursive: true, force: true })
  }
  const steps = [...tracer.steps]
  const after = steps.findIndex((step) => new RegExp(afterPattern).test(step))
  const matching = steps
    .map((step, index) => ({ step, index }))
    .filter(({ step, index }) => after >= 0 && index >= after && new RegExp(stepPattern).test(step))
  const target = matching[Number(occurrence)]
  const faulty = new FaultyFs(dataDir)
  faulty.arm(target ? target.index : -1, code as FaultCode)
  try {
    const services = await createServices({
      dataDir,
      resourcesDir,
      seedStudyMaterial: false,
      fs: faulty.fs,
    })
    print({ steps, failedStep: target?.step ?? null, injected: faulty.injected, opened: true })
    // Not closed: a start that failed part-way is left as a crash leaves it.
    void services
  } catch (error) {
    print({
      steps,
      failedStep: target?.step ?? null,
      injected: faulty.injected,
      opened: false,
      message: describeError(error),
    })
  }
  process.exit(0)
}

const commands: Record<string, () => Promise<void>> = {
  snapshot: () => snapshot(args[0]!, args[1]!, args[2] ?? '0'),
  cli: () => cli(args[0]!, args[1]!, args.slice(2)),
  act: () => act(args[0]!, args[1]!),
  hold: () => hold(args[0]!, args[1]!),
  'open-fault': () => openFault(args[0]!, args[1]!, args[2]!, args[3]!, args[4]!, args[5] ?? '0'),
}

const run = commands[command ?? '']
if (!run) {
  process.stderr.write(`library-child: unknown command ${command}\n`)
  process.exit(2)
}
run().then(
  () => {
    // The snapshot and cli commands are done: leave even if a worker or timer is still open.
    if (command !== 'hold') process.exit(0)
  },
  (error: unknown) => {
    process.stderr.write(
      `library-child: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    )
    process.exit(3)
  },
)
