// Child process of the lock race test (bundled by it with esbuild, so it starts fast). Reads
// commands on stdin, one a line, and answers each on stdout: `claim` asks for the library's lock
// (`held`, `in-use <pid>` or `error <message>`), `release` lets go of it (`released`). Several of
// these, told to claim at the same moment, race for one lock as separate Lecterns would.
import { createInterface } from 'node:readline'
import { acquireLibraryLock } from '../../src/main/store/library-lock'
import { realFs } from '../../src/main/store/store-fs'

async function answerCommands(): Promise<void> {
  const [dataDir] = process.argv.slice(2)
  if (!dataDir) throw new Error('usage: lock-claimer <dataDir>')
  const say = (line: string) => process.stdout.write(`${line}\n`)
  let release: (() => Promise<void>) | null = null
  say('ready')
  for await (const command of createInterface({ input: process.stdin })) {
    if (command === 'claim') {
      try {
        const outcome = await acquireLibraryLock(realFs, dataDir)
        if (outcome.kind === 'held') release = outcome.release
        say(outcome.kind === 'in-use' ? `in-use ${outcome.holder.pid}` : outcome.kind)
      } catch (error) {
        say(`error ${error instanceof Error ? error.message : String(error)}`)
      }
    } else if (command === 'release') {
      await release?.()
      release = null
      say('released')
    }
  }
}

void answerCommands()
