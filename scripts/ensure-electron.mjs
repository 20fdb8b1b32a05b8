// @ts-check
// Runs before `npm start` and `npm run dev`: makes sure the Electron binary is installed, running
// electron's own installer when it is not, and otherwise stops with one sentence and exit code 1.
// The decisions are in ensure-electron-decision.mjs; this file only gathers facts and acts.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { classifyDownloadFailure, decideElectronSetup } from './ensure-electron-decision.mjs'

const require = createRequire(import.meta.url)

/** The installed electron package's folder, or undefined when it is not installed. */
function electronPackageDir() {
  try {
    return dirname(require.resolve('electron/package.json'))
  } catch {
    return undefined
  }
}

/**
 * The facts about the installed binary, as electron-vite will look for it.
 * @param {string | undefined} packageDir
 * @param {import('./ensure-electron-decision.mjs').DownloadOutcome | undefined} download
 * @returns {import('./ensure-electron-decision.mjs').ElectronFacts}
 */
function gatherFacts(packageDir, download) {
  const customBinary = process.env['ELECTRON_EXEC_PATH'] || undefined
  const pathFile = packageDir === undefined ? undefined : join(packageDir, 'path.txt')
  const pathFileExists = pathFile !== undefined && existsSync(pathFile)
  const binary =
    customBinary ??
    (pathFile !== undefined && pathFileExists
      ? join(dirname(pathFile), 'dist', readFileSync(pathFile, 'utf8'))
      : undefined)
  return {
    electronVersion:
      packageDir === undefined
        ? undefined
        : String(JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')).version),
    usesCustomBinary: customBinary !== undefined,
    pathFileExists,
    binaryExists: binary !== undefined && existsSync(binary),
    nodeVersion: process.version,
    download,
    // npm names the script it runs; the sentence tells the reader to run that one again.
    rerun: process.env['npm_lifecycle_event'] === 'dev' ? 'npm run dev' : 'npm start',
  }
}

/**
 * Runs electron's own installer (its `install-electron` bin). Its progress goes to the terminal;
 * its error output is kept to say in words why it failed, instead of printing its stack.
 * @param {string} packageDir
 * @returns {import('./ensure-electron-decision.mjs').DownloadOutcome}
 */
function runElectronInstaller(packageDir) {
  const result = spawnSync(process.execPath, [join(packageDir, 'install.js')], {
    stdio: ['ignore', 'inherit', 'pipe'],
    encoding: 'utf8',
  })
  if (result.status === 0) return { ok: true }
  return {
    ok: false,
    failure: classifyDownloadFailure(`${result.stderr ?? ''}${result.error ?? ''}`),
  }
}

const packageDir = electronPackageDir()
let decision = decideElectronSetup(gatherFacts(packageDir, undefined))
if (decision.action === 'download' && packageDir !== undefined) {
  console.log('Downloading the Electron binary once (about 100 MB)…')
  decision = decideElectronSetup(gatherFacts(packageDir, runElectronInstaller(packageDir)))
}
if (decision.action === 'stop') {
  console.error(decision.message)
  process.exit(1)
}
