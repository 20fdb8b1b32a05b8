import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

// The Electron security gate: Doyensec's Electronegativity over src/. Every finding must be
// reviewed and listed, with its reason, in electronegativity-allowlist.json; a listed finding
// that no longer occurs must be removed from the list, so the list stays true.

const run = promisify(execFile)
const root = resolve(__dirname, '../../..')
const analyser = join(root, 'node_modules/@doyensec/electronegativity/dist/index.js')
const electronVersion = '45.5.0'

interface Finding {
  readonly check: string
  readonly file: string
  readonly line: number
}

interface SarifResult {
  ruleId: string
  locations: {
    physicalLocation: { artifactLocation: { uri: string }; region?: { startLine?: number } }
  }[]
}

/** A reviewed finding: which check, in which file (relative to src/), and why it is fine. */
interface AllowListEntry {
  readonly check: string
  readonly file: string
  readonly reason: string
}

describe('Electronegativity over src/', () => {
  let allowList: AllowListEntry[]
  let outDir: string
  let findings: Finding[]

  beforeAll(async () => {
    allowList = JSON.parse(
      await readFile(join(__dirname, 'electronegativity-allowlist.json'), 'utf8'),
    ) as AllowListEntry[]
    outDir = await mkdtemp(join(tmpdir(), 'lectern-electronegativity-'))
    const output = join(outDir, 'findings.sarif')
    // The check for newer Electron releases needs the network; versions are pinned and
    // reviewed by hand instead (see docs/reliability.md).
    await run(
      process.execPath,
      [
        analyser,
        '--input',
        join(root, 'src'),
        '--electron-version',
        electronVersion,
        '--relative',
        '--verbose',
        'false',
        '--exclude-checks',
        'AvailableSecurityFixesGlobalCheck',
        '--output',
        output,
      ],
      { cwd: root, timeout: 120_000 },
    )
    const sarif = JSON.parse(await readFile(output, 'utf8')) as {
      runs: { results: SarifResult[] }[]
    }
    findings = sarif.runs.flatMap((r) =>
      r.results.map((result) => {
        const location = result.locations[0]?.physicalLocation
        return {
          check: result.ruleId,
          file: location?.artifactLocation.uri ?? 'N/A',
          line: location?.region?.startLine ?? 0,
        }
      }),
    )
    console.info(`electronegativity: ${findings.length} findings, all reviewed`)
  }, 150_000)
  afterAll(() => rm(outDir, { recursive: true, force: true }))

  const isListed = (finding: Finding) =>
    allowList.some((entry) => entry.check === finding.check && entry.file === finding.file)

  it('finds nothing that is not reviewed and listed with a reason', () => {
    expect(findings.length).toBeGreaterThan(0)
    expect(findings.filter((finding) => !isListed(finding))).toEqual([])
    for (const entry of allowList) expect(entry.reason.length).toBeGreaterThan(40)
  })

  it('lists nothing that no longer occurs', () => {
    const stale = allowList.filter(
      (entry) => !findings.some((f) => f.check === entry.check && f.file === entry.file),
    )
    expect(stale).toEqual([])
  })
})
