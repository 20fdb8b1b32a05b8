import { spawn } from 'node:child_process'
import { rm } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import { bundleChild } from './bundle-child'
import { afterAll, beforeAll } from 'vitest'
import type { CheckReport } from '../../src/shared/model'
import type { LibraryAction, LibrarySnapshot } from './library-snapshot-core'
import { resourcesDir } from './services'

export type { LibraryAction, LibrarySnapshot } from './library-snapshot-core'
export { takeSnapshot } from './library-snapshot-core'

const childSource = resolve(__dirname, 'library-child.ts')
let bundled: Promise<string> | null = null
let outdir = ''

/**
 * Bundles the child once for this test file (before its first test) and removes the bundle after
 * the last. One bundle instead of a TypeScript loader in every child: a child starts in ~0.2 s.
 */
export function useLibraryChild(): void {
  beforeAll(async () => {
    await libraryChild()
  }, 60_000)
  afterAll(async () => {
    if (outdir) await rm(outdir, { recursive: true, force: true })
    bundled = null
    outdir = ''
  })
}

function libraryChild(): Promise<string> {
  if (bundled) return bundled
  bundled = bundleChild(childSource).then((path) => {
    outdir = dirname(path)
    return path
  })
  return bundled
}

/** How a child ended. */
export interface ChildOutcome {
  readonly code: number | null
  readonly signal: NodeJS.Signals | null
  readonly stdout: string
  readonly stderr: string
  /** True when it was killed for running past its time. */
  readonly timedOut: boolean
}

export interface ChildOptions {
  /** Killed (SIGKILL) after this long; the outcome says so. */
  readonly timeoutMs?: number
  /** Extra node flags, e.g. a heap limit. */
  readonly nodeFlags?: readonly string[]
  /** Wraps the command in `sh -c 'ulimit -v KB; exec …'`: bounds the memory a runaway uses. */
  readonly memoryLimitKb?: number
  /** Called once the child runs, with a function that kills it (SIGKILL, by its pid). */
  readonly onStart?: (kill: () => void) => void
}

/** Runs the child with `args` to its end. */
export async function runChild(
  args: readonly string[],
  options: ChildOptions = {},
): Promise<ChildOutcome> {
  const script = await libraryChild()
  const nodeArgs = [...(options.nodeFlags ?? []), script, ...args]
  const child = options.memoryLimitKb
    ? spawn(
        'sh',
        ['-c', `ulimit -v ${options.memoryLimitKb}; exec "$0" "$@"`, process.execPath, ...nodeArgs],
        { stdio: ['ignore', 'pipe', 'pipe'] },
      )
    : spawn(process.execPath, nodeArgs, { stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  let timedOut = false
  options.onStart?.(() => child.kill('SIGKILL'))
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  const timer = options.timeoutMs
    ? setTimeout(() => {
        timedOut = true
        child.kill('SIGKILL')
      }, options.timeoutMs)
    : undefined
  return new Promise((resolvePromise) => {
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      resolvePromise({ code, signal, stdout, stderr, timedOut })
    })
  })
}

function lastJsonLine(outcome: ChildOutcome, what: string): unknown {
  const line = outcome.stdout.trim().split('\n').at(-1)
  if (!line || outcome.code !== 0)
    throw new Error(
      `${what} ended with ${outcome.signal ?? outcome.code}${outcome.timedOut ? ' (timed out)' : ''}: ${outcome.stderr.slice(0, 2000)}`,
    )
  return JSON.parse(line)
}

/**
 * Opens `dataDir` in a fresh process through the real services (as the next start of the app
 * would, recovering what it recovers) and reads back everything a reader could see.
 */
export async function snapshotLibrary(
  dataDir: string,
  options: { seedStudyMaterial?: boolean; timeoutMs?: number } = {},
): Promise<LibrarySnapshot> {
  const outcome = await runChild(
    ['snapshot', dataDir, resourcesDir, options.seedStudyMaterial ? '1' : '0'],
    { timeoutMs: options.timeoutMs ?? 30_000 },
  )
  const value = lastJsonLine(outcome, 'The snapshot') as LibrarySnapshot | { openFailed: string }
  if ('openFailed' in value)
    throw new Error(`The library did not open in a fresh process: ${value.openFailed}`)
  return value
}

/** What `lectern …` printed and returned. */
export interface CliOutcome {
  readonly code: number
  readonly out: string
  readonly err: string
}

/** Runs `lectern <argv>` (runCli, the command line's own code) in a fresh process. */
export async function runCliChild(
  argv: readonly string[],
  options: ChildOptions & { startAt?: number } = {},
): Promise<CliOutcome & { timedOut: boolean; signal: NodeJS.Signals | null }> {
  const outcome = await runChild(['cli', resourcesDir, String(options.startAt ?? 0), ...argv], {
    timeoutMs: options.timeoutMs ?? 30_000,
    ...options,
  })
  if (outcome.timedOut || outcome.signal)
    return {
      code: -1,
      out: '',
      err: outcome.stderr,
      timedOut: outcome.timedOut,
      signal: outcome.signal,
    }
  const value = lastJsonLine(outcome, `lectern ${argv.join(' ')}`) as CliOutcome
  return { ...value, timedOut: false, signal: null }
}

