// Keeps V8's compiled code of the command line's modules between runs, so that a short command
// (`lectern list`) does not spend most of its time compiling the same JavaScript again.
// Node 22.1+ does this itself (module.enableCompileCache); on older Node, CommonJS modules are
// compiled here with V8's code cache, as the v8-compile-cache package did for years. The cache
// lives in the system's temporary folder, never in a data folder: losing it costs one slower
// start, and a stale or damaged entry is refused by V8 and compiled afresh.
const Module = require('node:module')
const { createHash } = require('node:crypto')
const { mkdirSync, readFileSync, renameSync, writeFileSync } = require('node:fs')
const { tmpdir } = require('node:os')
const { dirname, join } = require('node:path')
const vm = require('node:vm')

/** Turns the cache on for the rest of this process; never throws. */
function enableCompileCache() {
  try {
    if (typeof Module.enableCompileCache === 'function') {
      Module.enableCompileCache()
      return
    }
    const folder = join(tmpdir(), `lectern-compile-cache-${process.getuid?.() ?? 'user'}`)
    mkdirSync(folder, { recursive: true })
    compileWithCache(folder)
  } catch {
    // Without a cache the command only starts more slowly.
  }
}

function compileWithCache(folder) {
  /** Scripts compiled without a usable cache entry, to be written when the process ends. */
  const fresh = []
  const compile = Module.prototype._compile
  Module.prototype._compile = function (content, filename) {
    // The key covers the file's path and text: a rebuilt file gets a new entry.
    const key = createHash('sha1').update(filename).update('\0').update(content).digest('hex')
    const entry = join(folder, key)
    let cachedData
    try {
      cachedData = readFileSync(entry)
    } catch {
      cachedData = undefined
    }
    let script
    try {
      script = new vm.Script(Module.wrap(content), {
        filename,
        cachedData,
        importModuleDynamically: vm.constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER,
      })
    } catch {
      // A module V8 cannot compile this way is compiled by Node, as without the cache.
      return compile.call(this, content, filename)
    }
    if (cachedData === undefined || script.cachedDataRejected) fresh.push({ entry, script })
    const run = script.runInThisContext({ displayErrors: true })
    return run.call(this.exports, this.exports, requireFor(this), this, filename, dirname(filename))
  }
  process.once('exit', () => {
    for (const { entry, script } of fresh) {
      try {
        // Written whole under another name, then renamed: two commands at once never read half.
        const partial = `${entry}.${process.pid}.tmp`
        writeFileSync(partial, script.createCachedData())
        renameSync(partial, entry)
      } catch {
        // The next run compiles this module again.
      }
    }
  })
}

/** The `require` a module gets, as Node makes it. */
function requireFor(module) {
  const require = (id) => module.require(id)
  require.resolve = (request, options) => Module._resolveFilename(request, module, false, options)
  require.resolve.paths = (request) => Module._resolveLookupPaths(request, module)
  require.main = process.mainModule
  require.extensions = Module._extensions
  require.cache = Module._cache
  return require
}

module.exports = { enableCompileCache }
