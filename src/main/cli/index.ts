import { homedir } from 'node:os'
import { join } from 'node:path'
import { osDataDir } from './os-data-dir'
import { runCli } from './run-cli'

// The `lectern` command: the app's services on the same data folder, without a window.
runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  env: process.env,
  defaultDataDir: osDataDir(process.platform, process.env, homedir()),
  resourcesDir: join(__dirname, '../../resources'),
  importWorkerPath: join(__dirname, 'importWorker.js'),
}).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    process.stderr.write(`lectern: ${error instanceof Error ? error.message : String(error)}\n`)
    process.exitCode = 1
  },
)
