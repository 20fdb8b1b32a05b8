// @ts-check
// What `npm start` does about the Electron binary, as pure functions over facts the shell gathers
// (scripts/ensure-electron.mjs). electron 45 no longer downloads its binary on install, and
// electron-vite reads node_modules/electron/path.txt itself and stops with "Electron uninstall"
// when it is missing, so the download has to happen before electron-vite starts.

/** The oldest Node that electron 45's downloader (@electron/get 5) declares it supports. */
export const minimumDownloaderNode = '22.12.0'

/**
 * Why electron's installer failed, read from what it printed.
 * @typedef {{ kind: 'unreachable' }
 *   | { kind: 'refused', status: number }
 *   | { kind: 'checksum' }
 *   | { kind: 'other' }} DownloadFailure
 */

/**
 * What happened when electron's own installer ran: `undefined` before it has run.
 * @typedef {{ ok: true } | { ok: false, failure: DownloadFailure }} DownloadOutcome
 */

/**
 * The facts the decision needs; the shell gathers them, the tests write them down.
 * @typedef {object} ElectronFacts
 * @property {string | undefined} electronVersion the installed `electron` package's version, or undefined when it is not installed
 * @property {boolean} usesCustomBinary ELECTRON_EXEC_PATH is set: electron-vite then starts that binary and never reads path.txt
 * @property {boolean} pathFileExists node_modules/electron/path.txt exists
 * @property {boolean} binaryExists the binary path.txt names (or ELECTRON_EXEC_PATH) exists
 * @property {string} nodeVersion `process.version` of the Node running the check, e.g. "v22.12.0"
 * @property {DownloadOutcome | undefined} download what electron's installer did, if it ran
 * @property {string} rerun the command the reader ran and can run again: "npm start" or "npm run dev"
 */

/**
 * What to do next: start the app, run electron's installer, or stop with one sentence.
 * @typedef {{ action: 'start' } | { action: 'download' } | { action: 'stop', message: string }} ElectronDecision
 */

/**
 * Decides whether the app can start, needs electron's installer first, or cannot start.
 * @param {ElectronFacts} facts
 * @returns {ElectronDecision}
 */
export function decideElectronSetup(facts) {
  if (facts.electronVersion === undefined)
    return stop(
      'Lectern needs the electron package, which is not installed: run "npm install" first.',
    )
  if (facts.usesCustomBinary)
    return facts.binaryExists
      ? { action: 'start' }
      : stop(
          'ELECTRON_EXEC_PATH names an Electron binary that does not exist: point it at an installed Electron or unset it.',
        )
  if (facts.pathFileExists && facts.binaryExists) return { action: 'start' }
  const missing = `Lectern needs the Electron ${facts.electronVersion} binary, which is not installed`
  if (facts.download === undefined) {
    if (!isAtLeast(facts.nodeVersion, minimumDownloaderNode))
      return stop(
        `${missing}, and Electron's downloader needs Node ${minimumDownloaderNode} or newer (this is Node ${stripV(facts.nodeVersion)}): install Node 22.12+ or 24, then run "${facts.rerun}" again.`,
      )
    return { action: 'download' }
  }
  if (facts.download.ok)
    return stop(
      `${missing}: Electron's installer finished but node_modules/electron/path.txt or the binary it names is still missing, so delete node_modules/electron and run "npm install" again.`,
    )
  return stop(`${missing} and ${describeFailure(facts.download.failure, facts.rerun)}.`)
}

/**
 * Reads why electron's installer failed from its error output (it prints an error's stack).
 * @param {string} output what the installer wrote to stderr
 * @returns {DownloadFailure}
 */
export function classifyDownloadFailure(output) {
  // @electron/get's HTTPError: "Response code 403 (Forbidden) for https://…"
  const status = /Response code (\d{3})/.exec(output)
  if (status?.[1] !== undefined) return { kind: 'refused', status: Number(status[1]) }
  // sumchecker's ChecksumMismatchError, when the file differs from checksums.json.
  if (/did not match expected checksum/.test(output)) return { kind: 'checksum' }
  // Node's fetch says "fetch failed" and names the cause: no DNS, no route, a proxy or firewall.
  if (
    /fetch failed|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|UND_ERR_CONNECT_TIMEOUT|socket hang up/.test(
      output,
    )
  )
    return { kind: 'unreachable' }
  return { kind: 'other' }
}

/**
 * The second half of the sentence: why the download failed and what the reader can do.
 * @param {DownloadFailure} failure
 * @param {string} rerun
 * @returns {string}
 */
function describeFailure(failure, rerun) {
  switch (failure.kind) {
    case 'unreachable':
      return `could not be downloaded because the download server could not be reached: connect to the internet (or set ELECTRON_MIRROR to a mirror you can reach) and run "${rerun}" again`
    case 'refused':
      return `could not be downloaded because the download server refused it with HTTP status ${failure.status}: check your network's proxy, or set ELECTRON_MIRROR to a mirror you can reach, and run "${rerun}" again`
    case 'checksum':
      return `the downloaded file did not match Electron's published checksum: run "${rerun}" again, and if that fails too, delete node_modules/electron and run "npm install"`
    case 'other':
      return 'Electron\'s installer could not install it: run "npx install-electron" to see its full error'
  }
}

/**
 * @param {string} message
 * @returns {ElectronDecision}
 */
function stop(message) {
  return { action: 'stop', message }
}

/**
 * @param {string} version
 * @returns {string}
 */
function stripV(version) {
  return version.replace(/^v/, '')
}

/**
 * Whether a Node version ("v20.20.2" or "20.20.2") is at least `minimum`; an unreadable one is not.
 * @param {string} version
 * @param {string} minimum
 * @returns {boolean}
 */
export function isAtLeast(version, minimum) {
  const have = parseVersion(version)
  const need = parseVersion(minimum)
  if (have === undefined || need === undefined) return false
  for (let i = 0; i < 3; i++) {
    const a = have[i] ?? 0
    const b = need[i] ?? 0
    if (a !== b) return a > b
  }
  return true
}

/**
 * @param {string} version
 * @returns {number[] | undefined}
 */
function parseVersion(version) {
  const match = /^v?(\d+)\.(\d+)\.(\d+)/.exec(version)
  return match ? match.slice(1, 4).map(Number) : undefined
}