/** `lectern check --json` in a fresh process: its exit code, report and what it printed. */
export async function checkLibraryChild(
  dataDir: string,
): Promise<{ code: number; report: CheckReport | null; err: string; out: string }> {
  const outcome = await runCliChild(['check', '--json', '--data-dir', dataDir], {
    timeoutMs: 60_000,
  })
  let report: CheckReport | null
  try {
    report = JSON.parse(outcome.out) as CheckReport
  } catch {
    report = null
  }
  return { code: outcome.code, report, err: outcome.err, out: outcome.out }
}

/** `lectern check` as a reader sees it (text). */
export async function checkLibraryText(dataDir: string): Promise<CliOutcome> {
  return runCliChild(['check', '--data-dir', dataDir], { timeoutMs: 60_000 })
}

/** A process acting on a library: one action at a time, each answered once it resolved. */
export interface ActingSession {
  /** What the session found when it opened. */
  readonly opened: { isReadOnly: boolean; documents: string[] }
  /** Sends an action; resolves to the child's answer (or null if it died first). */
  send(action: LibraryAction): Promise<Record<string, unknown> | null>
  /** Sends an action and kills the child after `delayMs` (0: at once), answered or not. */
  sendAndKill(action: LibraryAction, delayMs: number): Promise<Record<string, unknown> | null>
  kill(): Promise<void>
  close(): Promise<void>
}

/** Starts a child that acts on `dataDir` through the real services. */
export async function startActingSession(dataDir: string): Promise<ActingSession> {
  const script = await libraryChild()
  const child = spawn(process.execPath, [script, 'act', dataDir, resourcesDir], {
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  let stderr = ''
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  const lines = createInterface({ input: child.stdout })
  const waiting: ((line: string | null) => void)[] = []
  const queued: string[] = []
  lines.on('line', (line) => {
    const next = waiting.shift()
    if (next) next(line)
    else queued.push(line)
  })
  const exited = new Promise<void>((resolvePromise) => child.on('close', () => resolvePromise()))
  void exited.then(() => {
    for (const next of waiting.splice(0)) next(null)
  })
  const nextLine = () =>
    new Promise<string | null>((resolvePromise) => {
      const line = queued.shift()
      if (line !== undefined) resolvePromise(line)
      else if (child.exitCode !== null || child.signalCode !== null) resolvePromise(null)
      else waiting.push(resolvePromise)
    })
  const first = await nextLine()
  if (first === null) throw new Error(`The acting process did not start: ${stderr.slice(0, 2000)}`)
  const opened = JSON.parse(first) as { isReadOnly: boolean; documents: string[] }
  const kill = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
    await exited
  }
  return {
    opened,
    async send(action) {
      child.stdin.write(`${JSON.stringify(action)}\n`)
      const line = await nextLine()
      return line === null ? null : (JSON.parse(line) as Record<string, unknown>)
    },
    async sendAndKill(action, delayMs) {
      child.stdin.write(`${JSON.stringify(action)}\n`)
      const answered = nextLine()
      const timer = setTimeout(() => child.kill('SIGKILL'), delayMs)
      if (delayMs === 0) child.kill('SIGKILL')
      const line = await Promise.race([answered, exited.then(() => null)])
      clearTimeout(timer)
      await kill()
      return line === null ? null : (JSON.parse(line) as Record<string, unknown>)
    },
    kill,
    async close() {
      child.stdin.end('close\n')
      await exited
    },
  }
}

/** Starts a child that opens the library and holds its lock until killed. */
export async function holdLibrary(
  dataDir: string,
): Promise<{ pid: number; kill: () => Promise<void> }> {
  const script = await libraryChild()
  const child = spawn(process.execPath, [script, 'hold', dataDir, resourcesDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const lines = createInterface({ input: child.stdout })
  const exited = new Promise<void>((resolvePromise) => child.on('close', () => resolvePromise()))
  await new Promise<void>((resolvePromise, reject) => {
    lines.once('line', () => resolvePromise())
    void exited.then(() => reject(new Error('The holding process ended before it was ready.')))
  })
  return {
    pid: child.pid!,
    kill: async () => {
      child.kill('SIGKILL')
      await exited
    },
  }
}

/** What a start with one failing step did. */
export interface FaultedOpen {
  readonly steps: readonly string[]
  readonly failedStep: string | null
  readonly injected: number
  readonly opened: boolean
  readonly message?: string
}

/**
 * Starts the app on `dataDir` in a fresh process with one step failing with `code`: the first step
 * matching `step` after the first step matching `after` (or its `occurrence`-th). The process then
 * ends without closing, as a crash or a refusal to start would leave the library.
 */
export async function openWithFault(
  dataDir: string,
  fault: { step: string; after: string; code: 'ENOSPC' | 'EIO' | 'EACCES'; occurrence?: number },
): Promise<FaultedOpen> {
  const outcome = await runChild(
    [
      'open-fault',
      dataDir,
      resourcesDir,
      fault.step,
      fault.code,
      fault.after,
      String(fault.occurrence ?? 0),
    ],
    { timeoutMs: 30_000 },
  )
  return lastJsonLine(outcome, 'The start with a fault') as FaultedOpen
}
