import { describe, expect, it } from 'vitest'
import {
  classifyDownloadFailure,
  decideElectronSetup,
  isAtLeast,
  type ElectronFacts,
} from '../../../scripts/ensure-electron-decision.mjs'

/** A machine with the electron package installed but no binary yet, on a supported Node. */
const freshInstall: ElectronFacts = {
  electronVersion: '45.5.0',
  usesCustomBinary: false,
  pathFileExists: false,
  binaryExists: false,
  nodeVersion: 'v22.12.0',
  download: undefined,
  rerun: 'npm start',
}

/** The one sentence a decision stops with; fails the test if it does not stop. */
function stopMessage(facts: ElectronFacts): string {
  const decision = decideElectronSetup(facts)
  if (decision.action !== 'stop') throw new Error(`expected to stop, got ${decision.action}`)
  return decision.message
}

/** One sentence: one full stop at the end, no stack, no bare error code. */
function expectOneSentence(message: string) {
  expect(message).toMatch(/^[A-Z][^\n]*\.$/)
  expect(message).not.toMatch(/\bat \S+ \(|\((?:E[A-Z]+|undefined)\)/)
}

describe('decideElectronSetup', () => {
  it('starts without downloading when path.txt and the binary it names exist', () => {
    expect(
      decideElectronSetup({ ...freshInstall, pathFileExists: true, binaryExists: true }),
    ).toEqual({ action: 'start' })
  })

  it('starts on an installed binary even on a Node too old to download one', () => {
    expect(
      decideElectronSetup({
        ...freshInstall,
        pathFileExists: true,
        binaryExists: true,
        nodeVersion: 'v20.19.0',
      }),
    ).toEqual({ action: 'start' })
  })

  it("runs electron's installer when path.txt is missing", () => {
    expect(decideElectronSetup(freshInstall)).toEqual({ action: 'download' })
  })

  it("runs electron's installer when path.txt names a binary that is gone", () => {
    expect(decideElectronSetup({ ...freshInstall, pathFileExists: true })).toEqual({
      action: 'download',
    })
  })

  it('does not try to download on a Node older than 22.12 and says which Node to install', () => {
    const message = stopMessage({ ...freshInstall, nodeVersion: 'v20.20.2' })
    expect(message).toContain('Electron 45.5.0 binary')
    expect(message).toContain('this is Node 20.20.2')
    expect(message).toContain('22.12')
    expectOneSentence(message)
  })

  it('says the server could not be reached when the download failed offline', () => {
    const message = stopMessage({
      ...freshInstall,
      download: { ok: false, failure: { kind: 'unreachable' } },
    })
    expect(message).toContain('could not be reached')
    expect(message).toContain('run "npm start" again')
    expectOneSentence(message)
  })

  it('says the server refused the download, with its status', () => {
    const message = stopMessage({
      ...freshInstall,
      download: { ok: false, failure: { kind: 'refused', status: 403 } },
    })
    expect(message).toContain('refused it with HTTP status 403')
    expect(message).toContain('ELECTRON_MIRROR')
    expectOneSentence(message)
  })

  it('says a download that did not match its checksum can be retried', () => {
    const message = stopMessage({
      ...freshInstall,
      download: { ok: false, failure: { kind: 'checksum' } },
    })
    expect(message).toContain('checksum')
    expectOneSentence(message)
  })

  it("points at electron's own installer for a failure it cannot name", () => {
    const message = stopMessage({
      ...freshInstall,
      download: { ok: false, failure: { kind: 'other' } },
    })
    expect(message).toContain('npx install-electron')
    expectOneSentence(message)
  })

  it('tells the reader to run again the command they ran', () => {
    const message = stopMessage({
      ...freshInstall,
      rerun: 'npm run dev',
      download: { ok: false, failure: { kind: 'refused', status: 404 } },
    })
    expect(message).toContain('run "npm run dev" again')
    expect(message).not.toContain('npm start')
  })

  it('stops when the installer succeeded but the binary is still missing, instead of looping', () => {
    const message = stopMessage({ ...freshInstall, download: { ok: true } })
    expect(message).toContain('delete node_modules/electron')
    expectOneSentence(message)
  })

  it('starts once the installer has put the binary in place', () => {
    expect(
      decideElectronSetup({
        ...freshInstall,
        pathFileExists: true,
        binaryExists: true,
        download: { ok: true },
      }),
    ).toEqual({ action: 'start' })
  })

  it('asks for npm install when the electron package itself is missing', () => {
    const message = stopMessage({ ...freshInstall, electronVersion: undefined })
    expect(message).toContain('npm install')
    expectOneSentence(message)
  })

  it('trusts ELECTRON_EXEC_PATH when it names a binary, as electron-vite does', () => {
    expect(
      decideElectronSetup({ ...freshInstall, usesCustomBinary: true, binaryExists: true }),
    ).toEqual({ action: 'start' })
  })

  it('does not download over an ELECTRON_EXEC_PATH that names nothing', () => {
    const message = stopMessage({ ...freshInstall, usesCustomBinary: true })
    expect(message).toContain('ELECTRON_EXEC_PATH')
    expectOneSentence(message)
  })
})

describe('classifyDownloadFailure', () => {
  it('reads an offline machine from the stack Node fetch prints', () => {
    const offline = [
      'TypeError: fetch failed',
      '    at node:internal/deps/undici/undici:14976:13',
      '    at async FetchDownloader.download (file:///x/@electron/get/dist/FetchDownloader.js:46:30)',
    ].join('\n')
    expect(classifyDownloadFailure(offline)).toEqual({ kind: 'unreachable' })
    expect(classifyDownloadFailure('Error: getaddrinfo ENOTFOUND github.com')).toEqual({
      kind: 'unreachable',
    })
    expect(classifyDownloadFailure('Error: connect ECONNREFUSED 127.0.0.1:443')).toEqual({
      kind: 'unreachable',
    })
  })

  it('reads a refused download and its status from @electron/get', () => {
    expect(
      classifyDownloadFailure(
        'HTTPError: Response code 403 (Forbidden) for https://github.com/electron/electron/releases/download/v45.5.0/electron-v45.5.0-linux-x64.zip',
      ),
    ).toEqual({ kind: 'refused', status: 403 })
  })

  it('reads a checksum mismatch', () => {
    expect(
      classifyDownloadFailure(
        'Error: Generated checksum for "electron-v45.5.0-linux-x64.zip" did not match expected checksum.',
      ),
    ).toEqual({ kind: 'checksum' })
  })

  it('calls anything else "other"', () => {
    expect(
      classifyDownloadFailure('Error: Electron builds are not available on platform: aix'),
    ).toEqual({ kind: 'other' })
    expect(classifyDownloadFailure('')).toEqual({ kind: 'other' })
  })
})

describe('isAtLeast', () => {
  it.each([
    ['v22.12.0', true],
    ['v22.11.9', false],
    ['v20.20.2', false],
    ['v24.0.0', true],
    ['22.12.1', true],
    ['v100.0.0', true],
    ['not a version', false],
  ])('compares Node %s with 22.12.0', (version, expected) => {
    expect(isAtLeast(version, '22.12.0')).toBe(expected)
  })
})
