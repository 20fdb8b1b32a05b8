import { homedir } from 'node:os'
import { join } from 'node:path'
import { explainError } from './explain-error'
import { osDataDir } from './os-data-dir'
import { runCli } from './run-cli'

// `lectern list | head -1`: once the reader of our output has gone, the rest of the output is
// dropped and the command finishes its work quietly (it may hold the library's lock and be
// mid-write) instead of dying with an EPIPE stack.
let isStdoutClosed = false
process.stdout.on('error', () => (isStdoutClosed = true))
process.stderr.on('error', () => undefined)
const isDebug = process.env['LECTERN_DEBUG'] === '1'
// Whatever escapes every step (a throw in a callback) is still one sentence, never a stack.
process.on('uncaughtException', (error) => {
  process.stderr.write(`lectern: ${explainError(error, isDebug)}\n`)
  process.exit(1)
})

// The `lectern` command: the app's services on the same data folder, without a window.
runCli(process.argv.slice(2), {
  out: (text) => {
    if (!isStdoutClosed) process.stdout.write(text)
  },
  err: (text) => process.stderr.write(text),
  env: process.env,
  defaultDataDir: osDataDir(process.platform, process.env, homedir()),
  resourcesDir: join(__dirname, '../../resources'),
  importWorkerPath: join(__dirname, 'importWorker.js'),
}).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    process.stderr.write(`lectern: ${explainError(error, isDebug)}\n`)
    process.exitCode = 1
  },
)
