import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { hostname, tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import { bundleChild } from '../../../support/bundle-child'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { lockFileName } from '../../../../src/main/store/library-lock'
import { startTimeOf, thisProcess } from '../../../../src/main/store/process-identity'

/** Rounds of the race; LECTERN_LOCK_ROUNDS asks for more. */
const rounds = Number(process.env['LECTERN_LOCK_ROUNDS'] ?? 24)
/** Claimers per round: separate processes, as separate Lecterns would be. */
const claimers = 4
const claimer = resolve(__dirname, '../../../support/lock-claimer.ts')

/** One child process that claims and releases the lock when told, answering line by line. */
class Claimer {
  readonly #child: ChildProcessWithoutNullStreams
  readonly #lines: AsyncIterator<string>

  constructor(bundle: string, dataDir: string) {
    this.#child = spawn(process.execPath, [bundle, dataDir])
    this.#lines = createInterface({ input: this.#child.stdout })[Symbol.asyncIterator]()
  }

  get pid(): number {
    return this.#child.pid ?? -1
  }

  /** Sends a command; its answer is read with `answer`. */
  tell(command: string): void {
    this.#child.stdin.write(`${command}\n`)
  }

  async answer(): Promise<string> {
    const next = await this.#lines.next()
    if (next.done) throw new Error(`claimer ${this.pid} ended`)
    return next.value
  }

  stop(): void {
    this.#child.kill('SIGKILL')
  }
}

/** The pid of a process that has ended. */
async function deadPid(): Promise<number> {
  const child = spawn('true')
  await new Promise((resolvePromise) => child.once('exit', resolvePromise))
  return child.pid ?? 999_999
}

describe('the library lock, claimed by several processes at once', () => {
  let root: string
  let bundle = ''
  const children: Claimer[] = []

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'lectern-lock-race-'))
    bundle = await bundleChild(claimer)
  })
  afterAll(async () => {
    for (const child of children.splice(0)) child.stop()
    await rm(root, { recursive: true, force: true })
    await rm(dirname(bundle), { recursive: true, force: true })
  })

  it(`gives the lock to exactly one of ${claimers} processes claiming it together, in each of ${rounds} rounds`, async () => {
    const dataDir = join(root, 'library')
    await mkdir(dataDir)
    for (let index = 0; index < claimers; index++) children.push(new Claimer(bundle, dataDir))
    for (const child of children) expect(await child.answer()).toBe('ready')

    const me = thisProcess()
    const gone = await deadPid()
    const myStart = startTimeOf(process.pid)
    // Every way a lock is left behind: by a crash, cut off, by a pid now reused, before a reboot.
    const staleLocks: Record<string, string> = {
      'a dead process': JSON.stringify({ ...me, pid: gone, token: 'dead', since: '2026-11-28' }),
      'an empty file': '',
      'half a record': '{"pid":',
      'a reused pid': JSON.stringify({
        ...me,
        started: String(Number(myStart ?? 0) + 1),
        token: 'reused',
      }),
      'an earlier boot': JSON.stringify({ ...me, boot: 'another-boot', token: 'boot' }),
      'an older Lectern that died': JSON.stringify({ pid: gone, host: hostname(), since: '' }),
    }
    const lockPath = join(dataDir, lockFileName)
    const leftBehind: Record<string, () => Promise<void>> = {
      ...Object.fromEntries(
        Object.entries(staleLocks).map(([kind, text]) => [kind, () => writeFile(lockPath, text)]),
      ),
      'nobody (no lock at all)': async () => undefined,
      'a process that died while taking over a dead one': async () => {
        await writeFile(lockPath, staleLocks['a dead process']!)
        await writeFile(
          join(dataDir, `lectern.takeover-${gone}-0a1b2c.lock`),
          JSON.stringify({ ...me, pid: gone, token: 'dead-taker', since: '' }),
        )
      },
    }
    const kinds = Object.keys(leftBehind)
    let wins = 0

    for (let round = 0; round < rounds; round++) {
      const kind = kinds[round % kinds.length]!
      await leftBehind[kind]!()
      for (const child of children) child.tell('claim')
      const answers = await Promise.all(children.map((child) => child.answer()))
      const where = `round ${round} (a lock left by ${kind}): ${answers.join(', ')}`

      const holders = children.filter((_, index) => answers[index] === 'held')
      expect(holders, where).toHaveLength(1)
      const holder = holders[0]!
      // The others were told who holds it, and the lock on disk names that very process.
      for (const answer of answers) expect(answer, where).toMatch(/^(held|in-use \d+)$/)
      for (const answer of answers.filter((answer) => answer !== 'held'))
        expect(answer, where).toBe(`in-use ${holder.pid}`)
      expect(JSON.parse(await readFile(lockPath, 'utf8')).pid, where).toBe(holder.pid)
      wins++
      // A held lock stays held: asked again, every other claimer is refused.
      const others = children.filter((child) => child !== holder)
      for (const child of others) child.tell('claim')
      for (const child of others) expect(await child.answer(), where).toBe(`in-use ${holder.pid}`)

      for (const child of children) child.tell('release')
      for (const child of children) expect(await child.answer()).toBe('released')
      // Nothing is left behind: no lock, no take-over file, no temp file.
      expect(await readdir(dataDir), where).toEqual([])
    }
    expect(wins).toBe(rounds)
  })
})
