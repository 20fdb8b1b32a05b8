// Sums the JSON reports of every test suite that ran into the one line CI reads:
// "N passed, N failed, N skipped". A suite that did not run (an earlier step failed) adds nothing.
import { existsSync, readFileSync } from 'node:fs'

const totals = { passed: 0, failed: 0, skipped: 0 }
const suites = []

if (existsSync('reports/vitest.json')) {
  const vitest = JSON.parse(readFileSync('reports/vitest.json', 'utf8'))
  totals.passed += vitest.numPassedTests
  totals.failed += vitest.numFailedTests
  totals.skipped += vitest.numPendingTests + vitest.numTodoTests
  suites.push(`vitest ${vitest.numPassedTests}/${vitest.numTotalTests}`)
}
if (existsSync('reports/playwright.json')) {
  const { stats } = JSON.parse(readFileSync('reports/playwright.json', 'utf8'))
  totals.passed += stats.expected + stats.flaky
  totals.failed += stats.unexpected
  totals.skipped += stats.skipped
  suites.push(
    `playwright ${stats.expected + stats.flaky}/${stats.expected + stats.flaky + stats.unexpected + stats.skipped}`,
  )
}
console.log(`suites: ${suites.join(', ') || 'none ran'}`)
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`)
