#!/usr/bin/env node
// The `lectern` command. It runs the built command line (npm install builds it; so does npm run build).
const { existsSync } = require('node:fs')
const { join } = require('node:path')

const built = join(__dirname, '..', 'out', 'main', 'cli.js')
if (!existsSync(built)) {
  process.stderr.write(
    'lectern: the command line is not built yet. Run "npm run build" in the Lectern folder.\n',
  )
  process.exit(1)
}
require('./compile-cache.cjs').enableCompileCache()
require(built)
